#include "core/deploy/deployedmodel.h"

#include "core/compress/int8variant.h"
#include "core/compress/sparsemodelfile.h"
#include "core/data/dataset.h"
#include "core/models/modelfactory.h"
#include "core/text/textdataset.h"
#include "core/text/tokenizer.h"
#include "core/text/vocabulary.h"
#include "core/train/batchsource.h"
#include "core/train/modelevaluation.h"
#include "core/train/textrundata.h"
#include "core/train/trainconfig.h"
#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "core/util/shapetext.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace mf {

DeployedModel DeployedModel::load(const std::string &path)
{
    return fromBytes(readWholeFile(path), path);
}

DeployedModel DeployedModel::fromBytes(const std::string &bytes, const std::string &name)
{
    torch::serialize::InputArchive archive;
    c10::IValue metaText;
    try {
        archive.load_from(bytes.data(), bytes.size());
        archive.read("meta", metaText);
    } catch (const c10::Error &) {
        throw DataError(name, "", "not a ModelForge model bundle (.mfmodel)");
    }
    if (!metaText.isString())
        throw DataError(name, "meta", "not a ModelForge model bundle (.mfmodel)");

    DeployedModel deployed;
    deployed.m_meta = ModelBundleMeta::fromJson(metaText.toStringRef(), name);
    const ModelBundleMeta &meta = deployed.m_meta;
    TrainConfig config;
    try {
        config = nlohmann::json::parse(meta.configJson).get<TrainConfig>();
    } catch (const std::exception &error) {
        throw DataError(name, "config", error.what());
    }
    deployed.m_loss = config.loss;
    if (meta.textInputs) {
        c10::IValue vocabulary;
        if (!archive.try_read("vocabulary", vocabulary))
            throw DataError(name, "vocabulary", "the bundle of a text model holds no vocabulary");
        if (!vocabulary.isString())
            throw DataError(name, "vocabulary", "not a vocabulary");
        try {
            deployed.m_vocabulary = std::make_shared<const Vocabulary>(
                Vocabulary::fromJson(nlohmann::json::parse(vocabulary.toStringRef())));
        } catch (const std::exception &error) {
            throw DataError(name, "vocabulary",
                            std::string("not a valid vocabulary: ") + error.what());
        }
        deployed.m_tokenizer = std::make_shared<const Tokenizer>(tokenizerOptions(meta.text));
    }

    torch::serialize::InputArchive weights;
    if (!archive.try_read("model", weights))
        throw DataError(name, "model", "the bundle holds no weights");
    torch::nn::Sequential network =
        buildModel(config.model, meta.sampleShape,
                   static_cast<std::int64_t>(meta.classNames.size()), config.seed);
    if (meta.precision == "int8") {
        QuantizedSequential int8 = loadInt8Model(network, meta.params, weights, name);
        deployed.m_forward = [int8](const torch::Tensor &x) mutable { return int8->forward(x); };
        return deployed;
    }
    if (meta.precision == "fp32 sparse") {
        SparseModelFile::read(*network, weights, name);
    } else if (meta.precision == "fp32") {
        try {
            network->load(weights);
        } catch (const c10::Error &error) {
            throw DataError(name, "model",
                            std::string("the weights do not fit the network: ") +
                                error.what_without_backtrace());
        }
    } else {
        throw DataError(name, "precision", "unknown precision \"" + meta.precision + "\"");
    }
    network->eval();
    deployed.m_forward = [network](const torch::Tensor &x) mutable { return network->forward(x); };
    return deployed;
}

std::string DeployedModel::inputDescription() const
{
    if (m_meta.textInputs)
        return "text";
    return m_meta.tableInputs ? "table rows" : "images";
}

torch::Tensor DeployedModel::textIds(const std::vector<std::string> &texts) const
{
    if (!m_meta.textInputs)
        throw ConfigError("The model of run " + std::to_string(m_meta.run) + " takes " +
                          inputDescription() + ", not text");
    const std::int64_t length = m_meta.text.sequenceLength;
    const auto count = static_cast<std::int64_t>(texts.size());
    torch::Tensor ids = torch::empty({count, length}, torch::kInt64);
    std::int64_t *row = ids.data_ptr<std::int64_t>();
    for (const std::string &text : texts) {
        const std::vector<std::int64_t> encoded =
            m_vocabulary->encodeText(text, *m_tokenizer, length);
        std::copy(encoded.begin(), encoded.end(), row);
        row += length;
    }
    return ids;
}

torch::Tensor DeployedModel::textProbabilities(const std::vector<std::string> &texts) const
{
    const torch::Tensor ids = textIds(texts);
    if (texts.empty()) // packed sequences of a batch of none fail in torch
        return torch::empty({0, static_cast<std::int64_t>(m_meta.classNames.size())});
    return probabilities(ids);
}

torch::Tensor DeployedModel::probabilities(const torch::Tensor &raw) const
{
    if (m_meta.textInputs && !at::isIntegralType(raw.scalar_type(), false))
        throw ConfigError("The model of run " + std::to_string(m_meta.run) +
                          " takes text (token ids), not " +
                          std::string(c10::toString(raw.scalar_type())) + " inputs");
    std::vector<std::int64_t> shape = raw.sizes().vec();
    if (shape.empty() ||
        std::vector<std::int64_t>(shape.begin() + 1, shape.end()) != m_meta.sampleShape)
        throw ConfigError("The model takes samples of shape " + shapeText(m_meta.sampleShape) +
                          ", not " +
                          shapeText(std::vector<std::int64_t>(
                              shape.begin() + (shape.empty() ? 0 : 1), shape.end())));
    torch::NoGradGuard noGrad;
    const DatasetKind kind = m_meta.textInputs    ? DatasetKind::Text
                             : m_meta.tableInputs ? DatasetKind::Table
                                                  : DatasetKind::Image;
    const torch::Tensor input = toModelInput(raw, kind, m_meta.normalization);
    return torch::softmax(m_forward(input.contiguous()), 1);
}

EvalReport DeployedModel::evaluate(const Dataset &dataset) const
{
    if (m_meta.textInputs != (dataset.kind == DatasetKind::Text))
        throw ConfigError("The model of run " + std::to_string(m_meta.run) + " takes " +
                          inputDescription() + "; " + dataset.source + " holds " +
                          (dataset.kind == DatasetKind::Text    ? "text"
                           : dataset.kind == DatasetKind::Table ? "table rows"
                                                                : "images"));
    if (dataset.sampleShape() != m_meta.sampleShape)
        throw ConfigError("The samples of " + dataset.source + " have shape " +
                          shapeText(dataset.sampleShape()) + "; the model takes " +
                          shapeText(m_meta.sampleShape));
    const auto classes = static_cast<std::int64_t>(m_meta.classNames.size());
    if (dataset.numClasses() > classes)
        throw ConfigError(dataset.source + " has " + std::to_string(dataset.numClasses()) +
                          " classes; the model predicts " + std::to_string(classes));
    torch::nn::Sequential wrapper;
    auto forward = m_forward;
    wrapper->push_back(torch::nn::Functional(
        [forward](const torch::Tensor &x) { return forward(x.contiguous()); }));
    const BatchSource batches(dataset, m_meta.normalization, torch::kCPU);
    EvalReport report = evaluateModel(wrapper, batches, m_loss, 256, classes);
    report.classNames = m_meta.classNames;
    return report;
}

EvalReport DeployedModel::evaluateTexts(const TextDataset &texts) const
{
    Dataset dataset;
    dataset.kind = DatasetKind::Text;
    dataset.inputs = textIds(texts.texts);
    dataset.labels = torch::tensor(texts.labels, torch::kInt64).reshape({texts.size()});
    dataset.classNames = texts.classNames;
    dataset.format = texts.format;
    dataset.source = texts.source;
    return evaluate(dataset);
}

} // namespace mf
