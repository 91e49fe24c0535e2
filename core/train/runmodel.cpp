#include "core/train/runmodel.h"

#include "core/models/modelfactory.h"

namespace mf {

std::int64_t specVocabularySize(const TrainConfig &config)
{
    const nlohmann::json &spec = config.model;
    if (!spec.is_object() || !spec.contains("vocab_size") || !spec["vocab_size"].is_number())
        return 0;
    return spec["vocab_size"].get<std::int64_t>();
}

torch::nn::Sequential buildRunModel(const TrainConfig &config,
                                    const std::vector<std::int64_t> &sampleShape,
                                    std::int64_t numClasses)
{
    if (config.pretraining())
        return buildModel(config.model, sampleShape, specVocabularySize(config), config.seed,
                          ModelHead::Tokens);
    return buildModel(config.model, sampleShape, numClasses, config.seed);
}

} // namespace mf
