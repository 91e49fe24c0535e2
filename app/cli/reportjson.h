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
const char *outcomeName(TrainOutcome outcome);

/// Per-class precision/recall/F1 and the confusion matrix as text.
void printEvalReport(std::ostream &out, const EvalReport &report);

} // namespace mf::cli
