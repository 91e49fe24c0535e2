#include "core/train/rundata.h"

#include "core/data/datasetloader.h"
#include "core/data/datasetsplit.h"
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
    const Vocabulary vocabulary = modelVocabulary(store, runId);
    return loadRunData(config, &vocabulary);
}

} // namespace mf
