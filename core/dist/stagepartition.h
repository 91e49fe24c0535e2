#pragma once

#include <cstddef>
#include <vector>

namespace mf {

/// Where each stage of a pipeline begins: the index of its first layer in the model, stage 0 at
/// 0; stage s runs layers [starts[s], starts[s + 1]) and the last stage runs to the end.
using StageStarts = std::vector<std::size_t>;

/// Cuts layers of the given `costs` (say, measured milliseconds) into `stages` contiguous,
/// non-empty runs so that the costliest run costs least: the pipeline's pace is its slowest
/// stage's. mf::ConfigError when there are fewer layers than stages.
StageStarts balancedStageStarts(const std::vector<double> &costs, int stages);

/// `boundaries` given by a user: the first layer of stages 1..stages-1, increasing, each stage
/// holding at least one of the `layers` layers. Returns the StageStarts; mf::ConfigError naming
/// the problem otherwise.
StageStarts stageStartsFrom(const std::vector<std::size_t> &boundaries, std::size_t layers,
                            int stages);

} // namespace mf
