#include "core/train/trainer.h"

#include "core/augment/augmentedsamples.h"
#include "core/dist/dataparallel.h"
#include "core/dist/distributedshard.h"
#include "core/dist/pipelineparallel.h"
#include "core/models/generatordropout.h"
#include "core/models/modelfactory.h"
#include "core/models/syncablebatchnorm.h"
#include "core/text/vocabulary.h"
#include "core/train/batchsource.h"
#include "core/train/confusionmatrix.h"
#include "core/train/environmentinfo.h"
#include "core/train/gradscaler.h"
#include "core/train/losses.h"
#include "core/train/lrschedule.h"
#include "core/train/modelevaluation.h"
#include "core/train/optimizerfactory.h"
#include "core/train/runmodel.h"
#include "core/train/textbatchaugmenter.h"
#include "core/train/traininghooks.h"
#include "core/util/allocatortuning.h"
#include "core/util/error.h"
#include "core/util/shapetext.h"

#include <c10/core/impl/DeviceGuardImplInterface.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <optional>
#include <thread>

namespace mf {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::uint64_t kDropoutStream = 2;
constexpr std::int64_t kMinEvalBatch = 256;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Adds the time since the previous lap to a phase of StepPhaseTimes.
class PhaseClock
{
public:
    PhaseClock() : m_last(Clock::now()) {}
    void lap(double &phase)
    {
        const auto now = Clock::now();
        phase += std::chrono::duration<double>(now - m_last).count();
        m_last = now;
    }

private:
    Clock::time_point m_last;
};

void checkFits(const Dataset &dataset, const Dataset &train, const std::string &what)
{
    if (dataset.size() == 0)
        return;
    if (dataset.kind != train.kind || dataset.sampleShape() != train.sampleShape())
        throw ConfigError("The " + what + " samples have shape " +
                          shapeText(dataset.sampleShape()) + " but the model takes " +
                          shapeText(train.sampleShape()));
    if (dataset.numClasses() > train.numClasses())
        throw ConfigError("The " + what + " set has " + std::to_string(dataset.numClasses()) +
                          " classes but the model has " + std::to_string(train.numClasses()));
}

/// Checks that `augmentation` suits the training images by running it on the first one, so a
/// bad pipeline fails before training starts; returns the normalisation its normalize steps
/// amount to, if any.
std::optional<ChannelStats> checkAugmentation(const TrainerOptions &options, const Dataset &train)
{
    if (train.kind != DatasetKind::Image)
        throw ConfigError(notAnImageDataset(train));
    const torch::Tensor &indices = options.trainSampleIndices;
    if (indices.defined() && (indices.dim() != 1 || indices.size(0) != train.size() ||
                              indices.is_floating_point() || indices.scalar_type() == torch::kBool))
        throw ConfigError("Augmentation needs one integer sample index per training sample (" +
                          std::to_string(train.size()) + ")");
    try {
        const torch::Tensor first =
            indices.defined() ? indices.narrow(0, 0, 1) : torch::zeros({1}, torch::kInt64);
        augmentImages(train.inputs.narrow(0, 0, 1), first, *options.augmentation, 0, 1);
        return pipelineNormalization(*options.augmentation, train.inputs.size(1));
    } catch (const ConfigError &error) {
        throw ConfigError(std::string("augmentation: ") + error.what());
    }
}

/// What a pipeline stage does not handle yet: each needs the whole model's gradients or loss.
void checkPipelineFits(const TrainConfig &config, const Dataset &train,
                       const TrainerOptions &options, const torch::Device &device)
{
    const auto refuse = [](const std::string &what) {
        throw ConfigError("Pipeline-parallel training does not support " + what +
                          " yet; use data-parallel training (--parallel data) for this run");
    };
    if (options.dataParallel)
        refuse("data parallelism in the same job");
    if (train.kind == DatasetKind::Text)
        refuse("text models");
    if (!config.objective.empty() && config.objective != "classify")
        refuse("pre-training objectives");
    if (config.clipGradNorm > 0.0)
        refuse("gradient clipping (the norm spans every stage)");
    if (config.l1 != 0.0 || config.l2 != 0.0)
        refuse("L1/L2 penalties");
    if (options.hooks)
        refuse("compression runs");
    if (config.amp != "off")
        refuse("mixed precision");
    if (config.syncBatchNorm)
        refuse("synchronised batch norm (it spans the ranks of a data-parallel job)");
    if (device.is_cuda() && !Collectives::ncclBuilt())
        throw ConfigError("Pipeline-parallel training on CUDA passes activations through NCCL, "
                          "which this LibTorch build lacks (Gloo sends CPU tensors only); train "
                          "on the CPU or data-parallel");
}

} // namespace

Trainer::Trainer(TrainConfig config, Dataset train, Dataset validation, TrainerOptions options)
    : m_config(std::move(config)), m_train(std::move(train)), m_validation(std::move(validation)),
      m_options(std::move(options)), m_device(torch::kCPU)
{
    m_config.requireValid();
    if (m_train.size() == 0)
        throw ConfigError("The training split holds no samples");
    if (m_train.numClasses() < 1)
        throw ConfigError("The training set names no classes");
    checkFits(m_validation, m_train, "validation");

    const int localRank = m_options.dataParallel ? m_options.dataParallel->localRank()
                          : m_options.pipeline   ? m_options.pipeline->localRank()
                                                 : 0;
    m_device = torch::Device(resolveDeviceName(m_config.device, localRank));
    if (m_device.is_cuda()) {
        // Process-wide in LibTorch: each CUDA run sets it its own way.
        at::globalContext().setBenchmarkCuDNN(m_config.cudnnBenchmark);
        // This thread's current device, where the CUDA runtime puts what names no device:
        // each rank of a job its own, not all of them device 0.
        c10::impl::getDeviceGuardImpl(c10::DeviceType::CUDA)->setDevice(m_device);
    }
    keepFreedMemoryForReuse();
    if (m_options.pipeline) {
        checkPipelineFits(m_config, m_train, m_options, m_device);
        m_options.pipeline->useDevice(m_device);
    }
    if (m_options.dataParallel)
        m_options.dataParallel->useDevice(m_device);
    m_precision = mixedPrecisionFromName(m_config.amp).value_or(MixedPrecision::Off);
    if (m_precision == MixedPrecision::Fp16)
        m_scaler = std::make_unique<GradScaler>();

    // The normalisation rule of TrainConfig::augmentation.
    const std::optional<ChannelStats> pipelineStats =
        m_options.augmentation ? checkAugmentation(m_options, m_train) : std::nullopt;
    if (pipelineStats)
        m_normalization = *pipelineStats;
    else if (m_config.normalize && m_train.kind != DatasetKind::Text)
        m_normalization = computeChannelStats(m_train);

    m_objective = pretrainObjectiveOf(m_config);
    if (m_objective) {
        if (m_train.kind != DatasetKind::Text)
            throw ConfigError("objective " + m_config.objective +
                              " pre-trains on text, but the training samples are not text");
        m_vocabularySize = specVocabularySize(m_config);
    }
    m_model = buildRunModel(m_config, m_train.sampleShape(), m_train.numClasses());
    setDropoutGenerator(*m_model, m_dropoutGenerator);
    m_model->to(m_device);
    if (!m_config.text.wordVectors.empty() && m_options.vocabulary) {
        const torch::Tensor weight = tokenEmbedding(*m_model)->weight;
        torch::NoGradGuard noGrad;
        // The rows of the vocabulary; the one after them is the [MASK] token's.
        m_wordVectorCounts = loadWordVectors(m_config.text.wordVectors, *m_options.vocabulary,
                                             weight.narrow(0, 0, m_options.vocabulary->size()));
    }
    if (m_options.warmStart) {
        m_warmStartReport = m_options.warmStart->apply(*m_model);
        const auto named = m_model->named_parameters();
        for (const std::string &name : m_warmStartReport->loadedParameters)
            m_loadedParameters.push_back(named[name]);
    } else if (!m_options.loadedParameterNames.empty()) {
        const auto named = m_model->named_parameters();
        for (const std::string &name : m_options.loadedParameterNames)
            if (const torch::Tensor *parameter = named.find(name))
                m_loadedParameters.push_back(*parameter);
    }
    if (m_options.hooks && m_options.hooks->initialize)
        m_options.hooks->initialize(m_model);
    m_parameters = m_model->parameters();
    m_optimizer = makeOptimizer(m_config.optimizer, m_parameters);
    if (m_options.dataParallel) {
        m_reducer = m_options.dataParallel->reducer(m_parameters);
        if (m_config.syncBatchNorm && m_options.dataParallel->worldSize() > 1) {
            const std::shared_ptr<DataParallel> parallel = m_options.dataParallel;
            setBatchNormReducer(*m_model, [parallel](const torch::Tensor &local) {
                return parallel->sumWithGradient(local);
            });
        }
    }
    m_schedule = std::make_unique<LrSchedule>(m_config.schedule, m_config.optimizer.learningRate,
                                              batchesPerEpoch(), m_config.epochs);
}

Trainer::~Trainer() = default;

void Trainer::synchronizePipeline(PipelineParallel &pipeline)
{
    pipeline.synchronize(m_model);
    pipeline.gatherOptimizerState(
        m_model, *m_optimizer, [this] { return makeOptimizer(m_config.optimizer, m_parameters); });
}

int Trainer::worldSize() const
{
    return m_options.dataParallel ? m_options.dataParallel->worldSize() : 1;
}

std::int64_t Trainer::samplesPerEpoch() const
{
    return shardSize(m_train.size(), worldSize());
}

std::int64_t Trainer::batchesPerEpoch() const
{
    return (samplesPerEpoch() + m_config.batchSize - 1) / m_config.batchSize;
}

void Trainer::addObserver(TrainerObserver *observer)
{
    if (observer != nullptr)
        m_observers.push_back(observer);
}

void Trainer::restoreCheckpoint(const std::string &checkpointPath)
{
    const CheckpointHeader header =
        Checkpoint::load(checkpointPath, m_config, m_train.sampleShape(), m_train.numClasses(),
                         *m_model, m_optimizer.get(), m_device);
    if (header.state.insideEpoch()) {
        // A stop checkpoint continues its epoch at the next batch of the same order: the
        // dataset must still cut into the batches it was trained with.
        // A data-parallel job's leader checkpoints the samples of all its ranks.
        const std::int64_t batches = batchesPerEpoch();
        if (header.state.batchInEpoch >= batches ||
            header.state.epochSamples !=
                header.state.batchInEpoch * m_config.batchSize * worldSize())
            throw DataError(checkpointPath, "",
                            "it was written after batch " +
                                std::to_string(header.state.batchInEpoch) + " (" +
                                std::to_string(header.state.epochSamples) +
                                " samples) of an epoch, which does not fit the " +
                                std::to_string(batches) + " batches of " +
                                std::to_string(m_config.batchSize) + " the training split has");
        try {
            const std::lock_guard<std::mutex> lock(m_dropoutGenerator->mutex());
            m_dropoutGenerator->set_state(header.dropoutGeneratorState);
        } catch (const c10::Error &e) {
            throw DataError(checkpointPath, "",
                            std::string("its dropout generator state does not load (") +
                                e.what_without_backtrace() + ")");
        }
    }
    m_state = header.state;
    m_normalization = header.normalization;
    m_trainSource.reset();
    m_validationSource.reset();
    m_currentValidation.reset();
    m_lastCheckpoint = checkpointPath;
    m_lastCheckpointStep = header.state.globalStep;
}

void Trainer::requestStop()
{
    {
        std::lock_guard<std::mutex> lock(m_pauseMutex);
        m_stopRequested = true;
    }
    m_pauseChanged.notify_all();
}

void Trainer::setPaused(bool paused)
{
    {
        std::lock_guard<std::mutex> lock(m_pauseMutex);
        m_paused = paused;
    }
    m_pauseChanged.notify_all();
}

Trainer::Gate Trainer::waitWhilePaused(double &pausedSeconds)
{
    if (m_stopRequested.load())
        return Gate::Stop;
    if (!m_paused.load())
        return Gate::Proceed;
    const auto start = Clock::now();
    std::unique_lock<std::mutex> lock(m_pauseMutex);
    const auto released = [this] { return !m_paused.load() || m_stopRequested.load(); };
    while (!m_pauseChanged.wait_for(lock, std::chrono::seconds(1), released)) {
        if (m_options.whilePaused) {
            lock.unlock();
            m_options.whilePaused();
            lock.lock();
        }
    }
    pausedSeconds += secondsSince(start);
    return m_stopRequested.load() ? Gate::Stop : Gate::Proceed;
}

void Trainer::prepareSources()
{
    if (!m_trainSource)
        m_trainSource = std::make_unique<BatchSource>(
            m_train, m_normalization, m_device,
            BatchAugmentation{m_options.augmentation, m_options.trainSampleIndices, m_config.seed});
    if (!m_validationSource)
        m_validationSource = std::make_unique<BatchSource>(m_validation, m_normalization, m_device);
}

void Trainer::freezeLoaded(bool frozen)
{
    for (torch::Tensor &parameter : m_loadedParameters)
        parameter.set_requires_grad(!frozen);
}

void Trainer::chooseKernels(int epoch)
{
    const torch::Tensor order = m_trainSource->epochOrder(m_config.seed, epoch);
    const BatchSource::Batch first = m_trainSource->batch(order, 0, m_config.batchSize, epoch);
    const torch::Tensor targets = m_objective ? tokenTask(*m_objective, first.inputs,
                                                          m_vocabularySize, m_config.seed, epoch, 0)
                                                    .targets
                                              : torch::Tensor();
    const auto loss = [&](const torch::Tensor &logits) {
        return m_objective ? tokenLoss(logits, targets)
                           : computeLoss(m_config.loss, logits, first.labels);
    };
    // The copies are built from the spec and seed, under buildModel's lock of the generator.
    const auto makeCopy = [this] {
        return buildRunModel(m_config, m_train.sampleShape(), m_train.numClasses());
    };
    OptimizerUnderPlan optimizer;
    optimizer.optimizer = m_optimizer.get();
    optimizer.makeCopy = [this](std::vector<torch::Tensor> parameters) {
        return makeOptimizer(m_config.optimizer, std::move(parameters));
    };
    optimizer.workload = m_config.optimizer.name;
    KernelPlan plan = planKernels(m_model, makeCopy, m_config.model.dump(), first.inputs, loss,
                                  m_device, m_options.kernels, optimizer);
    m_layout = plan.layout;
    m_kernels = std::move(plan.choice);
}

TrainResult Trainer::run()
{
    try {
        return trainEpochs();
    } catch (const c10::OutOfMemoryError &error) {
        // The device's memory ran out (LibTorch's CUDA allocator says so): the run fails with
        // its last checkpoint kept, and says what to change.
        std::string detail = error.what_without_backtrace();
        detail = detail.substr(0, detail.find('\n'));
        TrainResult result;
        result.outcome = TrainOutcome::Failed;
        result.failureReason = "out of memory on " + m_device.str() + " at epoch " +
                               std::to_string(m_state.epoch + 1) + " with batches of " +
                               std::to_string(m_config.batchSize) + ": try a smaller batch size (" +
                               detail + ")";
        resultSoFar(result);
        return result;
    }
}

void Trainer::resultSoFar(TrainResult &result) const
{
    result.epochsCompleted = m_state.epoch;
    result.steps = m_state.globalStep;
    result.bestValAccuracy = m_state.bestValAccuracy;
    result.bestEpoch = m_state.bestEpoch;
    result.lastCheckpoint = m_lastCheckpoint;
    result.lastCheckpointStep = m_lastCheckpointStep;
}

TrainResult Trainer::trainEpochs()
{
    prepareSources();
    TrainResult result;
    DataParallel *const parallel = m_options.dataParallel.get();
    if (parallel) {
        parallel->broadcastModule(*m_model);
        // The leader's partial sums of a resumed epoch are the job's; the others start over.
        if (!parallel->leader()) {
            m_state.epochLossSum = 0.0;
            m_state.epochSamples = 0;
            m_state.epochCorrect = 0;
            m_state.epochTokens = 0;
        }
    }
    PipelineParallel *const pipeline = m_options.pipeline.get();
    const bool job = parallel || pipeline;
    const bool leader = parallel ? parallel->leader() : !pipeline || pipeline->leader();
    const auto barrier = [&] {
        if (parallel)
            parallel->barrier();
        else if (pipeline)
            pipeline->barrier();
    };
    // A stop asked for before the first step does not wait for the measurement (every rank of a
    // job measures, so that none waits for another in the barriers below).
    if (!m_kernels && m_state.epoch < m_config.epochs && (job || !m_stopRequested.load())) {
        // Rank 0 measures first; the others then find its decisions in the kernel cache.
        if (job && !leader)
            barrier();
        chooseKernels(m_state.epoch + 1);
        if (job && leader)
            barrier();
    }
    if (pipeline && pipeline->stageStarts().empty()) {
        const int epoch = m_state.epoch + 1;
        const torch::Tensor order = m_trainSource->epochOrder(m_config.seed, epoch);
        const BatchSource::Batch first = m_trainSource->batch(order, 0, m_config.batchSize, epoch);
        pipeline->plan(m_model, inLayout(first.inputs, m_layout));
    }
    if (pipeline)
        result.pipelineStages = pipeline->description();
    if (m_kernels) {
        result.kernels = *m_kernels;
        for (TrainerObserver *observer : m_observers)
            observer->onKernelsChosen(*m_kernels);
    }
    resultSoFar(result);

    const auto runStart = Clock::now();
    const std::int64_t batchSize = m_config.batchSize;
    const std::int64_t batches = batchesPerEpoch();
    const std::int64_t samples = m_trainSource->size();
    const int ranks = worldSize();
    // A data- or pipeline-parallel job stops when any of its ranks was asked to: the request
    // rides with a step's figures, and every rank stops after that step.
    bool jobStops = false;
    const bool penalised = m_config.l1 != 0.0 || m_config.l2 != 0.0;
    std::int64_t globalStep = m_state.globalStep;
    double trainingSeconds = 0.0;
    std::int64_t trainedSamples = 0;
    const auto finish = [&](TrainOutcome outcome, std::string reason = {}) {
        result.outcome = outcome;
        result.failureReason = std::move(reason);
        result.steps = globalStep;
        // The ranks train alike in lock step: the job's rate is theirs together.
        result.samplesPerSecond =
            trainingSeconds > 0.0 ? static_cast<double>(trainedSamples) * ranks / trainingSeconds
                                  : 0.0;
        return result;
    };

    for (int epoch = m_state.epoch + 1; epoch <= m_config.epochs; ++epoch) {
        // After a stop checkpoint m_state is inside this epoch: it continues with the next
        // batch of the same order, with the generator state restoreCheckpoint() put back.
        const std::int64_t firstBatch = m_state.batchInEpoch;
        if (firstBatch == 0) {
            const std::lock_guard<std::mutex> lock(m_dropoutGenerator->mutex());
            m_dropoutGenerator->set_current_seed(epochSeed(m_config.seed, epoch, kDropoutStream));
        }
        torch::Tensor order = m_trainSource->epochOrder(m_config.seed, epoch);
        if (parallel)
            order = shardOf(order, parallel->rank(), ranks);
        freezeLoaded(epoch <= m_config.freezeEpochs);
        m_model->train();
        const auto epochStart = Clock::now();
        double pausedSeconds = 0.0;
        double lossSum = m_state.epochLossSum;
        std::int64_t seen = m_state.epochSamples;
        const std::int64_t seenBefore = seen;
        const double secondsBefore = m_state.epochTrainSeconds;
        torch::Tensor correct = torch::full({}, m_state.epochCorrect,
                                            torch::TensorOptions(torch::kInt64).device(m_device));
        // Pre-training counts predicted tokens; the loss and accuracy are per token.
        std::int64_t tokens = m_state.epochTokens;
        double learningRate = 0.0;

        for (std::int64_t b = firstBatch; b < batches; ++b) {
            Gate gate = waitWhilePaused(pausedSeconds);
            if (parallel || pipeline)
                gate = jobStops ? Gate::Stop : Gate::Proceed;
            if (gate == Gate::Stop) {
                const double trainedHere = secondsSince(epochStart) - pausedSeconds;
                trainingSeconds += trainedHere;
                trainedSamples += seen - seenBefore;
                if (parallel) {
                    // The leader's stop checkpoint holds the job's partial sums.
                    std::vector<double> sums{lossSum, double(seen), double(tokens),
                                             double(correct.item<std::int64_t>())};
                    parallel->sum(sums);
                    lossSum = sums[0];
                    seen = static_cast<std::int64_t>(sums[1]);
                    tokens = static_cast<std::int64_t>(sums[2]);
                    correct.fill_(static_cast<std::int64_t>(sums[3]));
                }
                m_state.globalStep = globalStep;
                m_state.batchInEpoch = b;
                m_state.epochLossSum = lossSum;
                m_state.epochSamples = seen;
                m_state.epochCorrect = correct.item<std::int64_t>();
                m_state.epochTokens = tokens;
                m_state.epochTrainSeconds = secondsBefore + trainedHere;
                if (pipeline)
                    synchronizePipeline(*pipeline); // the checkpoint holds every stage
                // The newest checkpoint holds this step already when nothing was trained since
                // it (a stop at an epoch's end, or right after a resume); a run that took no
                // step has nothing worth keeping.
                if (!m_options.checkpointDir.empty() && globalStep > m_lastCheckpointStep)
                    keepCheckpoint(saveCheckpoint(Checkpoint::stopFileName(epoch, globalStep)),
                                   epoch, globalStep, result);
                return finish(TrainOutcome::Stopped);
            }
            PhaseClock phase;
            BatchSource::Batch batch = m_trainSource->batch(order, b, batchSize, epoch);
            if (m_options.textAugmentation) {
                const torch::Tensor rows =
                    order.narrow(0, b * batchSize, batch.labels.size(0)).to(torch::kCPU);
                const torch::Tensor &indices = m_options.trainSampleIndices;
                const torch::Tensor drawn = (*m_options.textAugmentation)(
                    indices.defined() ? indices.index_select(0, rows) : rows, epoch);
                // The one batch drawn on the host: pinned, it reaches the GPU without blocking.
                batch.inputs = m_device.is_cuda()
                                   ? drawn.pin_memory().to(m_device, /*non_blocking=*/true)
                                   : drawn;
            }
            phase.lap(result.phases.data);
            m_currentValidation.reset();
            for (torch::Tensor &parameter : m_parameters)
                parameter.mutable_grad().reset();

            TokenTask task;
            if (m_objective)
                task = tokenTask(*m_objective, batch.inputs, m_vocabularySize, m_config.seed, epoch,
                                 b);
            const torch::Tensor inputs =
                inLayout(m_objective ? task.inputs : batch.inputs, m_layout);
            torch::Tensor logits;
            torch::Tensor loss;
            std::vector<double> shared;
            PipelineStepResult staged;
            if (pipeline) {
                // Forward and backward passes interleave over the stages: one phase.
                staged = pipeline->step(
                    m_model, inputs, batch.labels,
                    [this](const torch::Tensor &out, const torch::Tensor &labels) {
                        return computeLoss(m_config.loss, out, labels);
                    },
                    m_stopRequested.load());
                phase.lap(result.phases.backward);
            } else {
                {
                    const AutocastScope autocast(m_precision, m_device);
                    if (m_objective)
                        std::tie(logits, task.targets) = predictTokens(
                            m_model, {inputs, task.targets}); // predicted positions only
                    else
                        logits = m_model->forward(inputs);
                    loss = m_objective ? tokenLoss(logits, task.targets)
                           : m_options.hooks && m_options.hooks->loss
                               ? m_options.hooks->loss(inputs, logits, batch.labels)
                               : computeLoss(m_config.loss, logits, batch.labels);
                }
                if (penalised)
                    loss = loss + weightPenalty(*m_model, m_config.l1, m_config.l2);
                phase.lap(result.phases.forward);
                // The ranks' mean gradient, before clipping and the step; with it, the job's
                // loss and whether any rank was asked to stop.
                if (m_reducer)
                    m_reducer->prepare({loss.item<double>(), m_stopRequested.load() ? 1.0 : 0.0});
                (m_scaler ? m_scaler->scaled(loss) : loss).backward();
                if (m_reducer)
                    shared = m_reducer->finish();
                phase.lap(result.phases.backward);
            }
            // Float16: the gradients back to their size; a step that overflowed is skipped.
            const bool overflowed = m_scaler && m_scaler->unscale(m_parameters);
            if (m_config.clipGradNorm > 0.0)
                torch::nn::utils::clip_grad_norm_(m_parameters, m_config.clipGradNorm);
            learningRate = m_schedule->rateAt(globalStep);
            setLearningRate(*m_optimizer, learningRate);
            if (!overflowed)
                m_optimizer->step();
            if (m_scaler)
                m_scaler->update(overflowed);
            if (m_options.hooks && m_options.hooks->afterStep)
                m_options.hooks->afterStep(globalStep + 1);
            phase.lap(result.phases.optimizer);
            // Read after the step so a GPU is not left idle while the backward pass is queued;
            // a non-finite loss ends the run, so the spoilt step is never checkpointed.
            const double localLoss = pipeline ? staged.loss : loss.item<double>();
            // A data-parallel job's loss is the ranks' mean: a nan on any ends them all here.
            const double lossValue = parallel ? shared.at(0) : localLoss;
            if (parallel)
                jobStops = shared.at(1) > 0.0;
            if (pipeline)
                jobStops = staged.stop;
            if (!std::isfinite(lossValue))
                return finish(TrainOutcome::Failed, std::string("loss became ") +
                                                        (std::isnan(lossValue) ? "nan" : "inf") +
                                                        " at epoch " + std::to_string(epoch) +
                                                        " step " + std::to_string(globalStep + 1));
            ++globalStep;

            const std::int64_t count = batch.labels.size(0);
            if (m_objective) {
                const auto [right, predicted] = tokenHits(logits, task.targets);
                const std::int64_t n = predicted.item<std::int64_t>();
                correct += right;
                lossSum += localLoss * static_cast<double>(n);
                tokens += n;
            } else {
                if (pipeline)
                    correct += staged.correct;
                else
                    correct += logits.detach().argmax(1).eq(batch.labels).sum();
                lossSum += localLoss * static_cast<double>(count);
            }
            seen += count;

            StepMetrics step;
            step.step = globalStep;
            step.epoch = epoch;
            step.batchInEpoch = b + 1;
            step.batchesPerEpoch = batches;
            step.loss = lossValue;
            step.learningRate = learningRate;
            // A resumed epoch counts the samples and the time before its stop alike.
            const double busy = secondsBefore + secondsSince(epochStart) - pausedSeconds;
            step.samplesPerSecond = busy > 0.0 ? static_cast<double>(seen) * ranks / busy : 0.0;
            step.wallSeconds = secondsSince(runStart);
            for (TrainerObserver *observer : m_observers)
                observer->onStep(step);
            phase.lap(result.phases.recording);
            ++result.phases.steps;
        }

        const double trainedHere = secondsSince(epochStart) - pausedSeconds;
        const double epochTrainSeconds = secondsBefore + trainedHere;
        trainingSeconds += trainedHere;
        trainedSamples += seen - seenBefore;
        std::int64_t correctCount = correct.item<std::int64_t>();
        std::int64_t counted = m_objective ? tokens : samples;
        if (parallel) {
            std::vector<double> sums{lossSum, double(correctCount), double(tokens), double(seen)};
            parallel->sum(sums);
            lossSum = sums[0];
            correctCount = static_cast<std::int64_t>(sums[1]);
            tokens = static_cast<std::int64_t>(sums[2]);
            // The shards' padding counts too: those samples were trained on.
            counted = m_objective ? tokens : static_cast<std::int64_t>(sums[3]);
        }
        // Every rank validates the same weights on the whole split, so all reach the same
        // early-stopping decision.
        if (pipeline)
            synchronizePipeline(*pipeline);
        const EvalReport validation = evaluateSource(*m_validationSource);

        EpochMetrics metrics;
        metrics.epoch = epoch;
        metrics.step = globalStep;
        const auto denominator = static_cast<double>(std::max<std::int64_t>(counted, 1));
        metrics.trainLoss = lossSum / denominator;
        metrics.trainAccuracy = static_cast<double>(correctCount) / denominator;
        metrics.valLoss = validation.loss;
        metrics.valAccuracy = validation.accuracy;
        metrics.learningRate = learningRate;
        metrics.samplesPerSecond =
            epochTrainSeconds > 0.0 ? static_cast<double>(samples) / epochTrainSeconds : 0.0;
        metrics.epochSeconds = secondsBefore + secondsSince(epochStart) - pausedSeconds;
        metrics.wallSeconds = secondsSince(runStart);
        result.last = metrics;

        recordValidation(epoch, validation);
        m_currentValidation = validation;
        m_state.epoch = epoch;
        m_state.globalStep = globalStep;
        m_state.batchInEpoch = 0;
        m_state.epochLossSum = 0.0;
        m_state.epochSamples = 0;
        m_state.epochCorrect = 0;
        m_state.epochTokens = 0;
        m_state.epochTrainSeconds = 0.0;
        result.epochsCompleted = epoch;
        result.bestValAccuracy = m_state.bestValAccuracy;
        result.bestEpoch = m_state.bestEpoch;
        for (TrainerObserver *observer : m_observers)
            observer->onEpoch(metrics);

        if (!m_options.checkpointDir.empty()) {
            keepCheckpoint(saveCheckpoint(Checkpoint::fileName(epoch)), epoch, globalStep, result);
            pruneCheckpoints();
        }
        if (m_config.earlyStoppingPatience > 0 && epoch < m_config.epochs &&
            m_state.epochsWithoutImprovement >= m_config.earlyStoppingPatience)
            return finish(TrainOutcome::EarlyStopped);
    }
    return finish(TrainOutcome::Finished);
}

void Trainer::recordValidation(int epoch, const EvalReport &validation)
{
    const bool byLoss = m_config.earlyStoppingMetric == "val_loss";
    const double value = byLoss ? validation.loss : validation.accuracy;
    const bool improved = m_state.bestEpoch == 0 ||
                          (byLoss ? value < m_state.bestMetric : value > m_state.bestMetric);
    if (improved) {
        m_state.bestMetric = value;
        m_state.bestEpoch = epoch;
        m_state.epochsWithoutImprovement = 0;
    } else {
        ++m_state.epochsWithoutImprovement;
    }
    m_state.bestValAccuracy = std::max(m_state.bestValAccuracy, validation.accuracy);
}

std::string Trainer::saveCheckpoint(const std::string &fileName)
{
    std::error_code error;
    std::filesystem::create_directories(m_options.checkpointDir, error);
    if (error)
        throw Error(m_options.checkpointDir +
                    ": cannot create the checkpoint directory: " + error.message());
    CheckpointHeader header;
    header.state = m_state;
    header.normalization = m_normalization;
    header.configJson = nlohmann::json(m_config).dump();
    header.sampleShape = m_train.sampleShape();
    header.numClasses = m_train.numClasses();
    if (m_state.insideEpoch()) {
        const std::lock_guard<std::mutex> lock(m_dropoutGenerator->mutex());
        header.dropoutGeneratorState = m_dropoutGenerator->get_state();
    }
    const std::string path = m_options.checkpointDir + "/" + fileName;
    Checkpoint::save(path, header, *m_model, *m_optimizer);
    return path;
}

void Trainer::removeStopCheckpoints(const std::string &keep)
{
    std::vector<std::pair<int, std::filesystem::path>> stale;
    std::error_code error;
    for (const auto &entry : std::filesystem::directory_iterator(m_options.checkpointDir, error)) {
        const std::string name = entry.path().filename().string();
        if (Checkpoint::stepOfStopFileName(name) > 0 && entry.path() != std::filesystem::path(keep))
            stale.emplace_back(
                Checkpoint::epochOfFileName(name.substr(0, name.find("-step-")) + ".pt"),
                entry.path());
    }
    for (const auto &[epoch, file] : stale) {
        // As in pruneCheckpoints(): observers forget the file before it goes.
        for (TrainerObserver *observer : m_observers)
            observer->onCheckpointRemoved(file.string(), epoch);
        std::filesystem::remove(file, error);
    }
}

void Trainer::keepCheckpoint(const std::string &path, int epoch, std::int64_t step,
                             TrainResult &result)
{
    m_lastCheckpoint = path;
    m_lastCheckpointStep = step;
    result.lastCheckpoint = path;
    result.lastCheckpointStep = step;
    for (TrainerObserver *observer : m_observers)
        observer->onCheckpoint(path, epoch);
    removeStopCheckpoints(path);
}

void Trainer::pruneCheckpoints()
{
    std::vector<std::pair<int, std::filesystem::path>> files;
    std::error_code error;
    for (const auto &entry : std::filesystem::directory_iterator(m_options.checkpointDir, error)) {
        const int epoch = Checkpoint::epochOfFileName(entry.path().filename().string());
        if (epoch > 0)
            files.emplace_back(epoch, entry.path());
    }
    std::sort(files.begin(), files.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    const std::size_t keep = static_cast<std::size_t>(std::max(1, m_options.keepCheckpoints));
    for (std::size_t i = keep; i < files.size(); ++i) {
        if (files[i].first == m_state.bestEpoch)
            continue;
        // Observers forget the file first: a crash in between leaves a file that the next
        // pruning removes, never a record of a file that is gone.
        for (TrainerObserver *observer : m_observers)
            observer->onCheckpointRemoved(files[i].second.string(), files[i].first);
        std::filesystem::remove(files[i].second, error);
    }
}

EvalReport Trainer::evaluate(const Dataset &dataset)
{
    checkFits(dataset, m_train, "evaluation");
    const BatchSource source(dataset, m_normalization, m_device);
    EvalReport report = evaluateSource(source);
    report.classNames = dataset.classNames.empty() ? m_train.classNames : dataset.classNames;
    return report;
}

EvalReport Trainer::validationReport()
{
    if (!m_currentValidation) {
        prepareSources();
        m_currentValidation = evaluateSource(*m_validationSource);
    }
    EvalReport report = *m_currentValidation;
    report.classNames =
        m_validation.classNames.empty() ? m_train.classNames : m_validation.classNames;
    return report;
}

EvalReport Trainer::evaluateSource(const BatchSource &source)
{
    m_evaluatedSamples += source.size();
    if (m_objective)
        return evaluatePretraining(m_model, source, *m_objective, m_vocabularySize,
                                   std::max<std::int64_t>(m_config.batchSize, kMinEvalBatch),
                                   m_config.seed);
    return evaluateModel(m_model, source, m_config.loss,
                         std::max<std::int64_t>(m_config.batchSize, kMinEvalBatch),
                         m_train.numClasses());
}

} // namespace mf
