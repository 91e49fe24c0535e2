#include "tests/support/testdata.h"

#include "core/util/error.h"

// Debian's libstb is built with the implementation; only the declarations are needed here.
#include <stb/stb_image_write.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <zlib.h>

namespace mf::testdata {

namespace {

void putBigEndian32(std::string &out, std::uint32_t value)
{
    out.push_back(static_cast<char>((value >> 24) & 0xff));
    out.push_back(static_cast<char>((value >> 16) & 0xff));
    out.push_back(static_cast<char>((value >> 8) & 0xff));
    out.push_back(static_cast<char>(value & 0xff));
}

void writeMaybeGzip(const std::string &path, const std::string &bytes, bool gzip)
{
    if (!gzip) {
        writeBytes(path, bytes);
        return;
    }
    gzFile file = gzopen(path.c_str(), "wb");
    if (!file)
        throw std::runtime_error("cannot create " + path);
    gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(file);
}

void writeCifar(const std::string &path, const ImageSet &set, bool hundred)
{
    if (set.channels != 3 || set.height != 32 || set.width != 32)
        throw std::invalid_argument("CIFAR images are 3 x 32 x 32");
    const std::size_t imageBytes = 3 * 32 * 32;
    std::string bytes;
    for (int i = 0; i < set.count; ++i) {
        const std::uint8_t label = set.labels[static_cast<std::size_t>(i)];
        if (hundred)
            bytes.push_back(static_cast<char>(label / 5));
        bytes.push_back(static_cast<char>(label));
        bytes.append(reinterpret_cast<const char *>(set.pixels.data()) + i * imageBytes,
                     imageBytes);
    }
    writeBytes(path, bytes);
}

std::string quotedCsvField(const std::string &field)
{
    if (field.find_first_of(",\"\r\n") == std::string::npos)
        return field;
    std::string quoted = "\"";
    for (const char c : field) {
        if (c == '"')
            quoted.push_back('"');
        quoted.push_back(c);
    }
    return quoted + "\"";
}

} // namespace

ImageSet makeImageSet(int count, int classes, int channels, int height, int width,
                      std::uint32_t seed)
{
    ImageSet set;
    set.count = count;
    set.channels = channels;
    set.height = height;
    set.width = width;
    set.pixels.resize(static_cast<std::size_t>(count) * channels * height * width);
    set.labels.resize(static_cast<std::size_t>(count));
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> noise(0, 40);
    const int square = std::max(2, std::min(height, width) / 4);
    for (int i = 0; i < count; ++i) {
        const int label = i % classes;
        set.labels[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(label);
        const int top = (label * 3) % std::max(1, height - square);
        const int left = (label * 5) % std::max(1, width - square);
        for (int c = 0; c < channels; ++c)
            for (int y = 0; y < height; ++y)
                for (int x = 0; x < width; ++x) {
                    const bool inside =
                        y >= top && y < top + square && x >= left && x < left + square;
                    const std::size_t at =
                        ((static_cast<std::size_t>(i) * channels + c) * height + y) * width + x;
                    set.pixels[at] = static_cast<std::uint8_t>((inside ? 200 : 0) + noise(rng));
                }
    }
    return set;
}

void writeIdxImages(const std::string &path, const ImageSet &set, bool gzip)
{
    std::string bytes;
    putBigEndian32(bytes, 0x00000803);
    putBigEndian32(bytes, static_cast<std::uint32_t>(set.count));
    putBigEndian32(bytes, static_cast<std::uint32_t>(set.height));
    putBigEndian32(bytes, static_cast<std::uint32_t>(set.width));
    // IDX3 holds one channel; multi-channel sets store their first channel.
    const std::size_t plane = static_cast<std::size_t>(set.height) * set.width;
    for (int i = 0; i < set.count; ++i) {
        const auto *begin = set.pixels.data() + static_cast<std::size_t>(i) * set.channels * plane;
        bytes.append(reinterpret_cast<const char *>(begin), plane);
    }
    writeMaybeGzip(path, bytes, gzip);
}

void writeIdxLabels(const std::string &path, const ImageSet &set, bool gzip)
{
    std::string bytes;
    putBigEndian32(bytes, 0x00000801);
    putBigEndian32(bytes, static_cast<std::uint32_t>(set.count));
    bytes.append(reinterpret_cast<const char *>(set.labels.data()), set.labels.size());
    writeMaybeGzip(path, bytes, gzip);
}

void writeMnistLayout(const std::string &dir, const ImageSet &train, const ImageSet &test,
                      bool gzip)
{
    std::filesystem::create_directories(dir);
    const std::string suffix = gzip ? ".gz" : "";
    writeIdxImages(dir + "/train-images-idx3-ubyte" + suffix, train, gzip);
    writeIdxLabels(dir + "/train-labels-idx1-ubyte" + suffix, train, gzip);
    writeIdxImages(dir + "/t10k-images-idx3-ubyte" + suffix, test, gzip);
    writeIdxLabels(dir + "/t10k-labels-idx1-ubyte" + suffix, test, gzip);
}

void writeCifar10(const std::string &path, const ImageSet &set)
{
    writeCifar(path, set, false);
}

void writeCifar100(const std::string &path, const ImageSet &set)
{
    writeCifar(path, set, true);
}

void writeImageFile(const std::string &path, const ImageSet &set, int index, int jpegQuality)
{
    if (set.channels != 1 && set.channels != 3)
        throw std::invalid_argument("image files are written grey or RGB");
    // The set stores CHW planes; image files interleave channels per pixel.
    const std::size_t plane = static_cast<std::size_t>(set.height) * set.width;
    const std::uint8_t *image =
        set.pixels.data() + static_cast<std::size_t>(index) * set.channels * plane;
    std::vector<std::uint8_t> interleaved(plane * set.channels);
    for (std::size_t p = 0; p < plane; ++p)
        for (int c = 0; c < set.channels; ++c)
            interleaved[p * set.channels + c] = image[c * plane + p];

    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    int written = 0;
    if (extension == ".png")
        written = stbi_write_png(path.c_str(), set.width, set.height, set.channels,
                                 interleaved.data(), set.width * set.channels);
    else if (extension == ".bmp")
        written =
            stbi_write_bmp(path.c_str(), set.width, set.height, set.channels, interleaved.data());
    else if (extension == ".jpg" || extension == ".jpeg")
        written = stbi_write_jpg(path.c_str(), set.width, set.height, set.channels,
                                 interleaved.data(), jpegQuality);
    else
        throw std::invalid_argument("no image writer for " + path);
    if (!written)
        throw std::runtime_error("cannot write " + path);
}

void writeImageFolder(const std::string &dir, const ImageSet &set,
                      const std::vector<std::string> &classNames, const std::string &extension)
{
    for (int i = 0; i < set.count; ++i) {
        const std::string classDir = dir + "/" + classNames.at(set.labels[i]);
        std::filesystem::create_directories(classDir);
        char name[32];
        std::snprintf(name, sizeof name, "%05d.", i);
        writeImageFile(classDir + "/" + name + extension, set, i);
    }
}

std::string csvText(const std::vector<std::string> &header,
                    const std::vector<std::vector<std::string>> &rows, const std::string &lineEnd)
{
    std::string text;
    const auto appendRow = [&](const std::vector<std::string> &fields) {
        for (std::size_t f = 0; f < fields.size(); ++f)
            text += (f ? "," : "") + quotedCsvField(fields[f]);
        text += lineEnd;
    };
    appendRow(header);
    for (const auto &row : rows)
        appendRow(row);
    return text;
}

std::string errorMessage(const std::function<void()> &action)
{
    try {
        action();
    } catch (const mf::Error &error) {
        return error.what();
    } catch (const std::exception &error) {
        return std::string("unexpected exception: ") + error.what();
    }
    return {};
}

void writeBytes(const std::string &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw std::runtime_error("cannot create " + path);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string readBytes(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

} // namespace mf::testdata
