#include "core/train/rundata.h"

#include "core/data/datasetloader.h"
#include "core/data/datasetsplit.h"
#include "core/store/runrecord.h"
#include "core/store/runstore.h"
#include "core/train/textrundata.h"
#include "core/util/error.h"

namespace mf {

RunData loadRunData(const TrainConfig &config, const Vocabulary *storedVocabulary)
{
    RunData data;
    if (isTextRun(config)) {
        TextRunData text = loadTextRunData(config, storedVocabulary);
        data = {std::move(text.train),      std::move(text.validation),
                std::move(text.test),       std::move(text.trainIndices),
                std::move(text.vocabulary), std::move(text.trainTexts)};
    } else {
        DatasetBundle bundle = loadDataset(config.dataset);
        SplitDatasets split = splitDataset(bundle.train, config.validationFraction, config.seed);
        data = {std::move(split.train), std::move(split.validation),
                std::move(bundle.test), std::move(split.trainIndices),
                std::nullopt,           nullptr};
    }
    if (data.validation.size() == 0)
        throw ConfigError("validation_fraction " + std::to_string(config.validationFraction) +
                          " of the " + std::to_string(data.train.size()) + " samples of " +
                          config.dataset + " leaves none for validation; raise it");
    return data;
}

RunData loadStoredRunData(const RunStore &store, std::int64_t runId, const TrainConfig &config)
{
    if (!isTextRun(config))
        return loadRunData(config);
    std::int64_t owner = runId;
    bool hasVocabulary = false;
    for (const Artifact &artifact : store.artifacts(runId))
        hasVocabulary = hasVocabulary || artifact.kind == kVocabularyArtifact;
    if (!hasVocabulary) {
        const auto params = store.params(runId);
        if (const auto parent = params.find(kParentRunParam); parent != params.end()) {
            try {
                owner = std::stoll(parent->second);
            } catch (const std::logic_error &) {
                // Not a run id: readRunVocabulary() below names the run that lacks one.
            }
        }
    }
    const Vocabulary vocabulary = readRunVocabulary(store, owner);
    return loadRunData(config, &vocabulary);
}

} // namespace mf
