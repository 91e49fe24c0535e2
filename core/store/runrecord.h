#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace mf {

/// The run param naming the run a run was made from (a compression variant's source).
inline constexpr const char *kParentRunParam = "lineage.parent";
/// The run param that marks a compression variant, with its technique ("channels 0.5"); its
/// source run is in kParentRunParam.
inline constexpr const char *kCompressionParam = "compression.technique";

enum class RunStatus
{
    Running,
    Finished,
    Failed,
    Stopped,
    Interrupted
};

/// "RUNNING", "FINISHED", "FAILED", "STOPPED", "INTERRUPTED".
const char *runStatusName(RunStatus status);
/// Inverse of runStatusName; std::nullopt for anything else.
std::optional<RunStatus> runStatusFromName(const std::string &name);

/// One row of the runs table. Times are milliseconds since the Unix epoch (UTC); 0 = unset.
struct RunRecord
{
    std::int64_t id = 0;
    std::string name;
    RunStatus status = RunStatus::Running;
    std::string configJson;
    std::string dataset; ///< path or name of the dataset
    std::string model;   ///< model type: mlp, cnn, resnet
    std::int64_t startedAtMs = 0;
    std::int64_t endedAtMs = 0;
    std::int64_t heartbeatAtMs = 0;
    std::string device;   ///< "cpu", "cuda:0"
    std::string versions; ///< "modelforge 0.1.0; libtorch 1.13.1"
    std::string host;
    std::int64_t pid = 0;
    std::string failureReason;
    std::string tags; ///< comma-separated
    std::string notes;
    std::optional<double> bestValAccuracy; ///< max of metric "val_accuracy", if logged
    std::int64_t resumedAtMs = 0;          ///< when the last resume began; 0: never resumed
    std::int64_t activeBeforeMs = 0;       ///< time trained before the last resume

    /// How long the run has trained, until `nowMs` for a RUNNING run: from its start, or for a
    /// resumed run the time before the resume plus the time since, never the time it lay dead.
    /// -1 when unknown.
    std::int64_t durationMs(std::int64_t nowMs) const;
};

struct MetricPoint
{
    std::string key; ///< "train_loss", "val_accuracy", "lr", "samples_per_second", ...
    std::int64_t step = 0;
    int epoch = 0;
    double wallSeconds = 0.0;
    double value = 0.0;
};

struct Artifact
{
    std::int64_t id = 0;
    std::int64_t runId = 0;
    std::string kind; ///< "checkpoint"
    std::string path;
    std::int64_t sizeBytes = 0;
    std::string sha256;
    int epoch = 0;
    std::int64_t createdAtMs = 0;
};

/// A dataset opened in the workbench: its path, its format ("idx", "imagefolder", "csv", ...)
/// and when it was last opened.
struct RecentDataset
{
    std::string path;
    std::string kind;
    std::int64_t lastOpenedMs = 0;
};

} // namespace mf
