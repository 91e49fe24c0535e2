#include "core/roi/scenariojson.h"

#include "core/roi/inputcatalogue.h"
#include "core/roi/scenario.h"
#include "core/util/atomicfile.h"
#include "core/util/error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <set>

namespace mf::roi {

namespace {

using Json = nlohmann::json;

// Bare NaN / Infinity words are rewritten to these strings so that the reader can name the key.
const char *const kNanMarker = "\x01NaN";
const char *const kInfinityMarker = "\x01Infinity";
const char *const kMinusInfinityMarker = "\x01-Infinity";

const char *distributionName(Distribution distribution)
{
    switch (distribution) {
    case Distribution::Triangular:
        return "triangular";
    case Distribution::Pert:
        return "pert";
    case Distribution::Fixed:
        break;
    }
    return "fixed";
}

double savable(double value, const std::string &where)
{
    if (!std::isfinite(value))
        throw ConfigError("The scenario cannot be saved: " + where + " is " +
                          (std::isnan(value) ? "NaN" : "infinite") +
                          "; only finite numbers can be saved.");
    return value;
}

template <class J>
J matrixJson(const std::vector<std::vector<double>> &matrix, const std::string &where)
{
    J rows = J::array();
    for (std::size_t i = 0; i < matrix.size(); ++i) {
        J row = J::array();
        for (std::size_t j = 0; j < matrix[i].size(); ++j)
            row.push_back(savable(matrix[i][j], where + "[" + std::to_string(i) + "][" +
                                                    std::to_string(j) + "]"));
        rows.push_back(std::move(row));
    }
    return rows;
}

template <class J> J inputJson(const std::string &key, const Input &input)
{
    J j = J::object();
    j["value"] = savable(input.value, key);
    j["low"] = savable(input.low, key + ".low");
    j["high"] = savable(input.high, key + ".high");
    j["distribution"] = distributionName(input.distribution);
    j["source"] = input.source;
    j["asOf"] = input.asOf;
    return j;
}

template <class J> J toJson(const Scenario &scenario)
{
    for (const auto &entry : scenario.inputs)
        if (!findInput(entry.first))
            throw ConfigError("The scenario cannot be saved: \"" + entry.first +
                              "\" is not an input of the ROI model.");
    J j = J::object();
    j["format"] = kScenarioFormat;
    j["version"] = kScenarioVersion;
    j["name"] = scenario.name;
    j["currency"] = scenario.currency;
    j["notes"] = scenario.notes;
    j["sourceRuns"] = scenario.sourceRuns;
    J inputs = J::object();
    for (const InputSpec &spec : inputCatalogue()) {
        const auto own = scenario.inputs.find(spec.key);
        if (own != scenario.inputs.end())
            inputs[spec.key] = inputJson<J>(spec.key, own->second);
    }
    j["inputs"] = std::move(inputs);
    const PredictionValue &prediction = scenario.predictionValue;
    J predictionJson = J::object();
    predictionJson["classes"] = prediction.classes;
    predictionJson["benefit"] = matrixJson<J>(prediction.benefit, "predictionValue.benefit");
    predictionJson["confusion"] = matrixJson<J>(prediction.confusion, "predictionValue.confusion");
    predictionJson["confusionSource"] = prediction.confusionSource;
    predictionJson["benefitSource"] = prediction.benefitSource;
    j["predictionValue"] = std::move(predictionJson);
    return j;
}

/// Reads one scenario object, naming the key and the reason of the first thing wrong.
class Reader
{
public:
    explicit Reader(const std::string &file) : m_file(file) {}

    [[noreturn]] void fail(const std::string &where, const std::string &reason) const
    {
        throw DataError(m_file, where, reason);
    }

    void requireObject(const Json &j, const std::string &where) const
    {
        if (!j.is_object())
            fail(where, std::string("must be an object, not ") + typeName(j));
    }

    void allowOnly(const Json &object, std::initializer_list<const char *> keys,
                   const std::string &prefix, const char *what) const
    {
        const std::set<std::string> allowed(keys.begin(), keys.end());
        for (const auto &item : object.items())
            if (!allowed.count(item.key()))
                fail(prefix + item.key(), std::string("unknown ") + what);
    }

    const Json &field(const Json &object, const char *key, const std::string &where) const
    {
        const auto found = object.find(key);
        if (found == object.end())
            fail(where, "is missing; it is required");
        return *found;
    }

    double number(const Json &j, const std::string &where) const
    {
        if (j.is_number()) {
            const double value = j.get<double>();
            if (!std::isfinite(value))
                fail(where, "is not a finite number");
            return value;
        }
        if (j.is_null())
            fail(where, "is null (how NaN is written); a number is required");
        if (j.is_string() && j.get_ref<const std::string &>() == kNanMarker)
            fail(where, "is NaN; a number is required");
        if (j.is_string() && (j.get_ref<const std::string &>() == kInfinityMarker ||
                              j.get_ref<const std::string &>() == kMinusInfinityMarker))
            fail(where, "is infinite; a finite number is required");
        fail(where, std::string("must be a number, not ") + typeName(j));
    }

    std::string text(const Json &j, const std::string &where) const
    {
        if (!j.is_string())
            fail(where, std::string("must be a string, not ") + typeName(j));
        return j.get<std::string>();
    }

    std::string optionalText(const Json &object, const char *key, const std::string &where) const
    {
        const auto found = object.find(key);
        return found == object.end() ? std::string() : text(*found, where);
    }

    const Json &array(const Json &j, const std::string &where) const
    {
        if (!j.is_array())
            fail(where, std::string("must be an array, not ") + typeName(j));
        return j;
    }

    int wholeNumber(const Json &j, const std::string &where) const
    {
        if (!j.is_number_integer())
            fail(where, std::string("must be a whole number, not ") + typeName(j));
        const auto value = j.get<long long>();
        if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
            fail(where, "is out of range");
        return static_cast<int>(value);
    }

    Scenario scenario(const Json &j) const
    {
        requireObject(j, "");
        allowOnly(j,
                  {"format", "version", "name", "currency", "notes", "sourceRuns", "inputs",
                   "predictionValue"},
                  "", "key");
        const std::string format = text(field(j, "format", "format"), "format");
        if (format != kScenarioFormat)
            fail("format", "is \"" + format + "\", not \"" + kScenarioFormat + "\"");
        const int version = wholeNumber(field(j, "version", "version"), "version");
        if (version > kScenarioVersion)
            fail("version", "is " + std::to_string(version) +
                                ", newer than this program reads (up to " +
                                std::to_string(kScenarioVersion) + ")");
        if (version < 1)
            fail("version", "is " + std::to_string(version) + "; versions start at 1");

        Scenario s;
        s.name = text(field(j, "name", "name"), "name");
        s.currency = text(field(j, "currency", "currency"), "currency");
        s.notes = optionalText(j, "notes", "notes");
        if (const auto runs = j.find("sourceRuns"); runs != j.end()) {
            std::size_t i = 0;
            for (const Json &run : array(*runs, "sourceRuns"))
                s.sourceRuns.push_back(wholeNumber(run, "sourceRuns[" + std::to_string(i++) + "]"));
        }
        const Json &inputs = field(j, "inputs", "inputs");
        requireObject(inputs, "inputs");
        for (const auto &item : inputs.items())
            s.inputs[item.key()] = input(item.key(), item.value());
        if (const auto prediction = j.find("predictionValue"); prediction != j.end())
            s.predictionValue = predictionValue(*prediction);
        return s;
    }

private:
    static const char *typeName(const Json &j)
    {
        if (j.is_string() && !j.get_ref<const std::string &>().empty() &&
            j.get_ref<const std::string &>()[0] == '\x01')
            return "a bare word";
        return j.type_name();
    }

    Input input(const std::string &key, const Json &j) const
    {
        if (!findInput(key))
            fail(key, "unknown input (not in the ROI model's catalogue)");
        requireObject(j, key);
        allowOnly(j, {"value", "low", "high", "distribution", "source", "asOf"}, key + ".",
                  "field");
        Input in;
        in.value = number(field(j, "value", key + ".value"), key + ".value");
        const auto low = j.find("low");
        in.low = low == j.end() ? in.value : number(*low, key + ".low");
        const auto high = j.find("high");
        in.high = high == j.end() ? in.value : number(*high, key + ".high");
        const std::string distribution = optionalText(j, "distribution", key + ".distribution");
        if (distribution == "triangular")
            in.distribution = Distribution::Triangular;
        else if (distribution == "pert")
            in.distribution = Distribution::Pert;
        else if (!distribution.empty() && distribution != "fixed")
            fail(key + ".distribution",
                 "is \"" + distribution + "\"; it must be fixed, triangular or pert");
        in.source = optionalText(j, "source", key + ".source");
        in.asOf = optionalText(j, "asOf", key + ".asOf");
        return in;
    }

    std::vector<std::vector<double>> matrix(const Json &object, const char *name) const
    {
        const std::string where = std::string("predictionValue.") + name;
        std::vector<std::vector<double>> rows;
        const auto found = object.find(name);
        if (found == object.end())
            return rows;
        for (const Json &row : array(*found, where)) {
            const std::string rowWhere = where + "[" + std::to_string(rows.size()) + "]";
            std::vector<double> values;
            for (const Json &cell : array(row, rowWhere))
                values.push_back(
                    number(cell, rowWhere + "[" + std::to_string(values.size()) + "]"));
            rows.push_back(std::move(values));
        }
        return rows;
    }

    PredictionValue predictionValue(const Json &j) const
    {
        requireObject(j, "predictionValue");
        allowOnly(j, {"classes", "benefit", "confusion", "confusionSource", "benefitSource"},
                  "predictionValue.", "key");
        PredictionValue p;
        if (const auto classes = j.find("classes"); classes != j.end())
            for (const Json &name : array(*classes, "predictionValue.classes"))
                p.classes.push_back(text(name, "predictionValue.classes[" +
                                                   std::to_string(p.classes.size()) + "]"));
        p.benefit = matrix(j, "benefit");
        p.confusion = matrix(j, "confusion");
        p.confusionSource = optionalText(j, "confusionSource", "predictionValue.confusionSource");
        p.benefitSource = optionalText(j, "benefitSource", "predictionValue.benefitSource");
        return p;
    }

    const std::string &m_file;
};

/// `text` with the bare words NaN, Infinity and -Infinity outside strings replaced by marker
/// strings; unchanged when there are none.
std::string markNonFiniteWords(const std::string &text)
{
    static const std::pair<const char *, const char *> words[] = {
        {"-Infinity", "\"\\u0001-Infinity\""},
        {"Infinity", "\"\\u0001Infinity\""},
        {"NaN", "\"\\u0001NaN\""}};
    std::string out;
    out.reserve(text.size());
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < text.size())
                out += text[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        bool replaced = false;
        for (const auto &[word, marker] : words) {
            if (text.compare(i, std::char_traits<char>::length(word), word) == 0) {
                out += marker;
                i += std::char_traits<char>::length(word) - 1;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out += c;
    }
    return out;
}

std::string withoutExceptionTag(const std::string &message)
{
    const auto end = message.find("] ");
    return message.rfind("[json.exception", 0) == 0 && end != std::string::npos
               ? message.substr(end + 2)
               : message;
}

} // namespace

nlohmann::json scenarioToJson(const Scenario &scenario)
{
    return toJson<Json>(scenario);
}

std::string scenarioToJsonText(const Scenario &scenario)
{
    try {
        return toJson<nlohmann::ordered_json>(scenario).dump(2) + "\n";
    } catch (const nlohmann::json::type_error &error) {
        throw ConfigError("The scenario cannot be saved: " + withoutExceptionTag(error.what()));
    }
}

Scenario scenarioFromJson(const nlohmann::json &json, const std::string &file)
{
    return Reader(file).scenario(json);
}

Scenario scenarioFromJsonText(const std::string &text, const std::string &file)
{
    Json json;
    try {
        json = Json::parse(text);
    } catch (const nlohmann::json::parse_error &error) {
        const std::string marked = markNonFiniteWords(text);
        if (marked == text || !Json::accept(marked))
            throw DataError(file, DataError::atOffset(error.byte),
                            "is not valid JSON: " + withoutExceptionTag(error.what()));
        json = Json::parse(marked);
    } catch (const nlohmann::json::exception &error) {
        throw DataError(file, "", "is not valid JSON: " + withoutExceptionTag(error.what()));
    }
    return scenarioFromJson(json, file);
}

Scenario readScenarioFile(const std::string &path)
{
    return scenarioFromJsonText(readWholeFile(path), path);
}

void writeScenarioFile(const std::string &path, const Scenario &scenario)
{
    writeFileAtomically(path, scenarioToJsonText(scenario));
}

} // namespace mf::roi
