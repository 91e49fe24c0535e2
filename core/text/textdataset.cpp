#include "core/text/textdataset.h"

#include "core/text/jsonlinesreader.h"
#include "core/text/textfolderreader.h"
#include "core/text/texttablereader.h"
#include "core/util/error.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace mf {

namespace {

std::string lowerExtension(const std::string &path)
{
    std::string extension = fs::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

bool isJsonLinesExtension(const std::string &extension)
{
    return extension == ".jsonl" || extension == ".ndjson";
}

} // namespace

bool isTextDatasetPath(const std::string &path, const TextLoadOptions &options)
{
    std::error_code error;
    if (fs::is_directory(path, error))
        return isTextFolder(path);
    if (!fs::is_regular_file(path, error))
        return false;
    const std::string extension = lowerExtension(path);
    if (extension == ".tsv" || isJsonLinesExtension(extension))
        return true;
    if (extension != ".csv")
        return false;
    const std::vector<std::string> header = readTableHeader(path, false);
    return std::find(header.begin(), header.end(), options.textColumn) != header.end();
}

TextDatasetBundle loadTextDataset(const std::string &path, const TextLoadOptions &options)
{
    std::error_code error;
    if (fs::is_directory(path, error))
        return readTextFolder(path);
    if (!fs::exists(path, error))
        throw DataError(path, "", "no such file or folder");
    const std::string extension = lowerExtension(path);
    if (extension == ".csv" || extension == ".tsv")
        return {readTextTable(path, extension == ".tsv", options), std::nullopt};
    if (isJsonLinesExtension(extension))
        return {readJsonLines(path, options), std::nullopt};
    throw DataError(path, "",
                    "not a text dataset (expected an aclImdb-style folder, a .csv or .tsv file "
                    "with a header row, or a .jsonl file)");
}

} // namespace mf
