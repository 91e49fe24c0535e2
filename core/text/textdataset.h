#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mf {

/// A labelled text dataset held in memory. Texts are valid UTF-8: invalid byte sequences in the
/// source are replaced by U+FFFD and counted, never fatal.
struct TextDataset
{
    std::vector<std::string> texts;
    std::vector<std::int64_t> labels; ///< values in [0, classNames.size())
    std::vector<std::string> classNames;
    std::vector<std::string> sourceFiles; ///< per document for folder layouts, else empty
    std::string format;                   ///< "aclimdb", "csv", "tsv", "jsonl"
    std::string source;                   ///< the file or directory it came from
    std::int64_t replacedInvalidUtf8 = 0; ///< replacement characters inserted while reading
    /// Rows or files skipped with their reason ("reviews.csv line 12: no label").
    std::vector<std::string> skipped;

    std::int64_t size() const { return static_cast<std::int64_t>(texts.size()); }
};

struct TextDatasetBundle
{
    TextDataset train;
    std::optional<TextDataset> test;
};

struct TextLoadOptions
{
    std::string textColumn = "text";   ///< CSV/TSV header name or JSON Lines key
    std::string labelColumn = "label"; ///< CSV/TSV header name or JSON Lines key
};

/// True when `path` looks like a text dataset: an aclImdb-style folder (train|test/<label>/*.txt),
/// a .tsv, a .jsonl, or a .csv whose header has the text column.
bool isTextDatasetPath(const std::string &path, const TextLoadOptions &options = {});

/// Loads an aclImdb-style folder (train|test/<label>/*.txt; labels are the folder names, sorted;
/// folders such as "unsup" without a counterpart in both parts are ignored), a CSV/TSV file with
/// text and label columns, or a JSON Lines file. Throws mf::DataError naming the file and reason
/// when nothing usable can be read.
TextDatasetBundle loadTextDataset(const std::string &path, const TextLoadOptions &options = {});

} // namespace mf
