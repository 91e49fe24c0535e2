#include "core/data/imagefolderreader.h"

#include "core/util/error.h"

// Debian's libstb is built with the implementation; only the declarations are needed here.
#include <stb/stb_image.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace mf {

namespace {

struct ImageFile
{
    std::string path;
    std::int64_t label = 0;
};

std::string stbReason()
{
    const char *reason = stbi_failure_reason();
    return reason ? reason : "unknown error";
}

std::string sizeText(int width, int height)
{
    return std::to_string(width) + "x" + std::to_string(height);
}

std::vector<fs::path> sortedEntries(const fs::path &dir, bool directories)
{
    std::vector<fs::path> entries;
    std::error_code error;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.')
            continue;
        std::error_code typeError;
        const bool isDirectory = it->is_directory(typeError);
        if (directories ? isDirectory : (!isDirectory && isImageFileName(name)))
            entries.push_back(it->path());
    }
    if (error)
        throw DataError(dir.string(), "", "cannot list directory: " + error.message());
    std::sort(entries.begin(), entries.end());
    return entries;
}

} // namespace

bool isImageFileName(const std::string &name)
{
    std::string extension = fs::path(name).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".png" || extension == ".jpg" || extension == ".jpeg" ||
           extension == ".bmp";
}

Dataset readImageFolder(const std::string &root)
{
    std::error_code error;
    if (!fs::is_directory(root, error))
        throw DataError(root, "", "not a directory");
    const std::vector<fs::path> classDirs = sortedEntries(root, true);
    if (classDirs.empty())
        throw DataError(root, "", "no class sub-folders found (expected <root>/<class>/<image>)");

    Dataset dataset;
    dataset.kind = DatasetKind::Image;
    dataset.format = "imagefolder";
    dataset.source = root;
    std::vector<ImageFile> files;
    for (std::size_t k = 0; k < classDirs.size(); ++k) {
        dataset.classNames.push_back(classDirs[k].filename().string());
        for (const fs::path &file : sortedEntries(classDirs[k], false))
            files.push_back({file.string(), static_cast<std::int64_t>(k)});
    }
    if (files.empty())
        throw DataError(root, "",
                        "no images (.png, .jpg, .jpeg, .bmp) in any of its " +
                            std::to_string(classDirs.size()) + " class sub-folders");

    // Headers first: sizes and channel counts are known before any pixel is decoded.
    int width = 0, height = 0;
    bool allGray = true;
    for (const ImageFile &file : files) {
        int w = 0, h = 0, components = 0;
        if (!stbi_info(file.path.c_str(), &w, &h, &components))
            throw DataError(file.path, "", "cannot read image: " + stbReason());
        if (w <= 0 || h <= 0 || w > kImageFolderMaxSide || h > kImageFolderMaxSide)
            throw DataError(file.path, "",
                            "image size " + sizeText(w, h) + " is outside 1.." +
                                std::to_string(kImageFolderMaxSide));
        if (width == 0) {
            width = w;
            height = h;
        } else if (w != width || h != height) {
            throw DataError(file.path, "",
                            "image size " + sizeText(w, h) + " differs from " +
                                sizeText(width, height) + " of " + files.front().path);
        }
        allGray = allGray && components <= 2;
    }

    const int channels = allGray ? 1 : 3;
    const auto count = static_cast<std::int64_t>(files.size());
    dataset.inputs = torch::empty({count, channels, height, width}, torch::kUInt8);
    dataset.labels = torch::empty({count}, torch::kInt64);
    auto *pixels = dataset.inputs.data_ptr<std::uint8_t>();
    auto *labels = dataset.labels.data_ptr<std::int64_t>();
    const std::int64_t plane = std::int64_t(height) * width;
    for (std::int64_t i = 0; i < count; ++i) {
        const ImageFile &file = files[static_cast<std::size_t>(i)];
        int w = 0, h = 0, components = 0;
        stbi_uc *decoded = stbi_load(file.path.c_str(), &w, &h, &components, channels);
        if (!decoded)
            throw DataError(file.path, "", "cannot decode image: " + stbReason());
        if (w != width || h != height) {
            stbi_image_free(decoded);
            throw DataError(file.path, "",
                            "decoded size " + sizeText(w, h) + " differs from its header");
        }
        // stb decodes interleaved HWC; the dataset stores CHW planes.
        std::uint8_t *out = pixels + i * channels * plane;
        if (channels == 1) {
            std::memcpy(out, decoded, static_cast<std::size_t>(plane));
        } else {
            for (std::int64_t p = 0; p < plane; ++p)
                for (int c = 0; c < channels; ++c)
                    out[c * plane + p] = decoded[p * channels + c];
        }
        stbi_image_free(decoded);
        labels[i] = file.label;
    }
    return dataset;
}

} // namespace mf
