#include "core/data/cifarreader.h"

#include "core/util/error.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

namespace mf {

namespace {

constexpr std::int64_t kSide = 32;
constexpr std::int64_t kPixelBytes = 3 * kSide * kSide;

std::int64_t labelBytes(CifarVariant variant)
{
    return variant == CifarVariant::Cifar10 ? 1 : 2;
}

const char *variantName(CifarVariant variant)
{
    return variant == CifarVariant::Cifar10 ? "CIFAR-10" : "CIFAR-100";
}

std::vector<std::string> defaultClassNames(CifarVariant variant)
{
    if (variant == CifarVariant::Cifar10)
        return {"airplane", "automobile", "bird",  "cat",  "deer",
                "dog",      "frog",       "horse", "ship", "truck"};
    std::vector<std::string> names;
    for (int k = 0; k < 100; ++k)
        names.push_back(std::to_string(k));
    return names;
}

std::vector<std::string> classNamesBeside(const std::string &firstFile, CifarVariant variant)
{
    const std::size_t expected = variant == CifarVariant::Cifar10 ? 10 : 100;
    const std::filesystem::path meta =
        std::filesystem::path(firstFile).parent_path() /
        (variant == CifarVariant::Cifar10 ? "batches.meta.txt" : "fine_label_names.txt");
    std::ifstream in(meta);
    if (!in)
        return defaultClassNames(variant);
    std::vector<std::string> names;
    std::string line;
    while (std::getline(in, line)) {
        const auto begin = line.find_first_not_of(" \t\r");
        if (begin == std::string::npos)
            continue;
        names.push_back(line.substr(begin, line.find_last_not_of(" \t\r") - begin + 1));
    }
    if (names.size() != expected)
        throw DataError(meta.string(), "",
                        "lists " + std::to_string(names.size()) + " class names, expected " +
                            std::to_string(expected));
    return names;
}

} // namespace

std::int64_t cifarRecordBytes(CifarVariant variant)
{
    return labelBytes(variant) + kPixelBytes;
}

std::vector<std::string> cifar10BatchFiles(const std::string &dir)
{
    const std::string prefix = "data_batch_", suffix = ".bin";
    std::map<int, std::string> batches;
    std::error_code error;
    for (std::filesystem::directory_iterator it(dir, error), end; !error && it != end;
         it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() + suffix.size() || name.rfind(prefix, 0) != 0 ||
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string number =
            name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
        if (number.size() > 6 || !std::all_of(number.begin(), number.end(),
                                              [](unsigned char c) { return std::isdigit(c) != 0; }))
            continue;
        batches[std::stoi(number)] = it->path().string();
    }
    std::vector<std::string> files;
    for (const auto &[number, file] : batches)
        files.push_back(file);
    return files;
}

Dataset readCifar(const std::vector<std::string> &paths, CifarVariant variant)
{
    if (paths.empty())
        throw Error(std::string("no ") + variantName(variant) + " batch files given");
    const std::int64_t record = cifarRecordBytes(variant);
    const std::int64_t classes = variant == CifarVariant::Cifar10 ? 10 : 100;

    // Sizes first, so the tensors are sized by what is really on disk.
    std::vector<std::int64_t> counts;
    std::int64_t total = 0;
    for (const std::string &path : paths) {
        std::error_code error;
        const auto size = std::filesystem::file_size(path, error);
        if (error)
            throw DataError(path, "", "cannot read: " + error.message());
        if (size == 0 || size % static_cast<std::uint64_t>(record) != 0)
            throw DataError(
                path, "",
                "size of " + std::to_string(size) + " bytes is not a non-zero multiple of the " +
                    std::to_string(record) + "-byte " + variantName(variant) + " record");
        counts.push_back(static_cast<std::int64_t>(size) / record);
        total += counts.back();
    }

    Dataset dataset;
    dataset.kind = DatasetKind::Image;
    dataset.format = variant == CifarVariant::Cifar10 ? "cifar10" : "cifar100";
    dataset.source = paths.front();
    dataset.inputs = torch::empty({total, 3, kSide, kSide}, torch::kUInt8);
    dataset.labels = torch::empty({total}, torch::kInt64);
    auto *pixels = dataset.inputs.data_ptr<std::uint8_t>();
    auto *labels = dataset.labels.data_ptr<std::int64_t>();

    std::vector<char> buffer;
    std::int64_t row = 0;
    for (std::size_t f = 0; f < paths.size(); ++f) {
        const std::string &path = paths[f];
        buffer.resize(static_cast<std::size_t>(counts[f] * record));
        std::ifstream in(path, std::ios::binary);
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (static_cast<std::size_t>(in.gcount()) != buffer.size())
            throw DataError(path, DataError::atOffset(static_cast<std::uint64_t>(in.gcount())),
                            "file ended early");
        for (std::int64_t r = 0; r < counts[f]; ++r, ++row) {
            const auto *bytes = reinterpret_cast<const std::uint8_t *>(buffer.data()) + r * record;
            const std::uint64_t offset = static_cast<std::uint64_t>(r * record);
            if (variant == CifarVariant::Cifar100 && bytes[0] >= 20)
                throw DataError(path, DataError::atOffset(offset),
                                "coarse label " + std::to_string(bytes[0]) +
                                    " out of range 0..19 in record " + std::to_string(r));
            const std::int64_t label = bytes[labelBytes(variant) - 1];
            if (label >= classes)
                throw DataError(path, DataError::atOffset(offset),
                                "label " + std::to_string(label) + " out of range 0.." +
                                    std::to_string(classes - 1) + " in record " +
                                    std::to_string(r));
            labels[row] = label;
            std::memcpy(pixels + row * kPixelBytes, bytes + labelBytes(variant), kPixelBytes);
        }
    }
    dataset.classNames = classNamesBeside(paths.front(), variant);
    return dataset;
}

} // namespace mf
