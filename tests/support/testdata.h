#pragma once
// Small datasets written in the real on-disk formats, for tests.

#include <cstdint>
#include <string>
#include <vector>

namespace mf::testdata {

/// A deterministic, learnable image set: class k has a bright square at a class-specific place.
struct ImageSet
{
    int count = 0, channels = 1, height = 0, width = 0;
    std::vector<std::uint8_t> pixels; ///< count * channels * height * width, CHW per image
    std::vector<std::uint8_t> labels;
};
ImageSet makeImageSet(int count, int classes, int channels, int height, int width,
                      std::uint32_t seed);

/// IDX3 images + IDX1 labels (big-endian headers), gzip-compressed when `gzip`.
void writeIdxImages(const std::string &path, const ImageSet &set, bool gzip = false);
void writeIdxLabels(const std::string &path, const ImageSet &set, bool gzip = false);
/// Writes train-images-idx3-ubyte[.gz], train-labels-..., t10k-... into `dir` (created).
void writeMnistLayout(const std::string &dir, const ImageSet &train, const ImageSet &test,
                      bool gzip = true);

/// Writes raw bytes to a file (for corrupt-input tests).
void writeBytes(const std::string &path, const std::string &bytes);
std::string readBytes(const std::string &path);

} // namespace mf::testdata
