#include "core/data/idxreader.h"

#include "core/data/datafile.h"
#include "core/util/error.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace mf {

namespace {

std::uint32_t bigEndian32(const std::uint8_t *bytes)
{
    return (std::uint32_t(bytes[0]) << 24) | (std::uint32_t(bytes[1]) << 16) |
           (std::uint32_t(bytes[2]) << 8) | std::uint32_t(bytes[3]);
}

std::string hex32(std::uint32_t value)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", value);
    return text;
}

void checkMagic(const std::string &path, const std::vector<std::uint8_t> &data,
                std::size_t headerBytes, std::uint32_t expected, const char *what)
{
    if (data.empty())
        throw DataError(path, "", std::string("empty file, expected an IDX ") + what + " file");
    if (data.size() < headerBytes)
        throw DataError(path, DataError::atOffset(0),
                        "file of " + std::to_string(data.size()) +
                            " bytes is too short for an IDX " + what + " header (" +
                            std::to_string(headerBytes) + " bytes)");
    const std::uint32_t magic = bigEndian32(data.data());
    if (magic != expected)
        throw DataError(path, DataError::atOffset(0),
                        "bad magic number " + hex32(magic) + ", expected " + hex32(expected) +
                            " (IDX " + what + ")");
}

void checkLength(const std::string &path, const std::vector<std::uint8_t> &data,
                 std::uint64_t expected, const std::string &declared)
{
    if (data.size() != expected)
        throw DataError(path, "header",
                        "declares " + declared + ", which needs " + std::to_string(expected) +
                            " bytes, but the data holds " + std::to_string(data.size()) + " bytes");
}

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::vector<std::string> idxClassNames(const std::string &source, std::int64_t classes)
{
    static const char *const fashion[] = {"T-shirt/top", "Trouser",   "Pullover", "Dress",
                                          "Coat",        "Sandal",    "Shirt",    "Sneaker",
                                          "Bag",         "Ankle boot"};
    const bool isFashion = lowered(source).find("fashion") != std::string::npos && classes <= 10;
    std::vector<std::string> names;
    for (std::int64_t k = 0; k < classes; ++k)
        names.push_back(isFashion ? fashion[k] : std::to_string(k));
    return names;
}

/// `path` with `from` replaced by `to` (and `fromIdx` by `toIdx`) in its file name.
std::string companionPath(const std::string &path, const std::string &from, const std::string &to,
                          const std::string &fromIdx, const std::string &toIdx)
{
    const std::filesystem::path file(path);
    std::string name = file.filename().string();
    const std::string::size_type at = name.find(from);
    if (at == std::string::npos)
        return {};
    name.replace(at, from.size(), to);
    const std::string::size_type idx = name.find(fromIdx);
    if (idx != std::string::npos)
        name.replace(idx, fromIdx.size(), toIdx);
    return (file.parent_path() / name).string();
}

} // namespace

torch::Tensor readIdxImages(const std::string &path)
{
    const std::vector<std::uint8_t> data = readDataFile(path);
    checkMagic(path, data, 16, kIdxImagesMagic, "images");
    const std::uint32_t count = bigEndian32(data.data() + 4);
    const std::uint32_t height = bigEndian32(data.data() + 8);
    const std::uint32_t width = bigEndian32(data.data() + 12);
    if (count == 0)
        throw DataError(path, DataError::atOffset(4), "header declares zero images");
    if (height == 0 || width == 0 || height > kIdxMaxSide || width > kIdxMaxSide)
        throw DataError(path, DataError::atOffset(8),
                        "image size " + std::to_string(height) + "x" + std::to_string(width) +
                            " in the header is outside 1.." + std::to_string(kIdxMaxSide));
    const std::uint64_t expected = 16 + std::uint64_t(count) * height * width;
    checkLength(path, data, expected,
                std::to_string(count) + " images of " + std::to_string(height) + "x" +
                    std::to_string(width));

    torch::Tensor images = torch::empty({count, 1, height, width}, torch::kUInt8);
    std::memcpy(images.data_ptr<std::uint8_t>(), data.data() + 16, expected - 16);
    return images;
}

torch::Tensor readIdxLabels(const std::string &path)
{
    const std::vector<std::uint8_t> data = readDataFile(path);
    checkMagic(path, data, 8, kIdxLabelsMagic, "labels");
    const std::uint32_t count = bigEndian32(data.data() + 4);
    if (count == 0)
        throw DataError(path, DataError::atOffset(4), "header declares zero labels");
    checkLength(path, data, 8 + std::uint64_t(count), std::to_string(count) + " labels");

    torch::Tensor labels = torch::empty({count}, torch::kInt64);
    std::copy(data.begin() + 8, data.end(), labels.data_ptr<std::int64_t>());
    return labels;
}

Dataset readIdxDataset(const std::string &imagesPath, const std::string &labelsPath)
{
    Dataset dataset;
    dataset.kind = DatasetKind::Image;
    dataset.format = "idx";
    dataset.source = imagesPath;
    dataset.inputs = readIdxImages(imagesPath);
    dataset.labels = readIdxLabels(labelsPath);
    if (dataset.inputs.size(0) != dataset.labels.size(0))
        throw DataError(labelsPath, "header",
                        "holds " + std::to_string(dataset.labels.size(0)) + " labels but " +
                            imagesPath + " holds " + std::to_string(dataset.inputs.size(0)) +
                            " images");
    const std::int64_t classes = dataset.labels.max().item<std::int64_t>() + 1;
    dataset.classNames = idxClassNames(imagesPath, classes);
    return dataset;
}

std::string idxLabelsPathFor(const std::string &imagesPath)
{
    return companionPath(imagesPath, "images", "labels", "idx3", "idx1");
}

std::string idxImagesPathFor(const std::string &labelsPath)
{
    return companionPath(labelsPath, "labels", "images", "idx1", "idx3");
}

std::uint32_t peekIdxMagic(const std::string &path)
{
    gzFile file = gzopen(path.c_str(), "rb"); // reads plain files transparently
    if (!file)
        return 0;
    std::uint8_t bytes[4] = {0, 0, 0, 0};
    const int got = gzread(file, bytes, 4);
    gzclose(file);
    return got == 4 ? bigEndian32(bytes) : 0;
}

} // namespace mf
