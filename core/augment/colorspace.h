#pragma once
// Batched colour conversions on float [N, C, H, W] images, values on the [0, 1] scale.

#include <torch/torch.h>

#include <string>

namespace mf {

/// ITU-R 601-2 luma, 0.299 R + 0.587 G + 0.114 B: [N, 1, H, W] from [N, 3, H, W].
torch::Tensor rgbToGray(const torch::Tensor &rgb);

/// HSV with all three in [0, 1] (torchvision's _rgb2hsv / _hsv2rgb).
torch::Tensor rgbToHsv(const torch::Tensor &rgb);
torch::Tensor hsvToRgb(const torch::Tensor &hsv);

/// True for 3 channels, false for 1; throws mf::ConfigError naming `operation` otherwise.
bool requireGrayOrRgb(const torch::Tensor &images, const std::string &operation);

} // namespace mf
