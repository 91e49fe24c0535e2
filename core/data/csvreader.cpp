#include "core/data/csvreader.h"

#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "core/util/recordscanner.h"

#include <charconv>
#include <cmath>
#include <map>

namespace mf {

namespace {

constexpr std::int64_t kMaxIntegerClasses = 65536;

bool parseNumber(const std::string &text, float &value)
{
    const char *begin = text.data();
    const char *end = text.data() + text.size();
    if (begin != end && *begin == '+')
        ++begin;
    double parsed = 0.0;
    const auto result = std::from_chars(begin, end, parsed);
    if (begin == end || result.ec != std::errc() || result.ptr != end || !std::isfinite(parsed))
        return false;
    value = static_cast<float>(parsed);
    return std::isfinite(value);
}

bool parseClassIndex(const std::string &text, std::int64_t &value)
{
    const char *end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    return !text.empty() && result.ec == std::errc() && result.ptr == end && value >= 0;
}

std::size_t labelColumnIndex(const std::string &path, const std::vector<std::string> &header,
                             const std::string &labelColumn)
{
    for (std::size_t c = 0; c < header.size(); ++c)
        if (header[c] == labelColumn)
            return c;
    if (labelColumn == "label")
        return header.size() - 1;
    std::string columns;
    for (const std::string &name : header)
        columns += (columns.empty() ? "" : ", ") + name;
    throw DataError(path, DataError::atLine(1),
                    "no label column named \"" + labelColumn + "\" (columns: " + columns + ")");
}

} // namespace

Dataset readCsv(const std::string &path, const std::string &labelColumn)
{
    const std::string text = readWholeFile(path);
    RecordScanner scanner(text, path);
    std::vector<std::string> header;
    std::uint64_t line = 0;
    if (!scanner.next(header, line))
        throw DataError(path, "", "empty file; a header row is required");
    if (header.size() < 2)
        throw DataError(path, DataError::atLine(line),
                        "the header has only one column; at least one feature and a label "
                        "are required");
    const std::size_t labelIndex = labelColumnIndex(path, header, labelColumn);
    const std::size_t columns = header.size();

    Dataset dataset;
    dataset.kind = DatasetKind::Table;
    dataset.format = "csv";
    dataset.source = path;
    for (std::size_t c = 0; c < columns; ++c)
        if (c != labelIndex)
            dataset.featureNames.push_back(header[c]);

    std::vector<float> features;
    std::vector<std::string> labelTexts;
    std::vector<std::uint64_t> labelLines;
    std::vector<std::string> fields;
    while (scanner.next(fields, line)) {
        if (fields.size() != columns)
            throw DataError(path, DataError::atLine(line),
                            "row has " + std::to_string(fields.size()) +
                                (fields.size() == 1 ? " field" : " fields") + ", the header has " +
                                std::to_string(columns));
        for (std::size_t c = 0; c < columns; ++c) {
            if (c == labelIndex) {
                labelTexts.push_back(fields[c]);
                labelLines.push_back(line);
                continue;
            }
            float value = 0.0f;
            if (!parseNumber(fields[c], value))
                throw DataError(path, DataError::atLine(line),
                                "feature \"" + header[c] + "\" is not a finite number: \"" +
                                    fields[c] + "\"");
            features.push_back(value);
        }
    }
    if (labelTexts.empty())
        throw DataError(path, "", "no data rows after the header");

    const auto rows = static_cast<std::int64_t>(labelTexts.size());
    std::vector<std::int64_t> labels(labelTexts.size());
    bool integers = true;
    for (std::size_t r = 0; r < labelTexts.size() && integers; ++r)
        integers = parseClassIndex(labelTexts[r], labels[r]);
    if (integers) {
        std::int64_t maxLabel = 0;
        for (std::size_t r = 0; r < labels.size(); ++r) {
            if (labels[r] >= kMaxIntegerClasses)
                throw DataError(path, DataError::atLine(labelLines[r]),
                                "label " + labelTexts[r] + " exceeds the limit of " +
                                    std::to_string(kMaxIntegerClasses) + " classes");
            maxLabel = std::max(maxLabel, labels[r]);
        }
        for (std::int64_t k = 0; k <= maxLabel; ++k)
            dataset.classNames.push_back(std::to_string(k));
    } else {
        std::map<std::string, std::int64_t> classes;
        for (const std::string &label : labelTexts)
            classes.emplace(label, 0);
        std::int64_t next = 0;
        for (auto &[name, index] : classes) {
            index = next++;
            dataset.classNames.push_back(name);
        }
        for (std::size_t r = 0; r < labelTexts.size(); ++r)
            labels[r] = classes.at(labelTexts[r]);
    }

    const auto featureCount = static_cast<std::int64_t>(columns - 1);
    dataset.inputs =
        torch::from_blob(features.data(), {rows, featureCount}, torch::kFloat32).clone();
    dataset.labels = torch::from_blob(labels.data(), {rows}, torch::kInt64).clone();
    return dataset;
}

} // namespace mf
