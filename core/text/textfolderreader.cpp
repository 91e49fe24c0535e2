#include "core/text/textfolderreader.h"

#include "core/text/textfile.h"
#include "core/text/textlabels.h"
#include "core/util/error.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <system_error>

namespace fs = std::filesystem;

namespace mf {

namespace {

bool isTextFile(const fs::directory_entry &entry)
{
    std::error_code error;
    if (!entry.is_regular_file(error))
        return false;
    std::string extension = entry.path().extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".txt";
}

/// Names of the text files in `dir`, sorted.
std::vector<std::string> textFiles(const fs::path &dir)
{
    std::vector<std::string> names;
    std::error_code error;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error))
        if (isTextFile(*it))
            names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

/// Sub-folders of `dir` holding at least one text file, sorted, without "unsup" and hidden ones.
std::vector<std::string> labelFolders(const fs::path &dir)
{
    std::vector<std::string> labels;
    std::error_code error;
    if (!fs::is_directory(dir, error))
        return labels;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        std::error_code typeError;
        const std::string name = it->path().filename().string();
        if (!it->is_directory(typeError) || name == "unsup" || name.empty() || name[0] == '.')
            continue;
        if (!textFiles(it->path()).empty())
            labels.push_back(name);
    }
    std::sort(labels.begin(), labels.end());
    return labels;
}

TextDataset readPart(const fs::path &dir, const std::vector<std::string> &classes,
                     const std::string &root)
{
    TextDataset dataset;
    dataset.format = "aclimdb";
    dataset.source = root;
    dataset.classNames = classes;
    for (std::size_t label = 0; label < classes.size(); ++label) {
        const fs::path labelDir = dir / classes[label];
        for (const std::string &name : textFiles(labelDir)) {
            const std::string file = (labelDir / name).string();
            std::string text = readTextFile(file, dataset.replacedInvalidUtf8);
            if (trimmedText(text).empty()) {
                dataset.skipped.push_back(file + ": the file is empty");
                continue;
            }
            dataset.texts.push_back(std::move(text));
            dataset.labels.push_back(static_cast<std::int64_t>(label));
            dataset.sourceFiles.push_back(file);
        }
    }
    return dataset;
}

} // namespace

bool isTextFolder(const std::string &path)
{
    return !labelFolders(fs::path(path) / "train").empty() || !labelFolders(path).empty();
}

TextDatasetBundle readTextFolder(const std::string &path)
{
    const fs::path root(path);
    const std::vector<std::string> trainLabels = labelFolders(root / "train");
    if (trainLabels.empty()) {
        const std::vector<std::string> labels = labelFolders(root);
        if (labels.empty())
            throw DataError(path, "",
                            "no train/<label>/*.txt or <label>/*.txt folders in this folder");
        TextDatasetBundle bundle{readPart(root, labels, path), std::nullopt};
        if (bundle.train.texts.empty())
            throw DataError(path, "", "every text file is empty");
        return bundle;
    }

    const std::vector<std::string> testLabels = labelFolders(root / "test");
    std::vector<std::string> classes = trainLabels;
    if (!testLabels.empty()) {
        classes.clear();
        std::set_intersection(trainLabels.begin(), trainLabels.end(), testLabels.begin(),
                              testLabels.end(), std::back_inserter(classes));
        if (classes.empty())
            throw DataError((root / "test").string(), "",
                            "no label folder in common with the train folder");
    }
    TextDatasetBundle bundle{readPart(root / "train", classes, path), std::nullopt};
    if (bundle.train.texts.empty())
        throw DataError((root / "train").string(), "", "every text file is empty");
    if (!testLabels.empty())
        bundle.test = readPart(root / "test", classes, path);
    return bundle;
}

} // namespace mf
