#include "core/compress/int8variant.h"

#include "core/data/datasetloader.h"
#include "core/data/datasetsplit.h"
#include "core/models/modelfactory.h"
#include "core/store/runstore.h"
#include "core/store/storeaccess.h"
#include "core/store/workspace.h"
#include "core/train/batchsource.h"
#include "core/train/modelevaluation.h"
#include "core/train/rundata.h"
#include "core/util/error.h"
#include "core/util/sha256.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <sstream>

namespace mf {

namespace {

Workspace workspaceOf(const SessionOptions &options)
{
    return Workspace{options.workspaceDir.empty() ? defaultWorkspaceDir() : options.workspaceDir};
}

std::optional<Artifact> int8File(const RunStore &store, std::int64_t runId)
{
    for (const Artifact &artifact : store.artifacts(runId))
        if (artifact.kind == kInt8ModelArtifact)
            return artifact;
    return std::nullopt;
}

std::set<std::string> splitNames(const std::string &text)
{
    std::set<std::string> names;
    std::istringstream stream(text);
    std::string name;
    while (std::getline(stream, name, ','))
        if (!name.empty())
            names.insert(name);
    return names;
}

} // namespace

bool isInt8Variant(std::int64_t runId, const SessionOptions &options)
{
    const std::string path = workspaceOf(options).databasePath();
    const RunStore store(path, accessToRead(path));
    return int8File(store, runId).has_value();
}

QuantizedSequential loadInt8Model(const torch::nn::Sequential &source,
                                  const std::map<std::string, std::string> &params,
                                  const std::string &path)
{
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path);
    } catch (const std::exception &error) {
        throw DataError(path, "", std::string("not a model file: ") + error.what());
    }
    return loadInt8Model(source, params, archive, path);
}

QuantizedSequential loadInt8Model(const torch::nn::Sequential &source,
                                  const std::map<std::string, std::string> &params,
                                  torch::serialize::InputArchive &archive, const std::string &file)
{
    const auto technique = params.find(kCompressionParam);
    const auto layers = params.find(kInt8LayersParam);
    if (technique == params.end() || layers == params.end())
        throw DataError(file, "", "its run does not say which layers are int8");
    const QuantMode mode =
        technique->second == "int8 dynamic" ? QuantMode::Dynamic : QuantMode::Static;
    const std::set<std::string> int8 = splitNames(layers->second);
    // Any parameters build the layers: loading then puts the saved weights and parameters of
    // every int8 layer in.
    Calibration unitParams;
    for (const std::string &layer : int8) {
        unitParams.input[layer] = QuantParams{};
        unitParams.output[layer] = QuantParams{};
    }
    QuantizedSequential model(source, mode, int8, unitParams);
    try {
        model->load(archive);
    } catch (const std::exception &error) {
        throw DataError(file, "",
                        std::string("not an int8 model of this network: ") + error.what());
    }
    model->eval();
    return model;
}

ChannelStats int8Normalization(const std::map<std::string, std::string> &params,
                               const std::string &file, const std::string &where)
{
    ChannelStats normalization;
    const auto found = params.find(kInt8NormalizationParam);
    if (found == params.end())
        return normalization;
    const nlohmann::json stats = nlohmann::json::parse(found->second, nullptr, false);
    if (!stats.is_object() || !stats.contains("mean") || !stats.contains("std"))
        throw DataError(file, where, std::string(kInt8NormalizationParam) + " is not {mean, std}");
    normalization.mean = stats.at("mean").get<std::vector<double>>();
    normalization.std = stats.at("std").get<std::vector<double>>();
    return normalization;
}

EvalReport evaluateInt8Variant(std::int64_t runId, const SessionOptions &options, EvalSplit which)
{
    const std::string path = workspaceOf(options).databasePath();
    const RunStore store(path, accessToRead(path));
    const std::optional<RunRecord> record = store.run(runId);
    if (!record)
        throw ConfigError("There is no run " + std::to_string(runId));
    const std::optional<Artifact> file = int8File(store, runId);
    if (!file)
        throw ConfigError("Run " + std::to_string(runId) + " is not an int8 variant");
    if (sha256OfFile(file->path) != file->sha256)
        throw DataError(file->path, "", "the file changed since it was recorded");
    const std::map<std::string, std::string> params = store.params(runId);
    const TrainConfig config = nlohmann::json::parse(record->configJson).get<TrainConfig>();

    const ChannelStats normalization =
        int8Normalization(params, store.path(), "run " + std::to_string(runId));

    const RunData split = loadStoredRunData(store, runId, config);
    if (which == EvalSplit::Test && !split.test)
        throw ConfigError("The dataset of run " + std::to_string(runId) + " (" + config.dataset +
                          ") has no test part");
    const Dataset &evaluated = which == EvalSplit::Test ? *split.test : split.validation;
    const torch::nn::Sequential source =
        buildModel(config.model, split.train.sampleShape(), split.train.numClasses(), config.seed);
    QuantizedSequential model = loadInt8Model(source, params, file->path);
    torch::nn::Sequential wrapper;
    wrapper->push_back(torch::nn::Functional(
        [model](const torch::Tensor &x) mutable { return model->forward(x); }));
    const BatchSource batches(evaluated, normalization, torch::kCPU);
    EvalReport report = evaluateModel(wrapper, batches, config.loss, 256, split.train.numClasses());
    report.classNames =
        evaluated.classNames.empty() ? split.train.classNames : evaluated.classNames;
    return report;
}

} // namespace mf
