#pragma once
// Core-typed helpers for the Runs section's evaluation cache; no Qt, no torch.

#include "core/store/runrecord.h"
#include "core/train/trainevents.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace mf {

/// The evaluation of a run's checkpoint kept as JSON in the run's directory
/// (eval-test.json or eval-validation.json), valid while the checkpoint's sha256 is unchanged.
class EvaluationCache
{
public:
    static constexpr int kFormatVersion = 1;

    /// "eval-test.json" or "eval-validation.json".
    static std::string fileName(bool testSplit);

    /// The cached report, or std::nullopt when the file is missing, unreadable, of another
    /// format or made from a checkpoint other than the one with `checkpointSha256`.
    static std::optional<EvalReport> read(const std::string &path,
                                          const std::string &checkpointSha256);
    /// Writes atomically; throws mf::Error when the file cannot be written.
    static void write(const std::string &path, const EvalReport &report, const Artifact &checkpoint,
                      const std::string &dataset);

    static nlohmann::json toJson(const EvalReport &report);
    /// Throws nlohmann::json::exception or mf::Error for a document of the wrong shape.
    static EvalReport fromJson(const nlohmann::json &json);
};

} // namespace mf
