#include "core/data/datasetloader.h"

#include "core/data/cifarreader.h"
#include "core/data/datasetlayout.h"
#include "core/data/csvreader.h"
#include "core/data/idxreader.h"
#include "core/data/imagefolderreader.h"
#include "core/util/error.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace fs = std::filesystem;

namespace mf {

namespace {

const char *const kLookedFor =
    "looked for MNIST (train-images-idx3-ubyte[.gz] + train-labels-idx1-ubyte[.gz], optional "
    "t10k-*), CIFAR-10 (data_batch_<n>.bin [+ test_batch.bin], also in cifar-10-batches-bin/), "
    "CIFAR-100 (train.bin [+ test.bin], also in cifar-100-binary/), an image folder (class "
    "sub-folders holding .png/.jpg/.jpeg/.bmp, or train/ and test/ holding class sub-folders), "
    "a .csv file, an IDX images file or a CIFAR .bin batch";

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool isFile(const fs::path &path)
{
    std::error_code error;
    return fs::is_regular_file(path, error);
}

bool isDirectory(const fs::path &path)
{
    std::error_code error;
    return fs::is_directory(path, error);
}

/// `dir/stem` or `dir/stem.gz`, whichever exists; empty when neither.
std::string existingIdx(const fs::path &dir, const std::string &stem)
{
    for (const char *suffix : {"", ".gz"}) {
        const fs::path candidate = dir / (stem + suffix);
        if (isFile(candidate))
            return candidate.string();
    }
    return {};
}

/// Gives both parts one class list: a test part may use fewer classes than the training part.
void unifyNumberedClasses(Dataset &train, Dataset &test)
{
    if (test.classNames.size() > train.classNames.size())
        train.classNames = test.classNames;
    else
        test.classNames = train.classNames;
}

/// The MNIST training images and labels files in `dir`; empty strings when not both are there.
std::pair<std::string, std::string> mnistTrainFiles(const fs::path &dir)
{
    for (const std::string separator : {"-", "."}) {
        std::string images = existingIdx(dir, "train-images" + separator + "idx3-ubyte");
        std::string labels = existingIdx(dir, "train-labels" + separator + "idx1-ubyte");
        if (!images.empty() && !labels.empty())
            return {images, labels};
    }
    return {};
}

std::optional<DatasetBundle> loadMnistLayout(const fs::path &dir)
{
    const auto [trainImages, trainLabels] = mnistTrainFiles(dir);
    if (trainImages.empty())
        return std::nullopt;
    DatasetBundle bundle;
    bundle.train = readIdxDataset(trainImages, trainLabels);
    bundle.train.source = dir.string();
    for (const std::string separator : {"-", "."}) {
        const std::string testImages = existingIdx(dir, "t10k-images" + separator + "idx3-ubyte");
        const std::string testLabels = existingIdx(dir, "t10k-labels" + separator + "idx1-ubyte");
        if (testImages.empty() != testLabels.empty())
            throw DataError(testImages.empty() ? testLabels : testImages, "",
                            "the matching t10k images/labels file is missing");
        if (!testImages.empty()) {
            Dataset test = readIdxDataset(testImages, testLabels);
            test.source = dir.string();
            if (test.sampleShape() != bundle.train.sampleShape())
                throw DataError(testImages, "", "image size differs from the training images");
            unifyNumberedClasses(bundle.train, test);
            bundle.test = std::move(test);
            break;
        }
    }
    return bundle;
}

std::optional<DatasetBundle> loadCifar10Layout(const fs::path &dir)
{
    const std::vector<std::string> files = cifar10BatchFiles(dir.string());
    if (files.empty())
        return std::nullopt;
    DatasetBundle bundle;
    bundle.train = readCifar(files, CifarVariant::Cifar10);
    bundle.train.source = dir.string();
    if (isFile(dir / "test_batch.bin")) {
        bundle.test = readCifar({(dir / "test_batch.bin").string()}, CifarVariant::Cifar10);
        bundle.test->source = dir.string();
    }
    return bundle;
}

std::optional<DatasetBundle> loadCifar100Layout(const fs::path &dir)
{
    if (!isFile(dir / "train.bin"))
        return std::nullopt;
    DatasetBundle bundle;
    bundle.train = readCifar({(dir / "train.bin").string()}, CifarVariant::Cifar100);
    bundle.train.source = dir.string();
    if (isFile(dir / "test.bin")) {
        bundle.test = readCifar({(dir / "test.bin").string()}, CifarVariant::Cifar100);
        bundle.test->source = dir.string();
    }
    return bundle;
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
            if (isImageFileName(file->path().filename().string()) && isFile(file->path()))
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
    const torch::Tensor mapping = torch::tensor(toTrain, torch::kInt64);
    test.labels = mapping.index_select(0, test.labels);
    test.classNames = train.classNames;
}

std::optional<DatasetBundle> loadImageFolderLayout(const fs::path &dir)
{
    const fs::path train = dir / "train", test = dir / "test";
    if (isDirectory(train) && holdsImageClassFolder(train)) {
        DatasetBundle bundle;
        bundle.train = readImageFolder(train.string());
        if (isDirectory(test)) {
            Dataset testPart = readImageFolder(test.string());
            if (testPart.sampleShape() != bundle.train.sampleShape())
                throw DataError(test.string(), "",
                                "image shape differs from the training images in " +
                                    train.string());
            remapTestClasses(bundle.train, testPart);
            testPart.source = dir.string();
            bundle.test = std::move(testPart);
        }
        bundle.train.source = dir.string();
        return bundle;
    }
    if (holdsImageClassFolder(dir))
        return DatasetBundle{readImageFolder(dir.string()), std::nullopt};
    return std::nullopt;
}

enum class DirectoryLayout
{
    Mnist,
    Cifar10,
    Cifar100,
    ImageFolder
};

/// Which layout a directory holds, in the order they are tried, from file names alone.
std::optional<std::pair<DirectoryLayout, fs::path>> findDirectoryLayout(const fs::path &dir)
{
    if (!mnistTrainFiles(dir).first.empty())
        return std::pair{DirectoryLayout::Mnist, dir};
    for (const fs::path &base : {dir, dir / "cifar-10-batches-bin"})
        if (isDirectory(base) && !cifar10BatchFiles(base.string()).empty())
            return std::pair{DirectoryLayout::Cifar10, base};
    for (const fs::path &base : {dir, dir / "cifar-100-binary"})
        if (isFile(base / "train.bin"))
            return std::pair{DirectoryLayout::Cifar100, base};
    if ((isDirectory(dir / "train") && holdsImageClassFolder(dir / "train")) ||
        holdsImageClassFolder(dir))
        return std::pair{DirectoryLayout::ImageFolder, dir};
    return std::nullopt;
}

std::optional<DatasetBundle> loadDirectory(const fs::path &dir)
{
    const auto found = findDirectoryLayout(dir);
    if (!found)
        return std::nullopt;
    switch (found->first) {
    case DirectoryLayout::Mnist:
        return loadMnistLayout(found->second);
    case DirectoryLayout::Cifar10:
        return loadCifar10Layout(found->second);
    case DirectoryLayout::Cifar100:
        return loadCifar100Layout(found->second);
    case DirectoryLayout::ImageFolder:
        return loadImageFolderLayout(found->second);
    }
    return std::nullopt;
}

std::optional<CifarVariant> cifarVariantOf(const fs::path &file)
{
    const std::string name = lowered(file.filename().string());
    if (name == "train.bin" || name == "test.bin")
        return CifarVariant::Cifar100;
    if (name.rfind("data_batch", 0) == 0 || name == "test_batch.bin")
        return CifarVariant::Cifar10;
    std::error_code error;
    const auto size = static_cast<std::int64_t>(fs::file_size(file, error));
    if (error || size == 0)
        return std::nullopt;
    const bool ten = size % cifarRecordBytes(CifarVariant::Cifar10) == 0;
    const bool hundred = size % cifarRecordBytes(CifarVariant::Cifar100) == 0;
    if (ten != hundred)
        return ten ? CifarVariant::Cifar10 : CifarVariant::Cifar100;
    return std::nullopt;
}

/// What a single file holds, found from its name, size and first bytes; throws DataError for a
/// file that is almost one (a .bin of the wrong size, an IDX file without its companion).
struct FileLayout
{
    enum class Kind
    {
        Csv,
        Cifar,
        Idx
    } kind;
    CifarVariant variant = CifarVariant::Cifar10;
    std::string images, labels;
};

std::optional<FileLayout> findFileLayout(const fs::path &file)
{
    const std::string extension = lowered(file.extension().string());
    if (extension == ".csv")
        return FileLayout{FileLayout::Kind::Csv, CifarVariant::Cifar10, {}, {}};
    if (extension == ".bin") {
        const auto variant = cifarVariantOf(file);
        if (!variant)
            throw DataError(file.string(), "",
                            "size fits neither the CIFAR-10 (3073-byte) nor the CIFAR-100 "
                            "(3074-byte) record");
        return FileLayout{FileLayout::Kind::Cifar, *variant, {}, {}};
    }
    const std::uint32_t magic = peekIdxMagic(file.string());
    if (magic == kIdxImagesMagic || magic == kIdxLabelsMagic) {
        const bool isImages = magic == kIdxImagesMagic;
        const std::string images = isImages ? file.string() : idxImagesPathFor(file.string());
        const std::string labels = isImages ? idxLabelsPathFor(file.string()) : file.string();
        const std::string &companion = isImages ? labels : images;
        const char *wanted = isImages ? "labels" : "images";
        if (companion.empty())
            throw DataError(file.string(), "",
                            std::string("cannot name the matching IDX ") + wanted +
                                " file: the file name holds neither \"images\" nor \"labels\"");
        if (!isFile(companion))
            throw DataError(file.string(), "",
                            std::string("the matching IDX ") + wanted + " file " + companion +
                                " does not exist");
        return FileLayout{FileLayout::Kind::Idx, CifarVariant::Cifar10, images, labels};
    }
    return std::nullopt;
}

std::optional<DatasetBundle> loadFile(const fs::path &file, const LoadOptions &options)
{
    const auto found = findFileLayout(file);
    if (!found)
        return std::nullopt;
    switch (found->kind) {
    case FileLayout::Kind::Csv:
        return DatasetBundle{readCsv(file.string(), options.csvLabelColumn), std::nullopt};
    case FileLayout::Kind::Cifar:
        return DatasetBundle{readCifar({file.string()}, found->variant), std::nullopt};
    case FileLayout::Kind::Idx:
        return DatasetBundle{readIdxDataset(found->images, found->labels), std::nullopt};
    }
    return std::nullopt;
}

} // namespace

void checkDatasetLayout(const std::string &path)
{
    std::error_code error;
    if (!fs::exists(path, error))
        throw DataError(path, "", "no such file or directory");
    const bool found = isDirectory(path) ? findDirectoryLayout(path).has_value()
                                         : findFileLayout(path).has_value();
    if (!found)
        throw DataError(path, "", std::string("unrecognised dataset layout; ") + kLookedFor);
}

DatasetBundle loadDataset(const std::string &path, const LoadOptions &options)
{
    std::error_code error;
    if (!fs::exists(path, error))
        throw DataError(path, "", "no such file or directory");
    std::optional<DatasetBundle> bundle =
        isDirectory(path) ? loadDirectory(path) : loadFile(path, options);
    if (!bundle)
        throw DataError(path, "", std::string("unrecognised dataset layout; ") + kLookedFor);
    return std::move(*bundle);
}

} // namespace mf
