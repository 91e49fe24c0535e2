#include "tests/support/testdata.h"

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
                    const bool inside = y >= top && y < top + square && x >= left &&
                                        x < left + square;
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
