#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/roi/measuredrun.h"
#include "core/train/trainingsession.h"

#include <cstdint>

namespace mf {

/// Measures run `runId` on this machine for the ROI calculator: its recorded training wall
/// time, its model as it would be deployed (the model file's size and parameters; median
/// latency at batch 1 and throughput at batch 64 with the current thread count) and its
/// confusion matrix on the test part of its dataset (the validation split when the dataset has
/// none; left empty, with a note in evaluatedOn, when the dataset cannot be read). Takes a few
/// seconds; run it off the GUI thread. ConfigError or DataError as ModelBundle::exportRun().
roi::MeasuredRun measureRun(std::int64_t runId, const SessionOptions &options);

} // namespace mf
