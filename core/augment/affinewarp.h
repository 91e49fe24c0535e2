#pragma once
// Batched affine warps shared by RandomRotation and RandomAffine.

#include <torch/torch.h>

#include <array>
#include <cstdint>
#include <vector>

namespace mf {

/// One warp about the image centre in torchvision's F.affine convention: angle in degrees,
/// clockwise; translation in pixels (x right, y down); scale; shear in degrees along x, then y.
struct AffineParams
{
    double angle = 0.0;
    double translateX = 0.0;
    double translateY = 0.0;
    double scale = 1.0;
    double shearX = 0.0;
    double shearY = 0.0;
};

/// The 2 x 3 affine_grid matrix (normalised coordinates, align_corners false) that samples the
/// warped image from the original, for images of height x width (torchvision's inverse matrix).
std::array<float, 6> affineTheta(const AffineParams &params, std::int64_t height,
                                 std::int64_t width);

/// Warps image i of `images` [n, C, H, W] by thetas[6i .. 6i+5], bilinear. Where the source
/// lies partly or wholly outside the image, the result is blended with `fill` by the sampled
/// coverage, as torchvision's RandomRotation and RandomAffine do.
torch::Tensor warpAffine(const torch::Tensor &images, const std::vector<float> &thetas,
                         double fill);

} // namespace mf
