#include "core/data/imagefolderreader.h"

#include "core/util/error.h"

// Debian's libstb is built with the implementation; only the declarations are needed here.
#include <stb/stb_image.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>

namespace fs = std::filesystem;

namespace mf {

namespace {

struct ImageFile
{
    std::string path;
    std::int64_t label = 0;
    int width = 0, height = 0, components = 0;
    bool usable = true;
};

/// What the samples of a part must be: the test part of a layout follows the training part.
struct RequiredShape
{
    int channels = 0, width = 0, height = 0;
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

bool isDirectory(const fs::path &path)
{
    std::error_code error;
    return fs::is_directory(path, error);
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
        const bool isDir = it->is_directory(typeError);
        if (directories ? isDir : (!isDir && isImageFileName(name)))
            entries.push_back(it->path());
    }
    if (error)
        throw DataError(dir.string(), "", "cannot list directory: " + error.message());
    std::sort(entries.begin(), entries.end());
    return entries;
}

/// PNG, JPEG or BMP by signature; stb would also guess at other formats (TGA has no signature
/// at all), which would let arbitrary bytes pass for an image.
bool hasSupportedSignature(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    unsigned char head[8] = {};
    in.read(reinterpret_cast<char *>(head), sizeof(head));
    const auto read = in.gcount();
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    if (read >= 8 && std::memcmp(head, png, 8) == 0)
        return true;
    if (read >= 3 && head[0] == 0xff && head[1] == 0xd8 && head[2] == 0xff)
        return true;
    return read >= 2 && head[0] == 'B' && head[1] == 'M';
}

/// Reads the header of `file`; a problem when it cannot be used.
std::optional<DataProblem> inspectHeader(ImageFile &file)
{
    std::error_code error;
    const auto bytes = fs::file_size(file.path, error);
    if (error)
        return DataProblem{DataProblem::Kind::Corrupt, file.path,
                           "cannot read image: " + error.message()};
    if (bytes == 0)
        return DataProblem{DataProblem::Kind::EmptyFile, file.path, "empty file (0 bytes)"};
    if (!hasSupportedSignature(file.path))
        return DataProblem{DataProblem::Kind::UnsupportedFormat, file.path,
                           "cannot read image: unknown image type (the content is no PNG, JPEG "
                           "or BMP image)"};
    if (!stbi_info(file.path.c_str(), &file.width, &file.height, &file.components))
        return DataProblem{DataProblem::Kind::Corrupt, file.path,
                           "cannot read image: " + stbReason()};
    if (file.width <= 0 || file.height <= 0 || file.width > kImageFolderMaxSide ||
        file.height > kImageFolderMaxSide)
        return DataProblem{DataProblem::Kind::TooLarge, file.path,
                           "image size " + sizeText(file.width, file.height) + " is outside 1.." +
                               std::to_string(kImageFolderMaxSide)};
    return std::nullopt;
}

/// The size most usable files share; a tie goes to the size met first.
std::pair<int, int> majoritySize(const std::vector<ImageFile> &files, std::string &firstWithIt)
{
    std::map<std::pair<int, int>, std::pair<std::size_t, std::size_t>> counts; // count, first
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!files[i].usable)
            continue;
        auto &entry = counts[{files[i].width, files[i].height}];
        if (entry.first++ == 0)
            entry.second = i;
    }
    std::pair<int, int> best{0, 0};
    std::size_t bestCount = 0, bestFirst = 0;
    for (const auto &[size, entry] : counts)
        if (entry.first > bestCount || (entry.first == bestCount && entry.second < bestFirst)) {
            best = size;
            bestCount = entry.first;
            bestFirst = entry.second;
        }
    if (bestCount > 0)
        firstWithIt = files[bestFirst].path;
    return best;
}

struct IndexedProblem
{
    std::size_t index;
    DataProblem problem;
};

[[noreturn]] void throwProblem(const DataProblem &problem)
{
    throw DataError(problem.file, "", problem.reason);
}

/// Leniently, a bad image file becomes a problem and the dataset may come back empty. `strict`
/// throws the first problem instead, before any pixel is decoded when the headers show it.
ImageFolderScan scanParts(const std::string &root, const std::optional<RequiredShape> &required,
                          bool strict)
{
    if (!isDirectory(root))
        throw DataError(root, "", "not a directory");
    const std::vector<fs::path> classDirs = sortedEntries(root, true);
    if (classDirs.empty())
        throw DataError(root, "", "no class sub-folders found (expected <root>/<class>/<image>)");

    ImageFolderScan scan;
    Dataset &dataset = scan.dataset;
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

    // Headers first: sizes and channel counts are known before any pixel is decoded, so an
    // enormous image is refused without allocating for it.
    std::vector<IndexedProblem> problems;
    for (std::size_t i = 0; i < files.size(); ++i)
        if (auto problem = inspectHeader(files[i])) {
            files[i].usable = false;
            problems.push_back({i, std::move(*problem)});
        }

    std::string sizeSource;
    int width = 0, height = 0;
    if (required) {
        width = required->width;
        height = required->height;
        sizeSource = "the training images";
    } else {
        std::tie(width, height) = majoritySize(files, sizeSource);
    }
    bool allGray = true;
    std::int64_t usable = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        ImageFile &file = files[i];
        if (!file.usable)
            continue;
        if (file.width != width || file.height != height) {
            file.usable = false;
            problems.push_back(
                {i,
                 {DataProblem::Kind::SizeMismatch, file.path,
                  "image size " + sizeText(file.width, file.height) + " differs from " +
                      sizeText(width, height) + " of " + sizeSource}});
            continue;
        }
        allGray = allGray && file.components <= 2;
        ++usable;
    }

    if (strict && !problems.empty())
        throwProblem(std::min_element(problems.begin(), problems.end(),
                                      [](const IndexedProblem &a, const IndexedProblem &b) {
                                          return a.index < b.index;
                                      })
                         ->problem);

    const int channels = required ? required->channels : (allGray ? 1 : 3);
    dataset.inputs = torch::empty({usable, channels, height, width}, torch::kUInt8);
    dataset.labels = torch::empty({usable}, torch::kInt64);
    auto *pixels = dataset.inputs.data_ptr<std::uint8_t>();
    auto *labels = dataset.labels.data_ptr<std::int64_t>();
    const std::int64_t plane = std::int64_t(height) * width;
    std::int64_t kept = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const ImageFile &file = files[i];
        if (!file.usable)
            continue;
        int w = 0, h = 0, components = 0;
        stbi_uc *decoded = stbi_load(file.path.c_str(), &w, &h, &components, channels);
        if (!decoded || w != width || h != height) {
            const std::string reason =
                decoded ? "decoded size " + sizeText(w, h) + " differs from its header"
                        : "cannot decode image: " + stbReason();
            stbi_image_free(decoded);
            const DataProblem problem{DataProblem::Kind::Corrupt, file.path, reason};
            if (strict)
                throwProblem(problem);
            problems.push_back({i, problem});
            continue;
        }
        // stb decodes interleaved HWC; the dataset stores CHW planes.
        std::uint8_t *out = pixels + kept * channels * plane;
        if (channels == 1) {
            std::memcpy(out, decoded, static_cast<std::size_t>(plane));
        } else {
            for (std::int64_t p = 0; p < plane; ++p)
                for (int c = 0; c < channels; ++c)
                    out[c * plane + p] = decoded[p * channels + c];
        }
        stbi_image_free(decoded);
        labels[kept] = file.label;
        scan.files.push_back(file.path);
        ++kept;
    }
    if (kept < usable) {
        dataset.inputs = dataset.inputs.narrow(0, 0, kept).clone();
        dataset.labels = dataset.labels.narrow(0, 0, kept).clone();
    }
    std::stable_sort(
        problems.begin(), problems.end(),
        [](const IndexedProblem &a, const IndexedProblem &b) { return a.index < b.index; });
    for (IndexedProblem &entry : problems)
        scan.problems.push_back(std::move(entry.problem));
    return scan;
}

void requireSomeImages(const std::string &root, const ImageFolderScan &scan)
{
    if (scan.dataset.size() > 0)
        return;
    const DataProblem &first = scan.problems.front();
    throw DataError(root, "",
                    "no usable image: all " + std::to_string(scan.problems.size()) +
                        " image files were left out (first: " + first.file + ": " + first.reason +
                        ")");
}

bool holdsImageClassFolder(const fs::path &dir)
{
    std::error_code error;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        if (!isDirectory(it->path()) || it->path().filename().string().rfind('.', 0) == 0)
            continue;
        std::error_code inner;
        for (fs::directory_iterator file(it->path(), inner), last; !inner && file != last;
             file.increment(inner))
            if (isImageFileName(file->path().filename().string()) &&
                fs::is_regular_file(file->path(), inner))
                return true;
    }
    return false;
}

/// Test images take the training part's class indices (matched by folder name).
void remapTestClasses(const Dataset &train, Dataset &test)
{
    std::vector<std::int64_t> toTrain;
    for (const std::string &name : test.classNames) {
        const auto found = std::find(train.classNames.begin(), train.classNames.end(), name);
        if (found == train.classNames.end())
            throw DataError(test.source + "/" + name, "",
                            "class folder has no counterpart in " + train.source);
        toTrain.push_back(found - train.classNames.begin());
    }
    if (test.size() > 0)
        test.labels = torch::tensor(toTrain, torch::kInt64).index_select(0, test.labels);
    test.classNames = train.classNames;
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

ImageFolderScan scanImageFolder(const std::string &root)
{
    ImageFolderScan scan = scanParts(root, std::nullopt, false);
    requireSomeImages(root, scan);
    return scan;
}

Dataset readImageFolder(const std::string &root)
{
    return scanParts(root, std::nullopt, true).dataset;
}

std::optional<ImageFolderLayoutScan> scanImageFolderLayout(const std::string &root)
{
    const fs::path train = fs::path(root) / "train", test = fs::path(root) / "test";
    ImageFolderLayoutScan layout;
    if (isDirectory(train) && holdsImageClassFolder(train)) {
        ImageFolderScan trainScan = scanImageFolder(train.string());
        layout.problems = std::move(trainScan.problems);
        if (isDirectory(test)) {
            const Dataset &first = trainScan.dataset;
            const RequiredShape shape{static_cast<int>(first.inputs.size(1)),
                                      static_cast<int>(first.inputs.size(3)),
                                      static_cast<int>(first.inputs.size(2))};
            ImageFolderScan testScan = scanParts(test.string(), shape, false);
            remapTestClasses(first, testScan.dataset);
            testScan.dataset.source = root;
            layout.bundle.test = std::move(testScan.dataset);
            layout.testFiles = std::move(testScan.files);
            layout.problems.insert(layout.problems.end(),
                                   std::make_move_iterator(testScan.problems.begin()),
                                   std::make_move_iterator(testScan.problems.end()));
        }
        trainScan.dataset.source = root;
        layout.bundle.train = std::move(trainScan.dataset);
        layout.trainFiles = std::move(trainScan.files);
        return layout;
    }
    if (!holdsImageClassFolder(root))
        return std::nullopt;
    ImageFolderScan scan = scanImageFolder(root);
    layout.bundle.train = std::move(scan.dataset);
    layout.trainFiles = std::move(scan.files);
    layout.problems = std::move(scan.problems);
    return layout;
}

} // namespace mf
