#include "core/models/weightinit.h"

#include "core/util/error.h"

#include <cmath>

namespace mf {

namespace {

void initializeTensors(torch::Tensor &weight, torch::Tensor &bias, InitScheme scheme, double a)
{
    // weight is [out, in, *kernel]: fan-in = in * kernel area, fan-out = out * kernel area.
    const double receptive = weight.dim() > 2 ? static_cast<double>(weight[0][0].numel()) : 1.0;
    const double fanIn = static_cast<double>(weight.size(1)) * receptive;
    const double fanOut = static_cast<double>(weight.size(0)) * receptive;
    torch::NoGradGuard noGrad;
    switch (scheme) {
    case InitScheme::Default:
        return;
    case InitScheme::Uniform: {
        const double bound = a / std::sqrt(fanIn);
        weight.uniform_(-bound, bound);
        break;
    }
    case InitScheme::Gaussian:
        weight.normal_(0.0, a / std::sqrt(fanIn));
        break;
    case InitScheme::Xavier: {
        const double bound = a * std::sqrt(6.0 / (fanIn + fanOut));
        weight.uniform_(-bound, bound);
        break;
    }
    case InitScheme::Kaiming:
        weight.normal_(0.0, a * std::sqrt(2.0 / fanIn));
        break;
    }
    if (bias.defined())
        bias.zero_();
}

} // namespace

void initializeWeights(torch::nn::Module &module, InitScheme scheme, double a)
{
    if (scheme == InitScheme::Default)
        return;
    if (!(a > 0.0) || !std::isfinite(a))
        throw ConfigError("init.a: must be a positive number");
    for (const auto &child : module.modules(/*include_self=*/true)) {
        if (auto *linear = child->as<torch::nn::Linear>())
            initializeTensors(linear->weight, linear->bias, scheme, a);
        else if (auto *conv = child->as<torch::nn::Conv2d>())
            initializeTensors(conv->weight, conv->bias, scheme, a);
    }
}

} // namespace mf
