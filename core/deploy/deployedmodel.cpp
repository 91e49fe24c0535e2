#include "core/deploy/deployedmodel.h"

#include "core/compress/int8variant.h"
#include "core/compress/sparsemodelfile.h"
#include "core/data/dataset.h"
#include "core/models/modelfactory.h"
#include "core/train/batchsource.h"
#include "core/train/modelevaluation.h"
#include "core/train/trainconfig.h"
#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "core/util/shapetext.h"

#include <nlohmann/json.hpp>

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

    torch::serialize::InputArchive weights;
    try {
        archive.read("model", weights);
    } catch (const c10::Error &) {
        throw DataError(name, "model", "the bundle holds no weights");
    }
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

torch::Tensor DeployedModel::probabilities(const torch::Tensor &raw) const
{
    std::vector<std::int64_t> shape = raw.sizes().vec();
    if (shape.empty() ||
        std::vector<std::int64_t>(shape.begin() + 1, shape.end()) != m_meta.sampleShape)
        throw ConfigError("The model takes samples of shape " + shapeText(m_meta.sampleShape) +
                          ", not " +
                          shapeText(std::vector<std::int64_t>(
                              shape.begin() + (shape.empty() ? 0 : 1), shape.end())));
    torch::NoGradGuard noGrad;
    const torch::Tensor input = toModelInput(
        raw, m_meta.tableInputs ? DatasetKind::Table : DatasetKind::Image, m_meta.normalization);
    return torch::softmax(m_forward(input.contiguous()), 1);
}

EvalReport DeployedModel::evaluate(const Dataset &dataset) const
{
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

} // namespace mf
