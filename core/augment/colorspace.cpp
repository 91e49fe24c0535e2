#include "core/augment/colorspace.h"

#include "core/util/error.h"

namespace mf {

namespace {

/// choices[k] where `sector` == k, elementwise.
torch::Tensor pick(const torch::Tensor &sector, const std::array<torch::Tensor, 6> &choices)
{
    torch::Tensor result = choices[5];
    for (int k = 4; k >= 0; --k)
        result = torch::where(sector == k, choices[static_cast<std::size_t>(k)], result);
    return result;
}

} // namespace

torch::Tensor rgbToGray(const torch::Tensor &rgb)
{
    return 0.299 * rgb.narrow(1, 0, 1) + 0.587 * rgb.narrow(1, 1, 1) + 0.114 * rgb.narrow(1, 2, 1);
}

torch::Tensor rgbToHsv(const torch::Tensor &rgb)
{
    const torch::Tensor r = rgb.select(1, 0), g = rgb.select(1, 1), b = rgb.select(1, 2);
    const torch::Tensor maxc = std::get<0>(rgb.max(1));
    const torch::Tensor minc = std::get<0>(rgb.min(1));
    const torch::Tensor flat = maxc == minc;
    const torch::Tensor chroma = maxc - minc;
    const torch::Tensor ones = torch::ones_like(maxc);
    const torch::Tensor saturation = chroma / torch::where(flat, ones, maxc);
    const torch::Tensor divisor = torch::where(flat, ones, chroma);
    const torch::Tensor rc = (maxc - r) / divisor;
    const torch::Tensor gc = (maxc - g) / divisor;
    const torch::Tensor bc = (maxc - b) / divisor;
    const torch::Tensor isR = maxc == r;
    const torch::Tensor isG = (maxc == g).logical_and(isR.logical_not());
    const torch::Tensor isB = isR.logical_or(maxc == g).logical_not();
    const torch::Tensor hue6 = isR * (bc - gc) + isG * (2.0 + rc - bc) + isB * (4.0 + gc - rc);
    const torch::Tensor hue = torch::fmod(hue6 / 6.0 + 1.0, 1.0);
    return torch::stack({hue, saturation, maxc}, 1);
}

torch::Tensor hsvToRgb(const torch::Tensor &hsv)
{
    const torch::Tensor h = hsv.select(1, 0), s = hsv.select(1, 1), v = hsv.select(1, 2);
    const torch::Tensor sector6 = torch::floor(h * 6.0);
    const torch::Tensor f = h * 6.0 - sector6;
    const torch::Tensor sector = torch::remainder(sector6.to(torch::kInt), 6);
    const torch::Tensor p = torch::clamp(v * (1.0 - s), 0.0, 1.0);
    const torch::Tensor q = torch::clamp(v * (1.0 - s * f), 0.0, 1.0);
    const torch::Tensor t = torch::clamp(v * (1.0 - s * (1.0 - f)), 0.0, 1.0);
    const torch::Tensor r = pick(sector, {v, q, p, p, t, v});
    const torch::Tensor g = pick(sector, {t, v, v, q, p, p});
    const torch::Tensor b = pick(sector, {p, p, t, v, v, q});
    return torch::stack({r, g, b}, 1);
}

bool requireGrayOrRgb(const torch::Tensor &images, const std::string &operation)
{
    const std::int64_t channels = images.size(1);
    if (channels != 1 && channels != 3)
        throw ConfigError(operation + " needs images with 1 or 3 channels (these have " +
                          std::to_string(channels) + ")");
    return channels == 3;
}

} // namespace mf
