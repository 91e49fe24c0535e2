#pragma once

#include <torch/torch.h>

#include <string>

namespace mf {

/// targets: int64 class indices. cross_entropy on logits; mse on softmax(logits) vs one-hot;
/// bce = binary_cross_entropy_with_logits vs one-hot. Unknown name: mf::ConfigError.
torch::Tensor computeLoss(const std::string &name, const torch::Tensor &logits,
                          const torch::Tensor &targets);

/// l1 * sum|w| + 0.5 * l2 * sum w^2 over weight tensors of dim > 1 (not biases, not norm
/// layers); a defined zero scalar when both are 0.
torch::Tensor weightPenalty(torch::nn::Module &model, double l1, double l2);

/// Whether `name` is a loss computeLoss() accepts.
bool isKnownLoss(const std::string &name);

} // namespace mf
