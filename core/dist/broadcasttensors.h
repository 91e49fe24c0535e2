#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/dist/collectives.h"

#include <torch/torch.h>

#include <vector>

namespace mf {

/// Copies rank `root`'s values of `tensors` into every rank's, in place: one flat broadcast per
/// dtype. Every rank passes tensors of the same shapes in the same order.
void broadcastTensors(Collectives &collectives, const std::vector<torch::Tensor> &tensors,
                      int root);

/// The parameters and the defined buffers (batch-norm statistics) of `module`.
std::vector<torch::Tensor> stateTensors(const torch::nn::Module &module);

} // namespace mf
