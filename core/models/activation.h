#pragma once

#include <torch/torch.h>

#include <string>

namespace mf {

/// The activations a model spec names.
enum class Activation
{
    Identity, ///< none: a layer that applies no activation
    Relu,
    Sigmoid,
    Tanh,
    Gelu
};

/// The activation `name` ("relu", "sigmoid", "tanh", "gelu"); unknown name: mf::ConfigError
/// naming "activation".
Activation activationFromName(const std::string &name);
/// "identity", "relu", ...
const char *activationName(Activation activation);
/// `activation` applied to `input` through ATen's operator, as the module would.
torch::Tensor activate(Activation activation, const torch::Tensor &input);
/// Whether `activation` never decreases, so that it commutes with a maximum: the max of the
/// activated values is the activation of the max, and the gradient reaches the same input.
/// True for ReLU, sigmoid, tanh and the identity; GELU dips below zero for negative inputs.
bool commutesWithMax(Activation activation);

/// A fresh activation module for `name`; unknown name: mf::ConfigError naming "activation".
torch::nn::AnyModule makeActivation(const std::string &name);

} // namespace mf
