#pragma once

#include "core/store/runrecord.h"
#include "core/train/trainevents.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace mf::cli {

nlohmann::json toJson(const EvalReport &report);
nlohmann::json toJson(const RunRecord &run);
nlohmann::json toJson(const EpochMetrics &epoch);
/// {"plan", "processor", "capability", "threads", "measure_seconds", "choices": [{"op", "shape",
/// "chosen", "cached", "timings_ms": {candidate: ms}, "failed": {candidate: reason}}], "note"}.
nlohmann::json toJson(const KernelChoice &kernels);
/// Milliseconds per step of each phase: {"steps", "data", "forward", "backward", "optimizer",
/// "recording", "total"}.
nlohmann::json toJson(const StepPhaseTimes &phases);
const char *outcomeName(TrainOutcome outcome);

/// Per-class precision/recall/F1 and the confusion matrix as text.
void printEvalReport(std::ostream &out, const EvalReport &report);

} // namespace mf::cli
