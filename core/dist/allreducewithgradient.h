#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/dist/collectives.h"

#include <torch/torch.h>

#include <memory>

namespace mf {

/// Sums `local` over the ranks, as a step of the autograd graph: the result is the job's sum on
/// every rank, and since each rank's result depends on every rank's `local`, the gradient that
/// reaches `local` in backward is summed over the ranks too (torch.distributed.nn's all_reduce).
/// Every rank must call it, and run backward through it, in the same order. What synchronised
/// batch norm reduces its statistics with.
torch::Tensor allReduceSumWithGradient(const std::shared_ptr<Collectives> &collectives,
                                       const torch::Tensor &local);

} // namespace mf
