#include "app/gui/datasets/datasetopener.h"

#include "core/data/cifarreader.h"
#include "core/data/datasetloader.h"
#include "core/data/datasetstats.h"
#include "core/data/idxreader.h"
#include "core/data/imagefolderreader.h"
#include "core/util/error.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace fs = std::filesystem;

namespace mf {

namespace {

bool isFile(const fs::path &path)
{
    std::error_code error;
    return fs::is_regular_file(path, error);
}

std::string lowerExtension(const fs::path &path)
{
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

std::string firstExistingFile(const fs::path &dir, const std::vector<std::string> &names)
{
    for (const std::string &name : names)
        if (isFile(dir / name))
            return (dir / name).string();
    return {};
}

std::string idxImagesIn(const fs::path &dir, const std::string &prefix)
{
    return firstExistingFile(dir,
                             {prefix + "-images-idx3-ubyte", prefix + "-images-idx3-ubyte.gz",
                              prefix + "-images.idx3-ubyte", prefix + "-images.idx3-ubyte.gz"});
}

std::vector<ContainerSegment> segmentsOf(const std::vector<std::string> &files,
                                         std::int64_t recordBytes, std::int64_t total)
{
    std::vector<ContainerSegment> segments;
    std::int64_t first = 0;
    for (const std::string &file : files) {
        std::error_code error;
        const auto bytes = static_cast<std::int64_t>(fs::file_size(file, error));
        const std::int64_t count = error ? 0 : std::min(bytes / recordBytes, total - first);
        segments.push_back({file, first, count});
        first += count;
    }
    return segments;
}

/// Which container file (and record) each IDX or CIFAR sample came from.
void fillContainerSegments(LoadedDataset &loaded, const fs::path &path)
{
    const Dataset &train = loaded.bundle->train;
    const std::int64_t trainCount = train.size(), testCount = loaded.testCount();
    const bool single = isFile(path);
    if (loaded.format == "idx") {
        std::string trainFile, testFile;
        if (single) {
            trainFile = peekIdxMagic(path.string()) == kIdxImagesMagic
                            ? path.string()
                            : idxImagesPathFor(path.string());
        } else {
            trainFile = idxImagesIn(path, "train");
            testFile = idxImagesIn(path, "t10k");
        }
        if (!trainFile.empty())
            loaded.trainSegments = {{trainFile, 0, trainCount}};
        if (!testFile.empty() && testCount > 0)
            loaded.testSegments = {{testFile, 0, testCount}};
        return;
    }
    const bool cifar10 = loaded.format == "cifar10";
    if (!cifar10 && loaded.format != "cifar100")
        return;
    const std::int64_t recordBytes =
        cifarRecordBytes(cifar10 ? CifarVariant::Cifar10 : CifarVariant::Cifar100);
    if (single) {
        loaded.trainSegments = segmentsOf({path.string()}, recordBytes, trainCount);
        return;
    }
    const fs::path base = train.source;
    if (cifar10)
        loaded.trainSegments =
            segmentsOf(cifar10BatchFiles(base.string()), recordBytes, trainCount);
    else
        loaded.trainSegments = segmentsOf({(base / "train.bin").string()}, recordBytes, trainCount);
    const fs::path test = base / (cifar10 ? "test_batch.bin" : "test.bin");
    if (testCount > 0 && isFile(test))
        loaded.testSegments = segmentsOf({test.string()}, recordBytes, testCount);
}

void fillClassCounts(LoadedDataset &loaded)
{
    if (loaded.bundle) {
        loaded.trainClassCounts = classCounts(loaded.bundle->train);
        if (loaded.bundle->test)
            loaded.testClassCounts = classCounts(*loaded.bundle->test);
        return;
    }
    if (!loaded.text)
        return;
    const auto count = [&](const TextDataset &part) {
        std::vector<std::int64_t> counts(loaded.classNames().size(), 0);
        for (const std::int64_t label : part.labels)
            if (label >= 0 && label < static_cast<std::int64_t>(counts.size()))
                ++counts[static_cast<std::size_t>(label)];
        return counts;
    };
    loaded.trainClassCounts = count(loaded.text->train);
    if (loaded.text->test)
        loaded.testClassCounts = count(*loaded.text->test);
}

/// Tensors are read through raw pointers by the thumbnail and statistics workers.
std::shared_ptr<const DatasetBundle> contiguousBundle(DatasetBundle bundle)
{
    const auto prepare = [](Dataset &part) {
        part.inputs = part.inputs.contiguous();
        part.labels = part.labels.to(torch::kInt64).contiguous();
    };
    prepare(bundle.train);
    if (bundle.test)
        prepare(*bundle.test);
    return std::make_shared<const DatasetBundle>(std::move(bundle));
}

} // namespace

std::shared_ptr<LoadedDataset> openDatasetForBrowsing(const std::string &pathText)
{
    QElapsedTimer clock;
    clock.start();
    const fs::path path(pathText);
    std::error_code error;
    if (!fs::exists(path, error))
        throw DataError(pathText, "", "no such file or folder");

    auto loaded = std::make_shared<LoadedDataset>();
    loaded->path = QString::fromStdString(pathText);
    const bool directory = fs::is_directory(path, error);
    const std::string extension = lowerExtension(path);

    const auto openText = [&] {
        loaded->kind = LoadedDataset::Kind::Text;
        auto text = std::make_shared<TextDatasetBundle>(loadTextDataset(pathText));
        loaded->format = text->train.format;
        loaded->text = std::move(text);
    };
    const auto openWithLoader = [&] {
        DatasetBundle bundle = loadDataset(pathText);
        loaded->kind = bundle.train.kind == DatasetKind::Table ? LoadedDataset::Kind::Table
                                                               : LoadedDataset::Kind::Images;
        loaded->format = bundle.train.format;
        loaded->bundle = contiguousBundle(std::move(bundle));
        fillContainerSegments(*loaded, path);
    };

    if (directory) {
        if (auto scan = scanImageFolderLayout(pathText)) {
            loaded->kind = LoadedDataset::Kind::Images;
            loaded->format = scan->bundle.train.format;
            loaded->bundle = contiguousBundle(std::move(scan->bundle));
            loaded->trainFiles = std::move(scan->trainFiles);
            loaded->testFiles = std::move(scan->testFiles);
            loaded->problems = std::move(scan->problems);
        } else {
            // The image layouts first: a CIFAR folder holds batches.meta.txt, which would pass
            // for a text folder with one document.
            try {
                openWithLoader();
            } catch (const DataError &) {
                if (!isTextDatasetPath(pathText))
                    throw;
                openText();
            }
        }
    } else if (isTextDatasetPath(pathText)) {
        openText();
    } else if (extension == ".csv") {
        loaded->kind = LoadedDataset::Kind::Table;
        loaded->format = "csv";
        loaded->table = summarizeCsvTable(pathText);
        try {
            loaded->bundle = contiguousBundle(loadDataset(pathText));
        } catch (const DataError &refused) {
            // The file is named beside the reason wherever the refusal is shown.
            loaded->refusal = refused.where().empty() ? refused.reason()
                                                      : refused.where() + ": " + refused.reason();
        }
    } else {
        openWithLoader();
    }
    fillClassCounts(*loaded);
    loaded->loadSeconds = clock.nsecsElapsed() / 1e9;
    return loaded;
}

} // namespace mf
