#pragma once

#include <torch/torch.h>

#include <string>

namespace mf {

/// Whether `name` is one of relu, sigmoid, tanh, gelu.
bool isKnownActivation(const std::string &name);

/// A fresh activation module for `name`; unknown name: mf::ConfigError naming "activation".
torch::nn::AnyModule makeActivation(const std::string &name);

} // namespace mf
