#include "core/deploy/modelbundlemeta.h"

#include "core/util/error.h"

#include <nlohmann/json.hpp>

namespace mf {

namespace {

constexpr const char *kFormatName = "modelforge-model";

} // namespace

std::string ModelBundleMeta::toJson() const
{
    nlohmann::json json = {
        {"format", kFormatName},
        {"version", formatVersion},
        {"run", run},
        {"run_name", runName},
        {"precision", precision},
        {"config", nlohmann::json::parse(configJson)},
        {"sample_shape", sampleShape},
        {"table_inputs", tableInputs},
        {"classes", classNames},
        {"parameters", parameters},
        {"normalization", {{"mean", normalization.mean}, {"std", normalization.std}}},
        {"params", params},
        {"exported_by", exportedBy}};
    if (testAccuracy)
        json["test_accuracy"] = *testAccuracy;
    if (textInputs) {
        json["text_inputs"] = true;
        json["text"] = text;
    }
    return json.dump();
}

ModelBundleMeta ModelBundleMeta::fromJson(const std::string &text, const std::string &file)
{
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object() || json.value("format", std::string()) != kFormatName)
        throw DataError(file, "meta", "not a ModelForge model bundle");
    std::string key;
    try {
        ModelBundleMeta meta;
        key = "version";
        meta.formatVersion = json.at(key).get<int>();
        if (meta.formatVersion > kFormatVersion)
            throw DataError(file, key,
                            "format version " + std::to_string(meta.formatVersion) +
                                " is newer than this ModelForge reads (" +
                                std::to_string(kFormatVersion) + ")");
        key = "run";
        meta.run = json.at(key).get<std::int64_t>();
        key = "run_name";
        meta.runName = json.at(key).get<std::string>();
        key = "precision";
        meta.precision = json.at(key).get<std::string>();
        key = "config";
        meta.configJson = json.at(key).dump();
        key = "sample_shape";
        meta.sampleShape = json.at(key).get<std::vector<std::int64_t>>();
        key = "table_inputs";
        meta.tableInputs = json.at(key).get<bool>();
        key = "classes";
        meta.classNames = json.at(key).get<std::vector<std::string>>();
        key = "normalization";
        meta.normalization.mean = json.at(key).at("mean").get<std::vector<double>>();
        meta.normalization.std = json.at(key).at("std").get<std::vector<double>>();
        key = "params";
        meta.params = json.at(key).get<std::map<std::string, std::string>>();
        key = "parameters";
        meta.parameters = json.value(key, std::int64_t(0));
        key = "exported_by";
        meta.exportedBy = json.value(key, std::string());
        key = "test_accuracy";
        if (json.contains(key))
            meta.testAccuracy = json.at(key).get<double>();
        key = "text_inputs";
        meta.textInputs = json.value(key, false);
        if (meta.textInputs) {
            key = "text";
            meta.text = json.at(key).get<TextConfig>();
            if (meta.sampleShape != std::vector<std::int64_t>{meta.text.sequenceLength})
                throw DataError(file, key, "the sequence length does not match the input shape");
        }
        if (meta.classNames.empty() || meta.sampleShape.empty())
            throw DataError(file, "meta", "it names no classes or no input shape");
        return meta;
    } catch (const nlohmann::json::exception &error) {
        throw DataError(file, key, std::string("missing or of the wrong type: ") + error.what());
    } catch (const ConfigError &error) {
        throw DataError(file, key, error.what());
    }
}

} // namespace mf
