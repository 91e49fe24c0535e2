#include "core/models/activation.h"

#include "core/util/error.h"

namespace mf {

Activation activationFromName(const std::string &name)
{
    for (Activation activation :
         {Activation::Relu, Activation::Sigmoid, Activation::Tanh, Activation::Gelu})
        if (name == activationName(activation))
            return activation;
    throw ConfigError("activation: unknown activation \"" + name +
                      "\" (expected relu, sigmoid, tanh or gelu)");
}

const char *activationName(Activation activation)
{
    switch (activation) {
    case Activation::Identity:
        return "identity";
    case Activation::Relu:
        return "relu";
    case Activation::Sigmoid:
        return "sigmoid";
    case Activation::Tanh:
        return "tanh";
    case Activation::Gelu:
        return "gelu";
    }
    return "identity";
}

torch::Tensor activate(Activation activation, const torch::Tensor &input)
{
    switch (activation) {
    case Activation::Identity:
        return input;
    case Activation::Relu:
        return torch::relu(input);
    case Activation::Sigmoid:
        return torch::sigmoid(input);
    case Activation::Tanh:
        return torch::tanh(input);
    case Activation::Gelu:
        return torch::gelu(input);
    }
    return input;
}

bool commutesWithMax(Activation activation)
{
    return activation != Activation::Gelu;
}

torch::nn::AnyModule makeActivation(const std::string &name)
{
    switch (activationFromName(name)) {
    case Activation::Relu:
        return torch::nn::AnyModule(torch::nn::ReLU());
    case Activation::Sigmoid:
        return torch::nn::AnyModule(torch::nn::Sigmoid());
    case Activation::Tanh:
        return torch::nn::AnyModule(torch::nn::Tanh());
    case Activation::Gelu:
        return torch::nn::AnyModule(torch::nn::GELU());
    case Activation::Identity:
        break;
    }
    return torch::nn::AnyModule(torch::nn::Identity());
}

} // namespace mf
