#include "core/compress/compressionjob.h"

#include "core/compress/cubicschedule.h"
#include "core/compress/distillationloss.h"
#include "core/compress/inferencelayout.h"
#include "core/compress/inputquantizer.h"
#include "core/compress/int8variant.h"
#include "core/compress/pruningmasks.h"
#include "core/compress/quantengine.h"
#include "core/compress/quantmaxpool.h"
#include "core/compress/sparsemodelfile.h"
#include "core/compress/studentsuggestion.h"
#include "core/compress/widthunfoldedconv.h"
#include "core/data/datasetloader.h"
#include "core/data/datasetsplit.h"
#include "core/models/modelfactory.h"
#include "core/store/processinfo.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/train/batchsource.h"
#include "core/train/checkpoint.h"
#include "core/train/environmentinfo.h"
#include "core/train/modelevaluation.h"
#include "core/train/rundata.h"
#include "core/train/traininghooks.h"
#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "core/util/sha256.h"

#include <cstdio>
#include <filesystem>
#include <sstream>

namespace mf {

namespace {

constexpr std::int64_t kBatch = 64;

Workspace workspaceOf(const SessionOptions &options)
{
    return Workspace{options.workspaceDir.empty() ? defaultWorkspaceDir() : options.workspaceDir};
}

/// A finished run, its model loaded from the checkpoint an evaluation would use, and its data
/// split as it was trained.
struct Source
{
    RunRecord record;
    TrainConfig config;
    Artifact checkpoint;
    ChannelStats normalization;
    Dataset train;
    Dataset validation;
    std::optional<Dataset> test;
    torch::nn::Sequential model{nullptr};

    const Dataset &evaluated() const { return test ? *test : validation; }
};

torch::nn::Sequential loadModel(const TrainConfig &config, const Dataset &train,
                                const Artifact &checkpoint, ChannelStats *normalization = nullptr)
{
    torch::nn::Sequential model =
        buildModel(config.model, train.sampleShape(), train.numClasses(), config.seed);
    const CheckpointHeader header =
        Checkpoint::load(checkpoint.path, config, train.sampleShape(), train.numClasses(), *model,
                         nullptr, torch::kCPU, checkpoint.sha256);
    if (normalization != nullptr)
        *normalization = header.normalization;
    model->eval();
    return model;
}

/// What distillation added: the distilled student against the same student trained on the
/// labels alone (the control), both measured on the same test data.
void noteControl(CompressionVariant &distilled, CompressionVariant &alone)
{
    alone.notes.push_back("the distilled student's spec, seed, data order and epochs, trained on "
                          "the labels alone: the control for distillation");
    if (distilled.file.empty() || alone.file.empty())
        return; // one of them was stopped
    char text[160];
    std::snprintf(text, sizeof text,
                  "%+.2f points of test accuracy against the same student trained alone "
                  "(%.2f%% vs %.2f%%)",
                  (distilled.test.accuracy - alone.test.accuracy) * 100.0,
                  distilled.test.accuracy * 100.0, alone.test.accuracy * 100.0);
    distilled.notes.push_back(text);
}

Source loadSource(std::int64_t runId, const SessionOptions &options)
{
    Source source;
    RunData data;
    {
        RunStore store(
            Workspace{options.workspaceDir.empty() ? defaultWorkspaceDir() : options.workspaceDir}
                .databasePath());
        const std::optional<RunRecord> record = store.run(runId);
        if (!record)
            throw ConfigError("There is no run " + std::to_string(runId) + " to compress");
        if (record->status != RunStatus::Finished)
            throw ConfigError("Run " + std::to_string(runId) + " is " +
                              runStatusName(record->status) +
                              ", not FINISHED: compress a run "
                              "that finished training");
        source.record = *record;
        source.config = nlohmann::json::parse(record->configJson).get<TrainConfig>();
        if (source.config.pretraining())
            throw ConfigError("Run " + std::to_string(runId) + " pre-trains a text encoder (" +
                              source.config.objective +
                              "); it predicts tokens, not classes. Compress a run fine-tuned "
                              "from it");
        data = loadStoredRunData(store, runId, source.config);
    }
    source.config.device = "cpu";
    source.checkpoint = TrainingSession::evaluationCheckpoint(runId, options);
    source.train = std::move(data.train);
    source.validation = std::move(data.validation);
    source.test = std::move(data.test);
    source.model = loadModel(source.config, source.train, source.checkpoint, &source.normalization);
    return source;
}

EvalReport evaluate(torch::nn::Sequential model, const Source &source, const Dataset &dataset)
{
    const BatchSource batches(dataset, source.normalization, torch::kCPU);
    EvalReport report =
        evaluateModel(model, batches, source.config.loss, 256, source.train.numClasses());
    report.classNames = dataset.classNames.empty() ? source.train.classNames : dataset.classNames;
    return report;
}

/// `model`'s parameters and buffers by name copied from `from` (same names and shapes).
void copyWeights(torch::nn::Module &model, const torch::nn::Module &from)
{
    torch::NoGradGuard noGrad;
    const auto sourceParameters = from.named_parameters();
    for (auto &item : model.named_parameters())
        item.value().copy_(sourceParameters[item.key()]);
    const auto sourceBuffers = from.named_buffers();
    for (auto &item : model.named_buffers())
        item.value().copy_(sourceBuffers[item.key()]);
}

/// `model` alone (no optimiser state), written atomically: the file a deployment ships and the
/// size a report compares.
void saveModelFile(const torch::nn::Module &model, const std::string &path)
{
    torch::serialize::OutputArchive archive;
    model.save(archive);
    std::ostringstream bytes;
    archive.save_to(bytes);
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    writeFileAtomically(path, bytes.str());
}

/// Records `path` as an artifact of `runId` of `kind`.
void addFileArtifact(const SessionOptions &options, std::int64_t runId, const std::string &kind,
                     const std::string &path)
{
    RunStore store(workspaceOf(options).databasePath());
    Artifact artifact;
    artifact.runId = runId;
    artifact.kind = kind;
    artifact.path = path;
    artifact.sizeBytes = static_cast<std::int64_t>(std::filesystem::file_size(path));
    artifact.sha256 = sha256OfFile(path);
    store.addArtifact(artifact);
}

std::string percent(double fraction)
{
    std::ostringstream text;
    text << fraction;
    return text.str();
}

} // namespace

CompressionJob::CompressionJob(CompressionRequest request, SessionOptions options)
    : m_request(std::move(request)), m_options(std::move(options))
{
}

void CompressionJob::addObserver(TrainerObserver *observer)
{
    if (observer != nullptr)
        m_observers.push_back(observer);
}

void CompressionJob::requestStop()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
    if (m_session != nullptr)
        m_session->requestStop();
}

CompressionResult CompressionJob::run()
{
    const CompressionRequest &request = m_request;
    if (!request.quantize && !request.pruneSparsity && !request.pruneChannels &&
        !request.distillStudent)
        throw ConfigError("Choose at least one technique: quantise, prune or distil");
    if (request.epochs < 1)
        throw ConfigError("fine-tuning epochs " + std::to_string(request.epochs) + ": at least 1");
    Source source = loadSource(request.sourceRun, m_options);
    const std::vector<std::int64_t> shape = source.train.sampleShape();
    const std::int64_t classes = source.train.numClasses();

    // Every check that can fail on the request, before any variant is written.
    std::optional<ChannelPruned> pruned;
    if (request.pruneChannels)
        pruned = pruneChannels(source.model, source.config.model, shape, classes,
                               *request.pruneChannels, request.channelNorm);
    if (request.pruneSparsity)
        PruningMasks::byMagnitude(*buildModel(source.config.model, shape, classes, 0),
                                  *request.pruneSparsity, request.pruneScope);
    std::int64_t studentParameters = 0;
    nlohmann::json student;
    if (request.distillStudent) {
        student = request.distillStudent->empty()
                      ? suggestStudent(source.config.model, shape, classes)
                      : *request.distillStudent;
        try {
            studentParameters = parameterCount(*buildModel(student, shape, classes, 0));
        } catch (const ConfigError &error) {
            throw ConfigError(std::string("The student spec does not fit the data of run ") +
                              std::to_string(request.sourceRun) + ": " + error.what());
        }
        DistillationLoss{request.temperature, request.alpha}(
            torch::zeros({1, 2}), torch::zeros({1, 2}), torch::zeros({1}, torch::kLong));
    }
    if (request.quantize && quantizableLayers(source.model, *request.quantize).empty())
        throw ConfigError(std::string("The model of run ") + std::to_string(request.sourceRun) +
                          " has no layer to quantise " +
                          (*request.quantize == QuantMode::Static ? "statically" : "dynamically"));

    CompressionResult result;
    result.sourceRun = request.sourceRun;
    {
        const std::string path = (std::filesystem::temp_directory_path() /
                                  ("modelforge-source-" + std::to_string(request.sourceRun) + "-" +
                                   std::to_string(currentProcessId()) + ".pt"))
                                     .string();
        saveModelFile(*source.model, path);
        result.sourceFile =
            std::shared_ptr<const std::string>(new std::string(path), [](const std::string *file) {
                std::error_code ignored;
                std::filesystem::remove(*file, ignored);
                delete file;
            });
    }
    result.sourceTest = evaluate(source.model, source, source.evaluated());
    result.sourceTensors = source.model->parameters();
    const InferenceLayout sourceLayout = InferenceLayout::choose(source.model, shape);
    result.sourceForward = sourceLayout.forward();
    result.sampleShape = shape;
    result.evaluated = source.evaluated();
    result.normalization = source.normalization;

    const std::int64_t stepsPerEpoch =
        (source.train.size() + source.config.batchSize - 1) / source.config.batchSize;
    const auto stopped = [&] {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_stop;
    };
    const auto train = [&](TrainConfig config, const std::string &technique,
                           std::shared_ptr<const TrainingHooks> hooks) -> CompressionVariant {
        config.epochs = request.epochs;
        SessionOptions options = m_options;
        options.hooks = std::move(hooks);
        options.runName = source.record.name + " · " + technique;
        options.params = {{kParentRunParam, std::to_string(request.sourceRun)},
                          {kCompressionParam, technique}};
        TrainingSession session(config, options);
        for (TrainerObserver *observer : m_observers)
            session.addObserver(observer);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_session = &session;
            if (m_stop)
                session.requestStop();
        }
        SessionResult trained;
        try {
            trained = session.run();
        } catch (...) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_session = nullptr;
            throw;
        }
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_session = nullptr;
        }
        CompressionVariant variant;
        variant.technique = technique;
        variant.runId = trained.runId;
        if (trained.train.outcome == TrainOutcome::Stopped)
            return variant;
        const Artifact checkpoint = TrainingSession::evaluationCheckpoint(trained.runId, options);
        torch::nn::Sequential model = loadModel(config, source.train, checkpoint);
        variant.file = workspaceOf(options).runDir(trained.runId) + "/model.pt";
        saveModelFile(*model, variant.file);
        addFileArtifact(options, trained.runId, "model", variant.file);
        variant.test = evaluate(model, source, source.evaluated());
        variant.tensors = model->parameters();
        const InferenceLayout layout = InferenceLayout::choose(model, shape);
        variant.forward = layout.forward();
        if (!layout.note().empty())
            variant.notes.push_back(layout.note() + "; the source runs " +
                                    layoutName(sourceLayout.layout()));
        return variant;
    };

    if (request.pruneChannels && !stopped()) {
        TrainConfig config = source.config;
        config.model = pruned->spec;
        auto hooks = std::make_shared<TrainingHooks>();
        torch::nn::Sequential smaller = pruned->model;
        hooks->initialize = [smaller](torch::nn::Sequential &model) {
            copyWeights(*model, *smaller);
        };
        CompressionVariant variant =
            train(config, "channels " + percent(*request.pruneChannels), hooks);
        for (const PrunedWidth &width : pruned->widths)
            variant.notes.push_back(width.layer + ": " + std::to_string(width.before) + " -> " +
                                    std::to_string(width.after) + " channels");
        result.variants.push_back(std::move(variant));
    }

    if (request.pruneSparsity && !stopped()) {
        // Zhu & Gupta: from 0 to the target over the first two thirds of the fine-tuning,
        // masks recomputed ten times on the way, then kept while the rest recovers accuracy.
        const std::int64_t steps = stepsPerEpoch * request.epochs;
        const CubicSchedule schedule{0.0, *request.pruneSparsity, 0,
                                     std::max<std::int64_t>(1, steps * 2 / 3)};
        const std::int64_t every = std::max<std::int64_t>(1, schedule.steps / 10);
        struct State
        {
            torch::nn::Sequential model{nullptr};
            std::optional<PruningMasks> masks;
        };
        auto state = std::make_shared<State>();
        auto hooks = std::make_shared<TrainingHooks>();
        torch::nn::Sequential trained = source.model;
        hooks->initialize = [state, trained](torch::nn::Sequential &model) {
            copyWeights(*model, *trained);
            state->model = model;
        };
        const PruningScope scope = request.pruneScope;
        hooks->afterStep = [state, schedule, every, scope](std::int64_t step) {
            if (step % every == 0 && step <= schedule.start + schedule.steps)
                state->masks =
                    PruningMasks::byMagnitude(*state->model, schedule.sparsityAt(step), scope);
            if (state->masks)
                state->masks->apply();
        };
        CompressionVariant variant =
            train(source.config,
                  "sparsity " + percent(*request.pruneSparsity) +
                      (request.pruneScope == PruningScope::PerLayer ? " per layer" : ""),
                  hooks);
        if (!variant.file.empty()) {
            // The file to ship keeps the zeros as a bitmask: the dense one stays beside it.
            auto model = buildModel(source.config.model, shape, classes, 0);
            torch::load(model, variant.file);
            variant.file = workspaceOf(m_options).runDir(variant.runId) + "/model-sparse.pt";
            SparseModelFile::save(*model, variant.file);
            addFileArtifact(m_options, variant.runId, "sparse-model", variant.file);
            for (const auto &item : model->named_parameters()) {
                if (item.value().dim() < 2)
                    continue;
                const double zero = (item.value() == 0).sum().item<double>() /
                                    static_cast<double>(item.value().numel());
                char text[128];
                std::snprintf(text, sizeof text, "%s: %.1f%% of %lld weights pruned",
                              item.key().c_str(), zero * 100.0,
                              static_cast<long long>(item.value().numel()));
                variant.notes.push_back(text);
            }
        }
        variant.notes.push_back(
            "unstructured sparsity saves space, not time, on this CPU: the dense kernels multiply "
            "the zeros too; the file keeps the non-zero weights and a bitmask of where they are");
        result.variants.push_back(std::move(variant));
    }

    if (request.distillStudent && !stopped()) {
        TrainConfig config = source.config;
        config.model = student;
        auto hooks = std::make_shared<TrainingHooks>();
        torch::nn::Sequential teacher = source.model;
        const DistillationLoss loss{request.temperature, request.alpha};
        hooks->loss = [teacher, loss](const torch::Tensor &inputs, const torch::Tensor &logits,
                                      const torch::Tensor &labels) mutable {
            torch::Tensor soft;
            {
                torch::NoGradGuard noGrad;
                soft = teacher->forward(inputs.contiguous());
            }
            return loss(logits, soft, labels);
        };
        CompressionVariant variant = train(config, "distilled", hooks);
        variant.notes.push_back("student of " + std::to_string(studentParameters) +
                                " parameters, teacher of " +
                                std::to_string(parameterCount(*source.model)));
        result.variants.push_back(std::move(variant));
        if (request.distillControl && !stopped()) {
            CompressionVariant alone = train(config, "student alone", nullptr);
            noteControl(result.variants.back(), alone);
            result.variants.push_back(std::move(alone));
        }
    }

    if (request.quantize && !stopped()) {
        const QuantMode mode = *request.quantize;
        const BatchSource trainBatches(source.train, source.normalization, torch::kCPU);
        std::vector<torch::Tensor> calibration;
        const std::int64_t available = (source.train.size() + kBatch - 1) / kBatch;
        for (std::int64_t b = 0; b < std::min<std::int64_t>(request.calibrationBatches, available);
             ++b)
            calibration.push_back(trainBatches.batch(b, kBatch).inputs);
        const torch::Tensor timing =
            calibration.empty() ? trainBatches.batch(0, kBatch).inputs : calibration.front();
        QuantPlannerOptions options;
        options.mode = mode;
        options.observer = request.observer;
        options.accuracyBudget = request.accuracyBudget;
        options.accuracy = [&](const std::function<torch::Tensor(const torch::Tensor &)> &forward,
                               const std::set<std::string> &) {
            torch::nn::Sequential wrapper;
            wrapper->push_back(torch::nn::Functional(forward));
            return evaluate(wrapper, source, source.validation).accuracy;
        };
        QuantPlan plan = planQuantization(source.model, calibration, timing, options);

        const std::string technique = mode == QuantMode::Static ? "int8 static" : "int8 dynamic";
        RunStore store(workspaceOf(m_options).databasePath());
        RunRecord record;
        record.name = source.record.name + " · " + technique;
        record.status = RunStatus::Running;
        record.configJson = source.record.configJson;
        record.dataset = source.record.dataset;
        record.model = source.record.model;
        record.device = "cpu";
        record.versions = versionsString();
        record.host = currentHostName();
        record.pid = currentProcessId();
        std::map<std::string, std::string> params = store.params(request.sourceRun);
        params[kParentRunParam] = std::to_string(request.sourceRun);
        params[kCompressionParam] = technique;
        params["compression.engine"] = quantEngineName(plan.engine);
        std::string int8Layers;
        for (const std::string &layer : plan.model->int8Layers())
            int8Layers += (int8Layers.empty() ? "" : ",") + layer;
        params[kInt8LayersParam] = int8Layers;
        params[kInt8NormalizationParam] = nlohmann::json{
            {"mean", source.normalization.mean},
            {"std", source.normalization.std}}.dump();
        CompressionVariant variant;
        variant.technique = technique;
        variant.runId = store.createRun(record, params);
        try {
            variant.file = workspaceOf(m_options).runDir(variant.runId) + "/int8-model.pt";
            saveModelFile(*plan.model, variant.file);
            addFileArtifact(m_options, variant.runId, kInt8ModelArtifact, variant.file);

            torch::nn::Sequential wrapper;
            QuantizedSequential model = plan.model;
            wrapper->push_back(torch::nn::Functional(
                [model](const torch::Tensor &x) mutable { return model->forward(x); }));
            variant.test = evaluate(wrapper, source, source.evaluated());
            const bool onTest = source.test.has_value();
            store.appendMetrics(
                variant.runId,
                {{onTest ? "test_accuracy" : "val_accuracy", 0, 0, 0.0, variant.test.accuracy},
                 {onTest ? "test_loss" : "val_loss", 0, 0, 0.0, variant.test.loss}});
            store.setStatus(variant.runId, RunStatus::Finished);
        } catch (const std::exception &error) {
            store.setStatus(variant.runId, RunStatus::Failed, error.what());
            throw;
        }
        variant.tensors = plan.model->weights();
        variant.layers = plan.layers;
        variant.engine = quantEngineName(plan.engine);
        QuantizedSequential model = plan.model;
        variant.forward = [model](const torch::Tensor &x) mutable {
            torch::NoGradGuard noGrad;
            return model->forward(x);
        };
        for (const auto &[engine, millis] : plan.engineMillis) {
            char text[96];
            std::snprintf(text, sizeof text, "engine %s: %.2f ms at batch 64, every layer in int8",
                          engine.c_str(), millis);
            variant.notes.push_back(text);
        }
        if (const std::string quantizing = InputQuantizer::summary(timing.contiguous());
            !quantizing.empty())
            variant.notes.push_back("input quantisation at batch 64: " + quantizing);
        if (const std::string pooling = QuantMaxPool::summary(timing.size(0)); !pooling.empty())
            variant.notes.push_back("int8 max pooling at batch 64: " + pooling);
        if (const std::string unfolding = WidthUnfoldedConv::summary(timing.size(0));
            !unfolding.empty())
            variant.notes.push_back("single-channel convolution at batch 64: " + unfolding);
        result.variants.push_back(std::move(variant));
    }
    return result;
}

} // namespace mf
