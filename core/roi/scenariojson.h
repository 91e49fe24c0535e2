#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace mf::roi {

struct Scenario;

/// The scenario file format: a JSON object
///     {"format": "modelforge-roi-scenario", "version": 1, "name": ..., "currency": ...,
///      "notes": ..., "sourceRuns": [ids], "inputs": {"<catalogue key>": {"value": v, "low": l,
///      "high": h, "distribution": "fixed" | "triangular" | "pert", "source": ..., "asOf": ...}},
///      "predictionValue": {"classes": [...], "benefit": [[...]], "confusion": [[...]],
///      "confusionSource": ..., "benefitSource": ...}}
/// Required: format, version, name, currency, inputs, and each input's value; low and high
/// default to the value, the distribution to fixed, every other field to empty. Writing then
/// reading gives back an identical Scenario (doubles bit for bit, inputs in the map as they were).
inline constexpr const char *kScenarioFormat = "modelforge-roi-scenario";
inline constexpr int kScenarioVersion = 1;

/// The scenario as JSON. Throws mf::ConfigError for what could not be read back: an input key
/// outside the catalogue or a number that is NaN or infinite.
nlohmann::json scenarioToJson(const Scenario &scenario);

/// The JSON text of a file (indented, inputs in catalogue order, ending in a newline). Throws
/// mf::ConfigError as scenarioToJson() does, and for text that is not valid UTF-8.
std::string scenarioToJsonText(const Scenario &scenario);

/// Reads a scenario; `file` names it in errors. Throws mf::DataError(file, where, reason) with
/// `where` the key (e.g. "format", "serving.latencyMs" for an unknown input or one that is not an
/// object, "serving.latencyMs.value", "serving.latencyMs.low", "predictionValue.benefit[1][0]") and
/// the reason: an unknown key, a wrong type, NaN or null for a number, a missing required field,
/// another format or a newer version. The values are not range-checked here: validate()
/// (projection.h) does that.
Scenario scenarioFromJson(const nlohmann::json &json, const std::string &file);

/// Parses `text` and reads it. Text that is not JSON gives where = "offset N"; NaN or Infinity
/// written as bare words (as Python's json module does) name their key.
Scenario scenarioFromJsonText(const std::string &text, const std::string &file);

/// readWholeFile() + scenarioFromJsonText(), and scenarioToJsonText() + writeFileAtomically().
Scenario readScenarioFile(const std::string &path);
void writeScenarioFile(const std::string &path, const Scenario &scenario);

} // namespace mf::roi
