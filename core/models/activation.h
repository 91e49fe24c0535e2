#pragma once

#include <torch/torch.h>

#include <string>

namespace mf {

/// A fresh activation module for `name`; unknown name: mf::ConfigError naming "activation".
torch::nn::AnyModule makeActivation(const std::string &name);

} // namespace mf
