#include "core/augment/affinewarp.h"

#include <cmath>

namespace mf {

namespace {

constexpr double kPi = 3.14159265358979323846;

double radians(double degrees)
{
    return degrees * kPi / 180.0;
}

} // namespace

std::array<float, 6> affineTheta(const AffineParams &params, std::int64_t height,
                                 std::int64_t width)
{
    // torchvision's _get_inverse_affine_matrix about the centre:
    // RSS = R(a) * S(s) * SHy(sy) * SHx(sx); inverse = RSS^-1 * T^-1, in pixels from the centre.
    const double rot = radians(params.angle);
    const double sx = radians(params.shearX);
    const double sy = radians(params.shearY);
    const double a = std::cos(rot - sy) / std::cos(sy);
    const double b = -std::cos(rot - sy) * std::tan(sx) / std::cos(sy) - std::sin(rot);
    const double c = std::sin(rot - sy) / std::cos(sy);
    const double d = -std::sin(rot - sy) * std::tan(sx) / std::cos(sy) + std::cos(rot);
    const double m00 = d / params.scale, m01 = -b / params.scale;
    const double m10 = -c / params.scale, m11 = a / params.scale;
    const double t0 = -(m00 * params.translateX + m01 * params.translateY);
    const double t1 = -(m10 * params.translateX + m11 * params.translateY);
    // Pixels from the centre to normalised coordinates: x / (W / 2), y / (H / 2).
    const double halfWidth = 0.5 * static_cast<double>(width);
    const double halfHeight = 0.5 * static_cast<double>(height);
    return {static_cast<float>(m00),
            static_cast<float>(m01 * halfHeight / halfWidth),
            static_cast<float>(t0 / halfWidth),
            static_cast<float>(m10 * halfWidth / halfHeight),
            static_cast<float>(m11),
            static_cast<float>(t1 / halfHeight)};
}

torch::Tensor warpAffine(const torch::Tensor &images, const std::vector<float> &thetas, double fill)
{
    namespace F = torch::nn::functional;
    const std::int64_t n = images.size(0), channels = images.size(1);
    const std::int64_t height = images.size(2), width = images.size(3);
    const torch::Tensor theta = torch::tensor(thetas, torch::TensorOptions().dtype(torch::kFloat))
                                    .view({n, 2, 3})
                                    .to(images.device());
    const torch::Tensor grid = F::affine_grid(theta, {n, channels + 1, height, width}, false);
    // One extra channel of ones samples the coverage in the same pass.
    const torch::Tensor withCoverage =
        torch::cat({images, torch::ones_like(images.narrow(1, 0, 1))}, 1);
    const torch::Tensor sampled = F::grid_sample(withCoverage, grid,
                                                 F::GridSampleFuncOptions()
                                                     .mode(torch::kBilinear)
                                                     .padding_mode(torch::kZeros)
                                                     .align_corners(false));
    const torch::Tensor warped = sampled.narrow(1, 0, channels);
    const torch::Tensor coverage = sampled.narrow(1, channels, 1);
    if (fill == 0.0)
        return warped * coverage;
    return warped * coverage + (1.0 - coverage) * fill;
}

} // namespace mf
