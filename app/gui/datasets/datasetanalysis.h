#pragma once
// Not read by moc: may include core headers.

#include "core/data/datasetstats.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mf {

class LoadedDataset;

/// Samples with identical content (every pixel, every feature value, or the whole text; labels
/// may differ), in sample order: the first is the one the others repeat.
struct DuplicateGroup
{
    std::vector<std::int64_t> samples;
};

struct TextAnalysis
{
    std::vector<std::int64_t> lengths; ///< tokens per document, in sample order
    std::int64_t totalTokens = 0;
    std::int64_t distinctTokens = 0;
    std::int64_t vocabularySize = 0; ///< tokens seen at least twice, plus <pad> and <unk>
    std::vector<std::pair<std::string, std::int64_t>> topTokens;
};

/// What takes a full pass over the data: per-channel statistics of each part, duplicates and,
/// for text, token statistics.
struct DatasetAnalysis
{
    std::optional<ChannelStats> trainStats, testStats;
    std::vector<DuplicateGroup> duplicates;
    std::int64_t crossSplitDuplicates = 0; ///< groups with members in both parts
    std::optional<TextAnalysis> text;
    double seconds = 0.0;

    std::int64_t duplicateSamples() const; ///< samples that repeat an earlier one
};

/// Runs the full pass. `cancel`, when given and set, makes it stop early and return what it
/// has (the caller then discards it).
/// Threading: any thread.
DatasetAnalysis analyseDataset(const LoadedDataset &dataset,
                               const std::atomic<bool> *cancel = nullptr);

} // namespace mf
