#include "core/deploy/modelbundle.h"

#include "core/compress/int8variant.h"
#include "core/compress/sparsemodelfile.h"
#include "core/data/datasetloader.h"
#include "core/models/modelfactory.h"
#include "core/store/runstore.h"
#include "core/store/storeaccess.h"
#include "core/store/workspace.h"
#include "core/train/checkpoint.h"
#include "core/train/environmentinfo.h"
#include "core/train/textrundata.h"
#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "core/util/sha256.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace mf {

namespace {

std::optional<Artifact> artifactOfKind(const RunStore &store, std::int64_t runId,
                                       const std::string &kind)
{
    for (const Artifact &artifact : store.artifacts(runId))
        if (artifact.kind == kind)
            return artifact;
    return std::nullopt;
}

/// The trained network of a run with a checkpoint, and the checkpoint's header.
torch::nn::Sequential loadTrained(std::int64_t runId, const SessionOptions &options,
                                  const TrainConfig &config, CheckpointHeader &header)
{
    const Artifact checkpoint = TrainingSession::evaluationCheckpoint(runId, options);
    header = Checkpoint::readHeader(checkpoint.path);
    torch::nn::Sequential model =
        buildModel(config.model, header.sampleShape, header.numClasses, config.seed);
    Checkpoint::load(checkpoint.path, config, header.sampleShape, header.numClasses, *model,
                     nullptr, torch::kCPU, checkpoint.sha256);
    return model;
}

std::vector<std::string> classNamesOf(const TrainConfig &config, std::int64_t classes)
{
    try {
        std::vector<std::string> names = isTextRun(config)
                                             ? loadTextDataset(config.dataset).train.classNames
                                             : loadDataset(config.dataset).train.classNames;
        if (static_cast<std::int64_t>(names.size()) == classes)
            return names;
    } catch (const Error &) {
        // The dataset moved or changed since: the bundle names the classes by number.
    }
    std::vector<std::string> names;
    for (std::int64_t c = 0; c < classes; ++c)
        names.push_back("class " + std::to_string(c));
    return names;
}

} // namespace

std::string ModelBundle::exportRun(std::int64_t runId, const SessionOptions &options)
{
    const Workspace workspace{options.workspaceDir.empty() ? defaultWorkspaceDir()
                                                           : options.workspaceDir};
    const std::string storePath = workspace.databasePath();
    const RunStore store(storePath, accessToRead(storePath));
    const std::optional<RunRecord> record = store.run(runId);
    if (!record)
        throw ConfigError("There is no run " + std::to_string(runId));
    const TrainConfig config = nlohmann::json::parse(record->configJson).get<TrainConfig>();
    if (config.pretraining())
        throw ConfigError("Run " + std::to_string(runId) + " pre-trains an encoder (objective " +
                          config.objective +
                          "): it predicts tokens, not classes; fine-tune a run from it and "
                          "export that one");
    const std::map<std::string, std::string> params = store.params(runId);

    ModelBundleMeta meta;
    meta.run = runId;
    meta.runName = record->name;
    meta.configJson = record->configJson;
    meta.exportedBy = versionsString();
    for (const char *key : {kCompressionParam, kParentRunParam, kInt8LayersParam})
        if (const auto found = params.find(key); found != params.end())
            meta.params[key] = found->second;
    const std::map<std::string, double> latest = store.latestMetrics(runId);
    if (const auto found = latest.find("test_accuracy"); found != latest.end())
        meta.testAccuracy = found->second;

    torch::serialize::OutputArchive weights;
    std::int64_t classes = 0;
    if (const std::optional<Artifact> int8 = artifactOfKind(store, runId, kInt8ModelArtifact)) {
        if (sha256OfFile(int8->path) != int8->sha256)
            throw DataError(int8->path, "", "the file changed since it was recorded");
        const auto parent = params.find(kParentRunParam);
        if (parent == params.end())
            throw DataError(storePath, "run " + std::to_string(runId),
                            "the int8 variant does not name its source run");
        CheckpointHeader header;
        const torch::nn::Sequential source =
            loadTrained(std::stoll(parent->second), options, config, header);
        meta.sampleShape = header.sampleShape;
        classes = header.numClasses;
        meta.normalization = int8Normalization(params, storePath, "run " + std::to_string(runId));
        meta.precision = "int8";
        meta.parameters = parameterCount(*source);
        loadInt8Model(source, params, int8->path)->save(weights);
    } else {
        CheckpointHeader header;
        const torch::nn::Sequential model = loadTrained(runId, options, config, header);
        meta.sampleShape = header.sampleShape;
        classes = header.numClasses;
        meta.normalization = header.normalization;
        meta.parameters = parameterCount(*model);
        if (artifactOfKind(store, runId, "sparse-model")) {
            meta.precision = "fp32 sparse";
            SparseModelFile::write(*model, weights);
        } else {
            meta.precision = "fp32";
            model->save(weights);
        }
    }
    meta.textInputs = isTextRun(config);
    meta.tableInputs = !meta.textInputs && meta.sampleShape.size() == 1;
    meta.classNames = classNamesOf(config, classes);

    torch::serialize::OutputArchive archive;
    if (meta.textInputs) {
        meta.formatVersion = ModelBundleMeta::kTextFormatVersion;
        meta.text = config.text;
        archive.write("vocabulary", c10::IValue(modelVocabulary(store, runId).toJson().dump()));
    }
    archive.write("meta", c10::IValue(meta.toJson()));
    archive.write("model", weights);
    std::ostringstream bytes;
    archive.save_to(bytes);
    return bytes.str();
}

ModelBundleMeta ModelBundle::exportRunTo(std::int64_t runId, const SessionOptions &options,
                                         const std::string &path)
{
    const std::string bytes = exportRun(runId, options);
    writeFileAtomically(path, bytes);
    torch::serialize::InputArchive archive;
    archive.load_from(bytes.data(), bytes.size());
    c10::IValue meta;
    archive.read("meta", meta);
    return ModelBundleMeta::fromJson(meta.toStringRef(), path);
}

} // namespace mf
