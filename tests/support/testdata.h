#pragma once
// Small datasets written in the real on-disk formats, for tests.

#include <cstdint>
#include <functional>
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

/// CIFAR-10 binary batch: per image one label byte and 3072 pixel bytes (R, G, B planes of
/// 32x32). `set` must be 3 x 32 x 32 with labels below 10.
void writeCifar10(const std::string &path, const ImageSet &set);
/// CIFAR-100 binary batch: coarse label byte (fine / 5), fine label byte, 3072 pixel bytes.
void writeCifar100(const std::string &path, const ImageSet &set);

/// Image `index` of `set` as PNG, BMP or JPEG, chosen by the extension of `path` (any case).
/// One-channel sets are written grey, three-channel sets RGB.
void writeImageFile(const std::string &path, const ImageSet &set, int index, int jpegQuality = 95);
/// `dir`/<classNames[label]>/<index>.<extension> for every image of `set` (folders created).
void writeImageFolder(const std::string &dir, const ImageSet &set,
                      const std::vector<std::string> &classNames,
                      const std::string &extension = "png");

/// CSV text: a header row and data rows; fields holding a comma, quote or line break are
/// quoted (quotes doubled). Lines end with `lineEnd`.
std::string csvText(const std::vector<std::string> &header,
                    const std::vector<std::vector<std::string>> &rows,
                    const std::string &lineEnd = "\n");

/// Runs `action` and returns what() of the mf::Error it throws; "" when it throws nothing and
/// "unexpected exception: ..." for any other exception.
std::string errorMessage(const std::function<void()> &action);

/// Writes raw bytes to a file (for corrupt-input tests).
void writeBytes(const std::string &path, const std::string &bytes);
std::string readBytes(const std::string &path);

} // namespace mf::testdata
