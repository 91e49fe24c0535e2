#pragma once

#include "core/train/trainconfig.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace mf {

/// Creates the optimiser `config.name` names over `parameters`; unknown name: mf::ConfigError.
std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimizerConfig &config,
                                                       std::vector<torch::Tensor> parameters);

/// Whether `name` is one makeOptimizer() accepts.
bool isKnownOptimizer(const std::string &name);

/// Sets the learning rate of every parameter group of `optimizer`.
void setLearningRate(torch::optim::Optimizer &optimizer, double rate);

} // namespace mf
