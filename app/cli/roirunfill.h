#pragma once
// Torch-free header over a torch source (roirunfill.cpp measures the runs).

#include "core/roi/runfill.h"

#include <cstdint>
#include <optional>
#include <string>

namespace mf::cli {

/// Measures the runs on this machine (measureRun()) and fills `scenario` from them: training
/// figures from `trainingRun`, serving figures and the confusion matrix from `servingRun`. Either
/// may be missing: without a serving run the training run serves; without a training run the
/// serving run's parent (a compressed variant's source, kParentRunParam) trains, or the serving
/// run itself when it has none. At least one must be given.
roi::FillReport fillScenarioFromRuns(roi::Scenario &scenario,
                                     std::optional<std::int64_t> trainingRun,
                                     std::optional<std::int64_t> servingRun,
                                     const std::string &workspace);

} // namespace mf::cli
