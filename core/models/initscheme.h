#pragma once

#include <string>

namespace mf {

/// Weight initialisation schemes; n is a weight's fan-in (input features, or input channels
/// times kernel area) and m its fan-out:
///   Default  LibTorch's own initialisation, biases untouched
///   Uniform  U(-a/sqrt(n), a/sqrt(n))
///   Gaussian N(0, a^2/n)
///   Xavier   Glorot uniform U(-b, b), b = a * sqrt(6 / (n + m))
///   Kaiming  He normal for ReLU, N(0, a^2 * 2/n)
/// Every scheme but Default also sets biases to zero.
enum class InitScheme
{
    Default,
    Uniform,
    Gaussian,
    Xavier,
    Kaiming
};

/// Parses "default", "uniform", "gaussian", "xavier", "kaiming"; otherwise mf::ConfigError
/// naming "init.scheme".
InitScheme parseInitScheme(const std::string &name);

} // namespace mf
