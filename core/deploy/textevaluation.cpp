#include "core/deploy/textevaluation.h"

#include "core/data/datasetsplit.h"
#include "core/util/error.h"

namespace mf {

EvalReport evaluateTextSplit(const DeployedModel &model, const TrainConfig &config,
                             const TextDatasetBundle &bundle, const std::string &path,
                             EvalSplit split)
{
    if (split == EvalSplit::Test) {
        if (!bundle.test)
            throw ConfigError(path + " has no test part; use --split validation");
        return model.evaluateTexts(*bundle.test);
    }
    Dataset indices;
    indices.kind = DatasetKind::Text;
    indices.inputs = torch::arange(bundle.train.size(), torch::kInt64).reshape({-1, 1});
    indices.labels = torch::tensor(bundle.train.labels, torch::kInt64).reshape({-1});
    indices.classNames = bundle.train.classNames;
    const torch::Tensor rows = splitDataset(indices, config.validationFraction, config.seed)
                                   .validationIndices.contiguous();
    TextDataset validation;
    validation.classNames = bundle.train.classNames;
    validation.format = bundle.train.format;
    validation.source = bundle.train.source;
    const auto *row = rows.data_ptr<std::int64_t>();
    for (std::int64_t i = 0; i < rows.numel(); ++i) {
        validation.texts.push_back(bundle.train.texts[static_cast<std::size_t>(row[i])]);
        validation.labels.push_back(bundle.train.labels[static_cast<std::size_t>(row[i])]);
    }
    return model.evaluateTexts(validation);
}

} // namespace mf
