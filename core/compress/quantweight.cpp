#include "core/compress/quantweight.h"

#include "core/util/error.h"

namespace mf {

torch::Tensor quantizeWeight(const torch::Tensor &weight, QuantGranularity granularity)
{
    if (weight.dim() < 1 || weight.numel() == 0)
        throw ConfigError("Cannot quantise an empty weight tensor.");
    const auto fp32 = weight.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    if (!torch::isfinite(fp32).all().item<bool>())
        throw Error("Cannot quantise weights that contain NaN or infinity.");
    if (granularity == QuantGranularity::PerTensor) {
        const double absMax = fp32.abs().max().item<double>();
        const double scale = absMax > 0.0 ? absMax / 127.0 : 1.0;
        return torch::quantize_per_tensor(fp32, scale, 0, torch::kQInt8);
    }
    const auto absMax = std::get<0>(fp32.abs().flatten(1).max(1)).to(torch::kFloat64);
    const auto scales = torch::where(absMax > 0, absMax / 127.0, torch::ones_like(absMax));
    const auto zeroPoints = torch::zeros({fp32.size(0)}, torch::kLong);
    return torch::quantize_per_channel(fp32, scales, zeroPoints, 0, torch::kQInt8);
}

} // namespace mf
