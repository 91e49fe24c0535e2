#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// An image file (PNG, JPEG, BMP, GIF, PGM/PPM, TGA) as a model of sample shape {C, H, W}
/// takes it: decoded to C channels (grey or RGB), resized to H x W (bilinear) when its size
/// differs, uint8 [1, C, H, W]. `resized` tells whether it was. DataError naming the file when
/// it cannot be decoded; ConfigError when `sampleShape` is not an image shape of 1 or 3
/// channels.
torch::Tensor readImageForModel(const std::string &path,
                                const std::vector<std::int64_t> &sampleShape,
                                bool *resized = nullptr);

} // namespace mf
