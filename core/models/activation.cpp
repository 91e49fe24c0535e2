#include "core/models/activation.h"

#include "core/util/error.h"

namespace mf {

torch::nn::AnyModule makeActivation(const std::string &name)
{
    if (name == "relu")
        return torch::nn::AnyModule(torch::nn::ReLU());
    if (name == "sigmoid")
        return torch::nn::AnyModule(torch::nn::Sigmoid());
    if (name == "tanh")
        return torch::nn::AnyModule(torch::nn::Tanh());
    if (name == "gelu")
        return torch::nn::AnyModule(torch::nn::GELU());
    throw ConfigError("activation: unknown activation \"" + name +
                      "\" (expected relu, sigmoid, tanh or gelu)");
}

} // namespace mf
