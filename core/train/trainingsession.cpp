#include "core/train/trainingsession.h"

#include "core/augment/augmentpipeline.h"
#include "core/data/datasetloader.h"
#include "core/data/datasetsplit.h"
#include "core/dist/dataparallel.h"
#include "core/dist/pipelineparallel.h"
#include "core/models/modelfactory.h"
#include "core/models/modelspec.h"
#include "core/store/processinfo.h"
#include "core/store/runheartbeat.h"
#include "core/store/runstore.h"
#include "core/store/storeaccess.h"
#include "core/store/workspace.h"
#include "core/text/textaugmentpipeline.h"
#include "core/train/batchsource.h"
#include "core/train/checkpoint.h"
#include "core/train/environmentinfo.h"
#include "core/train/modelevaluation.h"
#include "core/train/outcomestatus.h"
#include "core/train/pretraining.h"
#include "core/train/rundata.h"
#include "core/train/runmodel.h"
#include "core/train/runrecorder.h"
#include "core/train/textbatchaugmenter.h"
#include "core/train/textrundata.h"
#include "core/train/trainer.h"
#include "core/train/warmstart.h"
#include "core/util/error.h"
#include "core/util/sha256.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

namespace mf {

namespace {

/// The run param holding the augmentation pipeline's JSON, so a resumed run augments as the
/// run began even when the file changed since.
const char *const kPipelineParam = "augmentation_pipeline";

/// What a fine-tuned run took from its parent (JSON arrays of tensor names; "name: reason" for
/// the skipped ones); the loaded parameters are frozen again when the run is resumed.
const char *const kLoadedParam = "finetune.loaded";
const char *const kLoadedParametersParam = "finetune.loaded_parameters";
const char *const kNewParam = "finetune.new";
const char *const kSkippedParam = "finetune.skipped";

Artifact chooseEvaluationCheckpoint(const RunStore &store, std::int64_t runId);

void flatten(const nlohmann::json &value, const std::string &key,
             std::map<std::string, std::string> &out)
{
    if (value.is_object()) {
        for (const auto &item : value.items())
            flatten(item.value(), key.empty() ? item.key() : key + "." + item.key(), out);
    } else if (value.is_string()) {
        out[key] = value.get<std::string>();
    } else {
        out[key] = value.dump();
    }
}

std::string defaultRunName(const TrainConfig &config)
{
    std::filesystem::path path(config.dataset);
    std::string name = path.filename().string();
    if (name.empty())
        name = path.parent_path().filename().string();
    const std::string type =
        config.model.is_object() ? config.model.value("type", std::string("model")) : "model";
    return type + " on " + (name.empty() ? config.dataset : name);
}

TrainConfig storedConfig(const RunStore &store, const RunRecord &record)
{
    try {
        return nlohmann::json::parse(record.configJson).get<TrainConfig>();
    } catch (const nlohmann::json::exception &e) {
        throw DataError(store.path(), "run " + std::to_string(record.id),
                        std::string("the stored configuration is not valid JSON: ") + e.what());
    }
}

RunRecord existingRun(const RunStore &store, std::int64_t runId)
{
    std::optional<RunRecord> record = store.run(runId);
    if (!record)
        throw ConfigError("There is no run " + std::to_string(runId) + " in " + store.path());
    return *record;
}

/// The run's checkpoint artifacts whose files still exist, newest epoch first.
std::vector<Artifact> existingCheckpoints(const RunStore &store, std::int64_t runId)
{
    std::vector<Artifact> found;
    for (const Artifact &artifact : store.artifacts(runId))
        if (artifact.kind == "checkpoint" && std::filesystem::exists(artifact.path))
            found.push_back(artifact);
    std::stable_sort(found.begin(), found.end(), [](const Artifact &a, const Artifact &b) {
        return a.epoch != b.epoch ? a.epoch > b.epoch : a.id > b.id;
    });
    return found;
}

void verifyChecksum(const Artifact &artifact)
{
    const std::string actual = sha256OfFile(artifact.path);
    if (actual != artifact.sha256)
        throw DataError(artifact.path, "",
                        "its sha256 " + actual + " differs from the " + artifact.sha256 +
                            " recorded for run " + std::to_string(artifact.runId) +
                            ": the checkpoint was changed after it was written");
}

/// The pipeline (an AugmentPipeline or a TextAugmentPipeline) stored with a run whose config
/// names one; null otherwise.
template <typename Pipeline>
std::shared_ptr<const Pipeline> storedPipelineOf(const RunStore &store, std::int64_t runId,
                                                 const TrainConfig &config)
{
    if (config.augmentation.empty())
        return nullptr;
    const std::map<std::string, std::string> params = store.params(runId);
    const auto found = params.find(kPipelineParam);
    const std::string where = "run " + std::to_string(runId);
    if (found == params.end())
        throw DataError(store.path(), where,
                        "the augmentation pipeline stored with the run is missing");
    try {
        return std::make_shared<const Pipeline>(
            Pipeline::fromJson(nlohmann::json::parse(found->second)));
    } catch (const nlohmann::json::exception &e) {
        throw DataError(store.path(), where,
                        std::string("the stored augmentation pipeline is not valid JSON: ") +
                            e.what());
    } catch (const ConfigError &e) {
        throw DataError(store.path(), where,
                        std::string("the stored augmentation pipeline: ") + e.what());
    }
}

} // namespace

struct TrainingSession::Impl
{
    TrainConfig config;
    SessionOptions options;
    Workspace workspace;
    std::unique_ptr<RunStore> store;
    std::int64_t runId = 0;
    RunData data;
    std::shared_ptr<const AugmentPipeline> augmentation;
    std::shared_ptr<const TextAugmentPipeline> textAugmentation; ///< text runs
    std::unique_ptr<Trainer> trainer;
    std::shared_ptr<const WarmStart> warmStart;
    std::vector<std::string> loadedParameters; ///< resumed fine-tuning: what stays frozen
    bool resumed = false; ///< the weights come from the run's checkpoint, not word vectors
    std::unique_ptr<RunRecorder> recorder;
    std::vector<TrainerObserver *> observers;
    double wallOffset = 0.0;
    bool ran = false;

    std::mutex controlMutex; // guards `trainer` creation against requestStop()/setPaused()
    bool stopRequested = false;
    bool paused = false;

    /// This process's index among the job's ranks on its machine (0 outside a job).
    int localRank() const
    {
        return options.dataParallel ? options.dataParallel->localRank()
               : options.pipeline   ? options.pipeline->localRank()
                                    : 0;
    }

    /// A data- or pipeline-parallel rank other than the leader: it records nothing.
    bool follower() const
    {
        return (options.dataParallel && !options.dataParallel->leader()) ||
               (options.pipeline && !options.pipeline->leader());
    }

    /// A follower trains in step with the leader; the leader records, validates and tests.
    SessionResult trainAsFollower()
    {
        for (TrainerObserver *observer : observers)
            trainer->addObserver(observer);
        SessionResult result;
        result.train = trainer->run();
        result.evaluatedSamples = trainer->evaluatedSamples();
        return result;
    }

    /// A follower only reads (a parent run, a resumed run's config): two processes creating
    /// one new store at once would each find the other's half-made file.
    void openStore()
    {
        if (!store)
            store = std::make_unique<RunStore>(workspace.databasePath(),
                                               follower() ? StoreAccess::ReadOnly
                                                          : StoreAccess::ReadWrite);
    }

    void createTrainer()
    {
        TrainerOptions trainerOptions;
        if (!follower()) {
            trainerOptions.checkpointDir = workspace.runDir(runId) + "/checkpoints";
            RunStore *heartbeatStore = store.get();
            const std::int64_t id = runId;
            trainerOptions.whilePaused = [heartbeatStore, id] { heartbeatStore->heartbeat(id); };
        }
        trainerOptions.dataParallel = options.dataParallel;
        trainerOptions.pipeline = options.pipeline;
        trainerOptions.augmentation = augmentation;
        trainerOptions.trainSampleIndices = data.trainIndices;
        trainerOptions.kernels.cachePath = workspace.kernelCachePath();
        trainerOptions.hooks = options.hooks;
        trainerOptions.warmStart = warmStart;
        trainerOptions.loadedParameterNames = loadedParameters;
        if (data.vocabulary && !resumed)
            trainerOptions.vocabulary = std::make_shared<const Vocabulary>(*data.vocabulary);
        if (textAugmentation)
            trainerOptions.textAugmentation = std::make_shared<const TextBatchAugmenter>(
                textAugmentation, data.trainTexts, *data.vocabulary, tokenizerOptions(config.text),
                config.text.sequenceLength, config.seed);
        auto created = std::make_unique<Trainer>(config, data.train, data.validation,
                                                 std::move(trainerOptions));
        std::lock_guard<std::mutex> lock(controlMutex);
        trainer = std::move(created);
        if (paused)
            trainer->setPaused(true);
        if (stopRequested)
            trainer->requestStop();
    }
};

TrainingSession::TrainingSession(TrainConfig config, SessionOptions options)
    : d(std::make_unique<Impl>())
{
    d->config = std::move(config);
    d->options = std::move(options);
    d->workspace.dir =
        d->options.workspaceDir.empty() ? defaultWorkspaceDir() : d->options.workspaceDir;
}

TrainingSession::~TrainingSession() = default;
TrainingSession::TrainingSession(TrainingSession &&) noexcept = default;
TrainingSession &TrainingSession::operator=(TrainingSession &&) noexcept = default;

std::int64_t TrainingSession::runId() const
{
    return d->runId;
}

const TrainConfig &TrainingSession::config() const
{
    return d->config;
}

std::string TrainingSession::backend() const
{
    if (d->options.dataParallel)
        return d->options.dataParallel->backend();
    return d->options.pipeline ? d->options.pipeline->backend() : std::string();
}

std::int64_t TrainingSession::startStep() const
{
    return d->trainer ? d->trainer->state().globalStep : 0;
}

void TrainingSession::addObserver(TrainerObserver *observer)
{
    if (observer != nullptr)
        d->observers.push_back(observer);
}

void TrainingSession::requestStop()
{
    std::lock_guard<std::mutex> lock(d->controlMutex);
    d->stopRequested = true;
    if (d->trainer)
        d->trainer->requestStop();
}

void TrainingSession::setPaused(bool paused)
{
    std::lock_guard<std::mutex> lock(d->controlMutex);
    d->paused = paused;
    if (d->trainer)
        d->trainer->setPaused(paused);
}

std::int64_t TrainingSession::prepare()
{
    if (d->trainer)
        return d->runId;
    nlohmann::json &model = d->config.model;
    d->config.requireValid();
    checkModelFitsDataset(d->config);
    const std::string device = resolveDeviceName(d->config.device, d->localRank());
    // The backend the run records is the one its tensors go through (NCCL for CUDA).
    if (d->options.dataParallel)
        d->options.dataParallel->useDevice(torch::Device(device));
    if (d->options.pipeline)
        d->options.pipeline->useDevice(torch::Device(device));
    const bool text = isTextRun(d->config);
    const nlohmann::json pipelineJson =
        text ? readTextAugmentation(d->config) : readAugmentation(d->config);
    if (!pipelineJson.is_null()) {
        if (text)
            d->textAugmentation = std::make_shared<const TextAugmentPipeline>(
                TextAugmentPipeline::fromJson(pipelineJson));
        else
            d->augmentation =
                std::make_shared<const AugmentPipeline>(AugmentPipeline::fromJson(pipelineJson));
    }
    // A follower of a new run touches no store (the leader may be creating it).
    if (!d->follower() || d->config.initFromRun > 0)
        d->openStore();
    std::optional<Vocabulary> parentVocabulary;
    if (d->config.initFromRun > 0) {
        const std::int64_t parent = d->config.initFromRun;
        const RunRecord parentRecord = existingRun(*d->store, parent);
        if (parentRecord.status == RunStatus::Running)
            throw ConfigError("Run " + std::to_string(parent) +
                              " is still training; fine-tune from it once it has ended");
        const TrainConfig parentConfig = storedConfig(*d->store, parentRecord);
        if (isTextRun(parentConfig) != isTextRun(d->config))
            throw ConfigError("Run " + std::to_string(parent) + " trained on " +
                              (isTextRun(parentConfig) ? "text" : "images or tables") +
                              "; this run's dataset " + d->config.dataset + " holds " +
                              (isTextRun(d->config) ? "text" : "images or tables"));
        d->warmStart = std::make_shared<const WarmStart>(WarmStart::fromCheckpoint(
            parent, parentConfig, chooseEvaluationCheckpoint(*d->store, parent), d->config));
        // Token ids must mean the words they meant to the parent: its vocabulary, its table.
        if (isTextRun(parentConfig)) {
            parentVocabulary = readRunVocabulary(*d->store, parent);
            model["vocab_size"] = specVocabularySize(parentConfig);
            // The parent's tokenizer too: its vocabulary holds the tokens it made. (The sequence
            // length stays this run's own.)
            d->config.text.tokenizer = parentConfig.text.tokenizer;
            d->config.text.lowerCase = parentConfig.text.lowerCase;
            d->config.text.nfkc = parentConfig.text.nfkc;
            d->config.text.punctuation = parentConfig.text.punctuation;
            d->config.text.maxVocab = parentConfig.text.maxVocab;
            d->config.text.minFrequency = parentConfig.text.minFrequency;
        }
    }
    d->data = loadRunData(d->config, parentVocabulary ? &*parentVocabulary : nullptr);
    // One row more than the vocabulary: the [MASK] token of masked-token pre-training, so a
    // pre-trained encoder and the classifiers fine-tuned from it share one embedding table.
    if (d->data.vocabulary && !parentVocabulary)
        model["vocab_size"] = d->data.vocabulary->size() + 1;
    if (d->follower()) {
        d->createTrainer();
        return 0;
    }

    RunRecord record;
    record.name = d->options.runName.empty() ? defaultRunName(d->config) : d->options.runName;
    record.status = RunStatus::Running;
    const nlohmann::json configJson = d->config;
    record.configJson = configJson.dump();
    record.dataset = d->config.dataset;
    record.model =
        d->config.model.is_object() ? d->config.model.value("type", std::string()) : std::string();
    record.device = device;
    record.versions = versionsString();
    record.host = currentHostName();
    record.pid = currentProcessId();
    std::map<std::string, std::string> params;
    flatten(configJson, "", params);
    if (!pipelineJson.is_null())
        params[kPipelineParam] = pipelineJson.dump();
    for (const auto &[key, value] : d->options.params)
        params[key] = value;
    if (d->warmStart)
        params[kParentRunParam] = std::to_string(d->config.initFromRun);
    if (d->options.dataParallel) {
        params[kWorldSizeParam] = std::to_string(d->options.dataParallel->worldSize());
        params[kBackendParam] = d->options.dataParallel->backend();
        params[kParallelModeParam] = "data";
    }
    if (d->options.pipeline) {
        params[kWorldSizeParam] = std::to_string(d->options.pipeline->stages());
        params[kBackendParam] = d->options.pipeline->backend();
        params[kParallelModeParam] = "pipeline";
        params[kMicroBatchesParam] = std::to_string(d->options.pipeline->microBatches());
        params[kPipelineScheduleParam] = pipelineScheduleName(d->options.pipeline->schedule());
        params[kOptimizerStateParam] = "all stages";
    }
    d->runId = d->store->createRun(record, params);
    try {
        if (d->data.vocabulary)
            saveRunVocabulary(*d->store, d->workspace, d->runId, *d->data.vocabulary);
        d->createTrainer();
        if (const WordVectorCounts *counts = d->trainer->wordVectorCounts())
            d->store->setParams(
                d->runId,
                {{"word_vectors.found", std::to_string(counts->found)},
                 {"word_vectors.out_of_vocabulary", std::to_string(counts->outOfVocabulary)},
                 {"word_vectors.dimension", std::to_string(counts->dimension)}});
        if (const WarmStartReport *report = d->trainer->warmStartReport())
            d->store->setParams(
                d->runId,
                {{kLoadedParam, nlohmann::json(report->loaded).dump()},
                 {kLoadedParametersParam, nlohmann::json(report->loadedParameters).dump()},
                 {kNewParam, nlohmann::json(report->fresh).dump()},
                 {kSkippedParam, nlohmann::json(report->skipped).dump()}});
    } catch (const std::exception &e) {
        d->store->setStatus(d->runId, RunStatus::Failed, e.what());
        throw;
    }
    return d->runId;
}

SessionResult TrainingSession::run()
{
    if (d->ran)
        throw ConfigError("This training session has already run");
    prepare();
    d->ran = true;
    Trainer &trainer = *d->trainer;
    if (d->follower())
        return d->trainAsFollower();
    // Beats from its own thread until run() returns, also through validation and checkpoints.
    const RunHeartbeat heartbeat(d->workspace.databasePath(), d->runId,
                                 d->options.heartbeatInterval);
    d->recorder = std::make_unique<RunRecorder>(*d->store, d->runId);
    d->recorder->setWallOffset(d->wallOffset);
    trainer.addObserver(d->recorder.get());
    for (TrainerObserver *observer : d->observers)
        trainer.addObserver(observer);

    SessionResult result;
    result.runId = d->runId;
    try {
        result.train = trainer.run();
        // A stop ends the run now: evaluating the weights of a half-trained epoch on the
        // validation and test parts took longer than the rest of the stop (seconds on a full
        // dataset), and the stop checkpoint keeps them for an evaluation or a resume later.
        const bool stopped = result.train.outcome == TrainOutcome::Stopped;
        if (stopped && trainer.hasCurrentValidation())
            result.validation = trainer.validationReport();
        if (result.train.outcome != TrainOutcome::Failed && !stopped) {
            result.validation = trainer.validationReport();
            if (d->data.test) {
                result.test = trainer.evaluate(*d->data.test);
                const double wall = result.train.last.wallSeconds;
                d->recorder->log("test_loss", result.test->loss, result.train.steps,
                                 result.train.epochsCompleted, wall);
                d->recorder->log("test_accuracy", result.test->accuracy, result.train.steps,
                                 result.train.epochsCompleted, wall);
            }
        }
        result.evaluatedSamples = trainer.evaluatedSamples();
        if (!result.train.pipelineStages.empty())
            d->store->setParams(d->runId, {{"distributed.stages", result.train.pipelineStages}});
        d->recorder->flush();
        d->store->setStatus(d->runId, runStatusOf(result.train.outcome),
                            result.train.failureReason);
    } catch (const std::exception &e) {
        try {
            d->recorder->flush();
        } catch (const std::exception &) {
            // The failure below is the one worth reporting.
        }
        d->store->setStatus(d->runId, RunStatus::Failed, e.what());
        throw;
    }
    return result;
}

StoredParallelism storedParallelism(const std::map<std::string, std::string> &params)
{
    StoredParallelism stored;
    const auto number = [&](const char *key, int fallback) {
        const auto found = params.find(key);
        if (found == params.end())
            return fallback;
        try {
            return std::max(1, std::stoi(found->second));
        } catch (const std::exception &) {
            return fallback;
        }
    };
    if (const auto mode = params.find(kParallelModeParam); mode != params.end())
        stored.mode = mode->second;
    stored.processes = number(kWorldSizeParam, 1);
    stored.microBatches = number(kMicroBatchesParam, stored.microBatches);
    if (const auto schedule = params.find(kPipelineScheduleParam); schedule != params.end())
        stored.schedule = schedule->second;
    return stored;
}

TrainingSession TrainingSession::resume(std::int64_t runId, SessionOptions options)
{
    TrainingSession session(TrainConfig{}, std::move(options));
    Impl &d = *session.d;
    d.openStore();
    const RunRecord record = existingRun(*d.store, runId);
    // The leader checks the run's state and claims it; a follower may find it claimed already.
    if (record.status == RunStatus::Running && !d.follower())
        throw ConfigError("Run " + std::to_string(runId) + " is still running (process " +
                          std::to_string(record.pid) + " on " + record.host + ")");
    if (record.status == RunStatus::Finished)
        throw ConfigError("Run " + std::to_string(runId) + " has already finished");
    const std::map<std::string, std::string> storedParams = d.store->params(runId);
    // Its teacher or pruning masks are not in the store: it would go on as another training.
    if (storedParams.count(kCompressionParam) > 0)
        throw ConfigError("Run " + std::to_string(runId) + " is a compression variant (" +
                          storedParams.at(kCompressionParam) +
                          "); it cannot be resumed: compress its source run again");
    // Its shards or stages, batches and learning-rate schedule depend on how it was spread.
    const StoredParallelism trained = storedParallelism(storedParams);
    const std::string id = std::to_string(runId);
    if (trained.mode == "pipeline") {
        if (storedParams.count(kOptimizerStateParam) == 0)
            throw ConfigError("Run " + id +
                              " trained pipeline-parallel before its checkpoints kept every "
                              "stage's optimiser state; it cannot be resumed: evaluate or export "
                              "its checkpoint, or train it again");
        if (!d.options.pipeline || d.options.pipeline->stages() != trained.processes)
            throw ConfigError(
                "Run " + id + " trained as a pipeline of " + std::to_string(trained.processes) +
                " stages; resume it as one (--nproc " + std::to_string(trained.processes) + ")");
    } else {
        if (d.options.pipeline)
            throw ConfigError("Run " + id + " did not train pipeline-parallel; resume it " +
                              "without --parallel pipeline");
        const int resumingWith = d.options.dataParallel ? d.options.dataParallel->worldSize() : 1;
        if (trained.processes != resumingWith)
            throw ConfigError("Run " + id + " trained as " + std::to_string(trained.processes) +
                              " data-parallel process(es); resume it with as many (--nproc " +
                              std::to_string(trained.processes) + "), not " +
                              std::to_string(resumingWith));
    }
    d.config = storedConfig(*d.store, record);
    d.runId = runId;
    const std::vector<Artifact> checkpoints = existingCheckpoints(*d.store, runId);
    if (!checkpoints.empty())
        verifyChecksum(checkpoints.front());
    resolveDeviceName(d.config.device, d.localRank());
    if (isTextRun(d.config))
        d.textAugmentation = storedPipelineOf<TextAugmentPipeline>(*d.store, runId, d.config);
    else
        d.augmentation = storedPipelineOf<AugmentPipeline>(*d.store, runId, d.config);
    d.data = loadStoredRunData(*d.store, runId, d.config);
    d.resumed = true;
    if (d.config.initFromRun > 0 && d.config.freezeEpochs > 0) {
        const auto params = d.store->params(runId);
        if (const auto found = params.find(kLoadedParametersParam); found != params.end())
            d.loadedParameters =
                nlohmann::json::parse(found->second).get<std::vector<std::string>>();
    }
    d.createTrainer();
    if (!checkpoints.empty()) {
        const Artifact &checkpoint = checkpoints.front();
        d.trainer->restoreCheckpoint(checkpoint.path);
        const TrainingState &state = d.trainer->state();
        if (state.insideEpoch()) {
            // A stop checkpoint: the time axis goes on from the step it holds.
            for (const MetricPoint &point : d.store->metrics(runId, "train_loss"))
                if (point.step <= state.globalStep)
                    d.wallOffset = std::max(d.wallOffset, point.wallSeconds);
        } else {
            for (const MetricPoint &point : d.store->metrics(runId, "epoch_seconds"))
                if (point.epoch == checkpoint.epoch)
                    d.wallOffset = point.wallSeconds;
        }
    }
    if (d.follower())
        return session;
    // Points logged after the checkpoint belong to steps that are about to be repeated. The
    // claim fails when another process resumed the run while this one loaded its data.
    d.store->claimRun(record, d.trainer->state().globalStep,
                      static_cast<std::int64_t>(d.wallOffset * 1000.0));
    return session;
}

namespace {

/// The checkpoint of a run that evaluation uses: its best, or its newest when the best was
/// pruned.
/// The epoch the trainer counted best (as Trainer::recordValidation does: the first with the
/// highest accuracy, or the lowest loss when early stopping watches val_loss), from the stored
/// per-epoch validation metric; 0 when none is stored.
int bestStoredEpoch(const RunStore &store, std::int64_t runId, const TrainConfig &config)
{
    const bool byLoss = config.earlyStoppingMetric == "val_loss";
    int best = 0;
    double bestValue = 0.0;
    for (const MetricPoint &point : store.metrics(runId, byLoss ? "val_loss" : "val_accuracy"))
        if (best == 0 || (byLoss ? point.value < bestValue : point.value > bestValue)) {
            best = point.epoch;
            bestValue = point.value;
        }
    return best;
}

Artifact chooseEvaluationCheckpoint(const RunStore &store, std::int64_t runId)
{
    const RunRecord record = existingRun(store, runId);
    const std::vector<Artifact> checkpoints = existingCheckpoints(store, runId);
    if (checkpoints.empty())
        throw ConfigError("Run " + std::to_string(runId) + " has no checkpoint to evaluate");
    // From the store, so that choosing reads no checkpoint (the newest one's header names the
    // best epoch too, but reading it meant reading the whole file once more).
    int bestEpoch = bestStoredEpoch(store, runId, storedConfig(store, record));
    if (bestEpoch == 0)
        bestEpoch = Checkpoint::readHeader(checkpoints.front().path).state.bestEpoch;
    const auto best = std::find_if(checkpoints.begin(), checkpoints.end(),
                                   [bestEpoch](const Artifact &a) { return a.epoch == bestEpoch; });
    return best != checkpoints.end() ? *best : checkpoints.front();
}

Workspace sessionWorkspace(const SessionOptions &options)
{
    Workspace workspace;
    workspace.dir = options.workspaceDir.empty() ? defaultWorkspaceDir() : options.workspaceDir;
    return workspace;
}

} // namespace

Artifact TrainingSession::evaluationCheckpoint(std::int64_t runId, const SessionOptions &options)
{
    const std::string path = sessionWorkspace(options).databasePath();
    const RunStore store(path, accessToRead(path));
    return chooseEvaluationCheckpoint(store, runId);
}

EvalReport TrainingSession::evaluateRun(std::int64_t runId, const SessionOptions &options,
                                        EvalSplit which)
{
    const std::string path = sessionWorkspace(options).databasePath();
    const RunStore store(path, accessToRead(path));
    const RunRecord record = existingRun(store, runId);
    const TrainConfig config = storedConfig(store, record);
    const Artifact chosen = chooseEvaluationCheckpoint(store, runId);

    RunData data = loadStoredRunData(store, runId, config);
    if (which == EvalSplit::Test && !data.test)
        throw ConfigError("The dataset of run " + std::to_string(runId) + " (" + config.dataset +
                          ") has no test part: evaluate its validation split instead");
    return evaluateCheckpoint(config, chosen, data.train,
                              which == EvalSplit::Test ? *data.test : data.validation);
}

EvalReport TrainingSession::evaluateCheckpoint(const TrainConfig &config,
                                               const Artifact &checkpoint, const Dataset &train,
                                               const Dataset &evaluated)
{
    if (evaluated.size() > 0 &&
        (evaluated.kind != train.kind || evaluated.sampleShape() != train.sampleShape() ||
         evaluated.numClasses() > train.numClasses()))
        throw ConfigError("The evaluated samples of " + config.dataset +
                          " do not fit the model of its training part");
    const torch::Device device(resolveDeviceName(config.device));
    // The weights come from the checkpoint; the seed only makes the build cheap to reason about.
    torch::nn::Sequential model = buildRunModel(config, train.sampleShape(), train.numClasses());
    model->to(device);
    const CheckpointHeader header =
        Checkpoint::load(checkpoint.path, config, train.sampleShape(), train.numClasses(), *model,
                         nullptr, device, checkpoint.sha256);
    const BatchSource source(evaluated, header.normalization, device);
    if (const std::optional<PretrainObjective> objective = pretrainObjectiveOf(config)) {
        EvalReport report =
            evaluatePretraining(model, source, *objective, specVocabularySize(config),
                                std::max<std::int64_t>(config.batchSize, 256), config.seed);
        report.classNames = evaluated.classNames.empty() ? train.classNames : evaluated.classNames;
        return report;
    }
    EvalReport report =
        evaluateModel(model, source, config.loss, std::max<std::int64_t>(config.batchSize, 256),
                      train.numClasses());
    report.classNames = evaluated.classNames.empty() ? train.classNames : evaluated.classNames;
    return report;
}

} // namespace mf
