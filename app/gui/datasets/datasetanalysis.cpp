#include "app/gui/datasets/datasetanalysis.h"

#include "app/gui/datasets/loadeddataset.h"
#include "core/data/dataset.h"
#include "core/text/tokenizer.h"
#include "core/text/tokenstatistics.h"
#include "core/text/vocabulary.h"

#include <QElapsedTimer>

#include <algorithm>
#include <functional>
#include <string_view>
#include <unordered_map>

namespace mf {

namespace {

constexpr std::int64_t kCancelCheckEvery = 4096;
constexpr std::size_t kTopTokens = 30;

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

/// Groups samples by identical bytes: a hash finds candidates, a comparison confirms them.
std::vector<DuplicateGroup>
findDuplicates(std::int64_t count, const std::function<std::string_view(std::int64_t)> &bytesOf,
               const std::atomic<bool> *cancel)
{
    std::unordered_map<std::size_t, std::vector<std::int64_t>> firstsByHash;
    std::unordered_map<std::int64_t, std::size_t> groupOfFirst;
    std::vector<DuplicateGroup> groups;
    firstsByHash.reserve(static_cast<std::size_t>(count));
    const std::hash<std::string_view> hash;
    for (std::int64_t sample = 0; sample < count; ++sample) {
        if (sample % kCancelCheckEvery == 0 && cancelled(cancel))
            break;
        const std::string_view bytes = bytesOf(sample);
        std::vector<std::int64_t> &firsts = firstsByHash[hash(bytes)];
        bool repeated = false;
        for (const std::int64_t first : firsts) {
            if (bytesOf(first) != bytes)
                continue;
            auto group = groupOfFirst.find(first);
            if (group == groupOfFirst.end()) {
                group = groupOfFirst.emplace(first, groups.size()).first;
                groups.push_back({{first}});
            }
            groups[group->second].samples.push_back(sample);
            repeated = true;
            break;
        }
        if (!repeated)
            firsts.push_back(sample);
    }
    return groups;
}

std::function<std::string_view(std::int64_t)> contentOf(const LoadedDataset &dataset)
{
    if (dataset.text) {
        return [&dataset](std::int64_t sample) {
            const bool train = dataset.splitOf(sample) == LoadedDataset::Split::Train;
            const TextDataset &part = train ? dataset.text->train : *dataset.text->test;
            return std::string_view(
                part.texts[static_cast<std::size_t>(dataset.rowInPart(sample))]);
        };
    }
    return [&dataset](std::int64_t sample) {
        const Dataset &part = dataset.partOf(sample);
        const std::int64_t bytes = part.inputs.numel() / std::max<std::int64_t>(part.size(), 1) *
                                   static_cast<std::int64_t>(part.inputs.element_size());
        const char *base = static_cast<const char *>(part.inputs.data_ptr());
        return std::string_view(base + dataset.rowInPart(sample) * bytes,
                                static_cast<std::size_t>(bytes));
    };
}

TextAnalysis analyseText(const LoadedDataset &dataset, const std::atomic<bool> *cancel)
{
    TextAnalysis analysis;
    const Tokenizer tokenizer;
    TokenStatistics statistics;
    for (const TextDataset *part :
         {&dataset.text->train, dataset.text->test ? &*dataset.text->test : nullptr}) {
        if (!part)
            continue;
        for (std::size_t i = 0; i < part->texts.size(); ++i) {
            if (i % kCancelCheckEvery == 0 && cancelled(cancel))
                return analysis;
            const std::vector<std::string> tokens = tokenizer.tokenize(part->texts[i]);
            analysis.lengths.push_back(static_cast<std::int64_t>(tokens.size()));
            statistics.add(tokens);
        }
    }
    analysis.totalTokens = statistics.totalTokens();
    analysis.distinctTokens = statistics.distinctTokens();
    analysis.vocabularySize = Vocabulary::build(statistics, 2).size();
    analysis.topTokens = statistics.topTokens(kTopTokens);
    return analysis;
}

} // namespace

std::int64_t DatasetAnalysis::duplicateSamples() const
{
    std::int64_t repeats = 0;
    for (const DuplicateGroup &group : duplicates)
        repeats += static_cast<std::int64_t>(group.samples.size()) - 1;
    return repeats;
}

DatasetAnalysis analyseDataset(const LoadedDataset &dataset, const std::atomic<bool> *cancel)
{
    QElapsedTimer clock;
    clock.start();
    DatasetAnalysis analysis;
    if (dataset.bundle) {
        analysis.trainStats = computeChannelStats(dataset.bundle->train);
        if (dataset.bundle->test && !cancelled(cancel))
            analysis.testStats = computeChannelStats(*dataset.bundle->test);
    } else if (dataset.text) {
        analysis.text = analyseText(dataset, cancel);
    }
    if ((dataset.bundle || dataset.text) && dataset.sampleCount() > 0 && !cancelled(cancel)) {
        analysis.duplicates = findDuplicates(dataset.sampleCount(), contentOf(dataset), cancel);
        const std::int64_t trainCount = dataset.trainCount();
        for (const DuplicateGroup &group : analysis.duplicates)
            if (group.samples.front() < trainCount && group.samples.back() >= trainCount)
                ++analysis.crossSplitDuplicates;
    }
    analysis.seconds = clock.nsecsElapsed() / 1e9;
    return analysis;
}

} // namespace mf
