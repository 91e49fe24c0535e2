#include "core/compress/compressionreport.h"

#include "core/models/specreader.h"
#include "core/util/atomicfile.h"
#include "core/util/csvfield.h"
#include "core/util/error.h"

#include <charconv>
#include <limits>

namespace mf {

namespace {

constexpr std::int64_t kMaxCount = std::numeric_limits<std::int64_t>::max();
constexpr double kMaxNumber = std::numeric_limits<double>::max();

nlohmann::json latencyJson(const LatencyStats &stats)
{
    return {
        {"median_ms", stats.medianMs}, {"p95_ms", stats.p95Ms}, {"repetitions", stats.repetitions}};
}

nlohmann::json measurementJson(const VariantMeasurement &m)
{
    return {{"name", m.name},
            {"parameters", m.parameters},
            {"non_zero_parameters", m.nonZeroParameters},
            {"file_bytes", m.fileBytes},
            {"batch1", latencyJson(m.batch1)},
            {"batch64", latencyJson(m.batch64)},
            {"warmup", m.warmup},
            {"threads", m.threads},
            {"throughput", m.throughput},
            {"accuracy", m.accuracy},
            {"class_accuracy", m.classAccuracy},
            {"class_names", m.classNames},
            {"confusion", m.confusion},
            {"test_samples", m.testSamples},
            {"processor", m.processor}};
}

nlohmann::json deltaJson(const VariantDelta &delta)
{
    return {{"accuracy_points", delta.accuracyPoints},
            {"class_accuracy_points", delta.classAccuracyPoints},
            {"size_ratio", delta.sizeRatio},
            {"speedup_batch1", delta.speedupBatch1},
            {"speedup_batch64", delta.speedupBatch64}};
}

nlohmann::json layerJson(const LayerDecision &layer)
{
    return {{"layer", layer.layer},
            {"precision", layer.precision},
            {"int8_ms", layer.int8Millis},
            {"fp32_ms", layer.fp32Millis},
            {"accuracy_alone", layer.accuracyAlone},
            {"reason", layer.reason}};
}

/// The array at `key`, empty when absent.
const nlohmann::json &arrayAt(const SpecReader &reader, const std::string &key)
{
    static const nlohmann::json empty = nlohmann::json::array();
    if (!reader.has(key))
        return empty;
    const nlohmann::json &value = reader.value(key);
    if (!value.is_array())
        reader.fail(key, "must be an array");
    return value;
}

std::vector<double> readNumbers(const SpecReader &reader, const std::string &key)
{
    std::vector<double> numbers;
    for (const nlohmann::json &value : arrayAt(reader, key)) {
        if (!value.is_number())
            reader.fail(key, "must be an array of numbers");
        numbers.push_back(value.get<double>());
    }
    return numbers;
}

std::vector<std::string> readTexts(const SpecReader &reader, const std::string &key)
{
    std::vector<std::string> texts;
    for (const nlohmann::json &value : arrayAt(reader, key)) {
        if (!value.is_string())
            reader.fail(key, "must be an array of strings");
        texts.push_back(value.get<std::string>());
    }
    return texts;
}

LatencyStats readLatency(const SpecReader &parent, const std::string &key)
{
    static const nlohmann::json absent = nlohmann::json::object();
    const SpecReader reader(parent.has(key) ? parent.value(key) : absent,
                            parent.keyName(key) + ".");
    LatencyStats stats;
    stats.medianMs = reader.number("median_ms", 0.0, 0.0, kMaxNumber);
    stats.p95Ms = reader.number("p95_ms", 0.0, 0.0, kMaxNumber);
    stats.repetitions =
        static_cast<int>(reader.integer("repetitions", 0, 0, std::numeric_limits<int>::max()));
    return stats;
}

VariantMeasurement readMeasurement(const nlohmann::json &json, const std::string &prefix)
{
    const SpecReader reader(json, prefix);
    VariantMeasurement m;
    m.name = reader.requiredText("name");
    m.parameters = reader.integer("parameters", 0, 0, kMaxCount);
    m.nonZeroParameters = reader.integer("non_zero_parameters", 0, 0, kMaxCount);
    m.fileBytes = reader.unsignedInteger("file_bytes", 0);
    m.batch1 = readLatency(reader, "batch1");
    m.batch64 = readLatency(reader, "batch64");
    m.warmup = static_cast<int>(reader.integer("warmup", 0, 0, std::numeric_limits<int>::max()));
    m.threads = static_cast<int>(reader.integer("threads", 0, 0, std::numeric_limits<int>::max()));
    m.throughput = reader.number("throughput", 0.0, 0.0, kMaxNumber);
    m.accuracy = reader.number("accuracy", 0.0, 0.0, 1.0);
    m.classAccuracy = readNumbers(reader, "class_accuracy");
    m.classNames = readTexts(reader, "class_names");
    const nlohmann::json &confusion = arrayAt(reader, "confusion");
    for (const nlohmann::json &row : confusion) {
        if (!row.is_array() || row.size() != confusion.size())
            reader.fail("confusion", "must be a square array of arrays of counts");
        std::vector<std::int64_t> counts;
        for (const nlohmann::json &count : row) {
            if (!count.is_number_integer() || count.get<std::int64_t>() < 0)
                reader.fail("confusion", "must hold non-negative integer counts");
            counts.push_back(count.get<std::int64_t>());
        }
        m.confusion.push_back(std::move(counts));
    }
    m.testSamples = reader.integer("test_samples", 0, 0, kMaxCount);
    m.processor = reader.text("processor", {});
    return m;
}

LayerDecision readLayer(const nlohmann::json &json, const std::string &prefix)
{
    const SpecReader reader(json, prefix);
    LayerDecision layer;
    layer.layer = reader.requiredText("layer");
    layer.precision = reader.requiredText("precision");
    layer.int8Millis = reader.number("int8_ms", 0.0, 0.0, kMaxNumber);
    layer.fp32Millis = reader.number("fp32_ms", 0.0, 0.0, kMaxNumber);
    // Negative: not measured (the layer was already slower in int8, or no budget was set).
    layer.accuracyAlone = reader.number("accuracy_alone", 0.0, -1.0, 1.0);
    layer.reason = reader.text("reason", {});
    return layer;
}

ReportedVariant readVariant(const nlohmann::json &json, const std::string &prefix)
{
    const SpecReader reader(json, prefix);
    ReportedVariant variant;
    if (!reader.has("measurement"))
        reader.fail("measurement", "is required");
    variant.measurement = readMeasurement(reader.value("measurement"), prefix + "measurement.");
    variant.technique = reader.text("technique", {});
    variant.notes = readTexts(reader, "notes");
    const nlohmann::json &layers = arrayAt(reader, "layers");
    for (std::size_t i = 0; i < layers.size(); ++i)
        variant.layers.push_back(
            readLayer(layers[i], prefix + "layers[" + std::to_string(i) + "]."));
    return variant;
}

/// Six significant digits, with a '.' whatever the locale (the JSON keeps every digit).
std::string csvNumber(double value)
{
    char buffer[64];
    const std::to_chars_result result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6);
    return std::string(buffer, result.ptr);
}

std::string csvRow(const VariantMeasurement &m, const std::string &technique,
                   const VariantDelta &delta)
{
    const std::vector<std::string> fields{
        csvField(m.name),
        csvField(technique),
        std::to_string(m.parameters),
        std::to_string(m.nonZeroParameters),
        std::to_string(m.fileBytes),
        csvNumber(m.batch1.medianMs),
        csvNumber(m.batch1.p95Ms),
        csvNumber(m.batch64.medianMs),
        csvNumber(m.batch64.p95Ms),
        csvNumber(m.throughput),
        csvNumber(m.accuracy * 100.0),
        csvNumber(delta.accuracyPoints),
        csvNumber(delta.sizeRatio),
        csvNumber(delta.speedupBatch64),
    };
    std::string row;
    for (std::size_t i = 0; i < fields.size(); ++i)
        row += (i == 0 ? "" : ",") + fields[i];
    return row + "\n";
}

} // namespace

nlohmann::json CompressionReport::toJson() const
{
    nlohmann::json variantsJson = nlohmann::json::array();
    for (const ReportedVariant &variant : variants) {
        nlohmann::json layers = nlohmann::json::array();
        for (const LayerDecision &layer : variant.layers)
            layers.push_back(layerJson(layer));
        variantsJson.push_back({{"technique", variant.technique},
                                {"notes", variant.notes},
                                {"layers", layers},
                                {"measurement", measurementJson(variant.measurement)},
                                {"delta", deltaJson(variant.measurement.deltaAgainst(source))}});
    }
    return {{"format_version", kFormatVersion},
            {"source", measurementJson(source)},
            {"variants", variantsJson}};
}

CompressionReport CompressionReport::fromJson(const nlohmann::json &json)
{
    const SpecReader reader(json, "");
    const std::int64_t version = reader.integer("format_version", 1, 1, kMaxCount);
    if (version > kFormatVersion)
        reader.fail("format_version", "is " + std::to_string(version) +
                                          ": the report was written by a newer ModelForge");
    if (!reader.has("source"))
        reader.fail("source", "is required");
    CompressionReport report;
    report.source = readMeasurement(reader.value("source"), "source.");
    const nlohmann::json &variants = arrayAt(reader, "variants");
    for (std::size_t i = 0; i < variants.size(); ++i)
        report.variants.push_back(readVariant(variants[i], "variants[" + std::to_string(i) + "]."));
    return report;
}

const char *CompressionReport::csvHeader()
{
    return "name,technique,parameters,non_zero_parameters,file_bytes,latency_b1_median_ms,"
           "latency_b1_p95_ms,latency_b64_median_ms,latency_b64_p95_ms,throughput_b64,"
           "accuracy_percent,accuracy_delta_points,size_ratio,speedup_b64";
}

std::string CompressionReport::toCsv() const
{
    std::string csv = std::string(csvHeader()) + "\n";
    VariantDelta identity;
    identity.sizeRatio = source.fileBytes > 0 ? 1.0 : 0.0;
    identity.speedupBatch64 = source.batch64.medianMs > 0.0 ? 1.0 : 0.0;
    csv += csvRow(source, kSourceTechnique, identity);
    for (const ReportedVariant &variant : variants)
        csv += csvRow(variant.measurement, variant.technique,
                      variant.measurement.deltaAgainst(source));
    return csv;
}

void CompressionReport::writeJson(const std::string &path) const
{
    writeFileAtomically(path, toJson().dump(2) + "\n");
}

void CompressionReport::writeCsv(const std::string &path) const
{
    writeFileAtomically(path, toCsv());
}

CompressionReport CompressionReport::readJson(const std::string &path)
{
    const std::string text = readWholeFile(path);
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error &error) {
        throw DataError(path, DataError::atOffset(error.byte), "not valid JSON");
    }
    return fromJson(json);
}

} // namespace mf
