#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/data/dataset.h"
#include "core/data/datasetstats.h"
#include "core/kernels/kernelplanner.h"
#include "core/models/text/wordvectors.h"
#include "core/train/autocastscope.h"
#include "core/train/checkpoint.h"
#include "core/train/pretraining.h"
#include "core/train/trainconfig.h"
#include "core/train/trainevents.h"
#include "core/train/warmstart.h"

#include <torch/torch.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace mf {

class AugmentPipeline;
class BatchSource;
class DataParallel;
class GradientReducer;
class GradScaler;
class PipelineParallel;
class TextBatchAugmenter;
class Vocabulary;
class LrSchedule;
struct TrainingHooks;

struct TrainerOptions
{
    /// The pipeline config.augmentation names, already read: TrainingSession reads the file for
    /// a new run and the copy stored with the run on resume. Null: no augmentation.
    std::shared_ptr<const AugmentPipeline> augmentation;
    /// Integer [train.size()]: each training sample's index in the training part of the dataset
    /// as loaded, before the validation split (SplitDatasets::trainIndices); the augmentation
    /// draws by it, as the Augment page's preview does. Undefined: row r is sample r.
    torch::Tensor trainSampleIndices;
    std::string checkpointDir; ///< empty: no checkpoints
    int keepCheckpoints = 2;   ///< newest checkpoint files kept, besides the best one
    /// Called on the training thread about once a second while training is paused (a run
    /// store uses it to keep the run's heartbeat fresh).
    std::function<void()> whilePaused;
    /// How run() chooses the kernels it trains with (core/kernels/kernelplanner.h).
    KernelPlannerOptions kernels;
    /// A compression run's changes to training (core/train/traininghooks.h); null: none.
    std::shared_ptr<const TrainingHooks> hooks;
    /// Fine-tune from run (TrainConfig::initFromRun): the weights the model starts from,
    /// applied after it is built; the parameters it loads stay frozen for
    /// config.freezeEpochs epochs. Null: a fresh model.
    std::shared_ptr<const WarmStart> warmStart;
    /// Without a warm start: the names of the parameters to freeze for config.freezeEpochs (a
    /// resumed fine-tuning run, whose weights come from its own checkpoint).
    std::vector<std::string> loadedParameterNames;
    /// A text run's augmentation: each training batch is drawn through it, by the sample
    /// indices of trainSampleIndices (row r is sample r when those are undefined) and the epoch.
    /// Null: the encoded documents as they are.
    std::shared_ptr<const TextBatchAugmenter> textAugmentation;
    /// This trainer is one rank of a data-parallel job (core/dist/dataparallel.h): it trains on
    /// its shard of each epoch with config.batchSize samples a step (the job's batch is
    /// worldSize times that), averages gradients with the other ranks before each step, starts
    /// from rank 0's weights, and reports the job's figures (losses, accuracy, samples/s summed
    /// over the ranks). Non-finite losses and early stopping end every rank at the same step; a
    /// stop asked of any rank travels with the next step's gradients, and every rank stops
    /// after that step. Only the leader should be given a checkpointDir. Null: a single process.
    std::shared_ptr<DataParallel> dataParallel;
    /// This trainer is one stage of a pipeline-parallel job (core/dist/pipelineparallel.h): every
    /// rank draws the same batches, trains the parameters of its run of layers on them through
    /// the micro-batch schedule, and reports the job's figures; before each validation and
    /// checkpoint every rank gets the whole model. For image and table classifiers without
    /// gradient clipping, L1/L2 penalties or compression hooks. Null: no pipeline.
    std::shared_ptr<PipelineParallel> pipeline;
    /// A text run's vocabulary, with config.text.wordVectors set: the word vectors go into the
    /// embedding rows of its words before a warm start (which may overwrite them) is applied.
    std::shared_ptr<const Vocabulary> vocabulary;
};

/// Trains one model on one dataset split. Construction validates the config (and the
/// augmentation pipeline against the training images), seeds torch, builds the model and
/// optimiser and takes normalisation statistics from the training split, or from the pipeline's
/// normalize steps when it has any (the rule is TrainConfig::augmentation's).
///
/// Threading: run() and evaluate() belong to one thread at a time; requestStop() and
/// setPaused() may be called from any thread. Observers are called on the thread in run().
///
/// Determinism: the model is initialised as after torch::manual_seed(seed); epoch e shuffles
/// with a generator seeded from (seed, e) and draws its dropout masks from the run's own
/// generator, reseeded from (seed, e), so on the CPU the same config gives bitwise the same run,
/// and a run resumed from the checkpoint of epoch k, or from the one a stop wrote inside an
/// epoch (which holds the batch position and the generator's state), continues exactly as the
/// uninterrupted run did. A Trainer changes no process-wide torch state: not the global generator,
/// whatever other threads do with it meanwhile, and not the thread count, which the process sets
/// once (core/util/torchthreads.h).
///
/// The "best" epoch is the one with the best config.earlyStoppingMetric (val_accuracy: highest,
/// val_loss: lowest); TrainResult::bestValAccuracy is the highest validation accuracy seen.
class Trainer
{
public:
    /// Throws mf::ConfigError for an invalid config, an unusable device or datasets that do not
    /// fit each other.
    Trainer(TrainConfig config, Dataset train, Dataset validation, TrainerOptions options = {});
    ~Trainer();
    Trainer(const Trainer &) = delete;
    Trainer &operator=(const Trainer &) = delete;

    /// `observer` must outlive run(); it is not owned.
    void addObserver(TrainerObserver *observer);

    /// Before run(): restores model, optimiser, normalisation and progress from a checkpoint
    /// (mf::DataError if it is unreadable or made for another model or dataset shape, and then
    /// the trainer is left as it was); run() then continues with the next epoch, or, from a
    /// checkpoint a stop wrote inside an epoch, with the next batch of that epoch. A stop
    /// checkpoint whose position does not fit this dataset's batches is a DataError too, after
    /// the weights were read: such a trainer must not run.
    void restoreCheckpoint(const std::string &checkpointPath);

    /// Trains until config.epochs are complete, early stopping (patience ran out before the last
    /// epoch), a stop request or a non-finite loss (outcome Failed with a reason like "loss
    /// became nan at epoch 2 step 1534"; no checkpoint for that epoch). After each epoch:
    /// validation, onEpoch, then (with a checkpointDir) the checkpoint, onCheckpoint, and pruning
    /// to the newest keepCheckpoints files plus the best one; stop checkpoints are removed
    /// once a newer checkpoint exists. A stop (with a checkpointDir) writes a stop checkpoint
    /// at the step it stopped on (Checkpoint::stopFileName; onCheckpoint with the epoch in
    /// progress) unless the newest checkpoint already holds that step or no step was taken at
    /// all; nothing is evaluated on a stop. Before the first step it chooses the kernel plan by
    /// measurement (planKernels, onKernelsChosen); TrainResult::kernels and ::phases report the
    /// plan and where the steps spent their time. Running out of device memory ends the run
    /// Failed ("out of memory on cuda:0 ... try a smaller batch size"), not with an exception.
    /// Call once.
    TrainResult run();

    /// Ends run() at the next batch; works while paused, too.
    void requestStop();
    /// Pausing blocks the training thread before its next batch until unpaused or stopped.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused.load(); }

    /// Loss, accuracy and per-class figures on `dataset` in eval mode, without gradients.
    EvalReport evaluate(const Dataset &dataset);
    /// The validation report of the current weights: the last epoch's when no step has changed
    /// them since (a run that finished or stopped early), otherwise a fresh evaluation.
    EvalReport validationReport();
    /// Whether validationReport() has the validation of the current weights at hand (the last
    /// epoch's, when no step changed them since) and so returns without evaluating.
    bool hasCurrentValidation() const { return m_currentValidation.has_value(); }
    /// Samples evaluated so far by this trainer, validation and evaluate() together.
    std::int64_t evaluatedSamples() const { return m_evaluatedSamples; }

    torch::nn::Sequential model() const { return m_model; }
    torch::optim::Optimizer *optimizer() const { return m_optimizer.get(); }
    const ChannelStats &normalization() const { return m_normalization; }
    torch::Device device() const { return m_device; }
    const TrainConfig &config() const { return m_config; }
    /// Progress so far: after restoreCheckpoint(), the state the checkpoint held.
    const TrainingState &state() const { return m_state; }
    /// What the warm start loaded, skipped and left new; null without one.
    const WarmStartReport *warmStartReport() const
    {
        return m_warmStartReport ? &*m_warmStartReport : nullptr;
    }
    /// What the word-vector file of config.text.wordVectors gave; null without one.
    const WordVectorCounts *wordVectorCounts() const
    {
        return m_wordVectorCounts ? &*m_wordVectorCounts : nullptr;
    }
    /// The run's pre-training objective (TrainConfig::objective); nullopt when it classifies.
    std::optional<PretrainObjective> objective() const { return m_objective; }
    /// The kernels run() chose, before their first step; null until then.
    const KernelChoice *kernels() const { return m_kernels ? &*m_kernels : nullptr; }

private:
    enum class Gate
    {
        Proceed,
        Stop
    };

    /// run() without its answer to running out of device memory.
    TrainResult trainEpochs();
    /// Fills the progress fields of `result` (epochs, steps, best, checkpoint) from the state.
    void resultSoFar(TrainResult &result) const;
    void prepareSources();
    /// Measures (or finds in the cache) the fastest kernel plan on the first batch the run
    /// trains on and puts the model in it.
    void chooseKernels(int epoch);
    Gate waitWhilePaused(double &pausedSeconds);
    /// This rank's batches per epoch: of the whole training split, or of its shard of it.
    std::int64_t batchesPerEpoch() const;
    /// The samples one epoch holds on this rank (its shard in a data-parallel job).
    std::int64_t samplesPerEpoch() const;
    int worldSize() const;
    /// Every stage's weights to every rank, and every stage's optimiser state to rank 0: what
    /// validation and a checkpoint of a pipeline need.
    void synchronizePipeline(PipelineParallel &pipeline);
    EvalReport evaluateSource(const BatchSource &source);
    /// Updates the best-epoch and patience fields of m_state with this epoch's validation.
    void recordValidation(int epoch, const EvalReport &validation);
    std::string saveCheckpoint(const std::string &fileName);
    void pruneCheckpoints();
    /// Makes `path` (just written, of `step`) the checkpoint a resume starts from and reports
    /// it; a stop checkpoint before it goes.
    void keepCheckpoint(const std::string &path, int epoch, std::int64_t step, TrainResult &result);
    /// Removes the stop checkpoints (Checkpoint::stopFileName) other than `keep`: each is older
    /// than the checkpoint just written.
    void removeStopCheckpoints(const std::string &keep);

    /// Stops (or restarts) the gradients of the parameters the warm start loaded.
    void freezeLoaded(bool frozen);

    TrainConfig m_config;
    std::optional<PretrainObjective> m_objective;
    std::int64_t m_vocabularySize = 0; ///< pre-training: the token head's outputs
    std::optional<WarmStartReport> m_warmStartReport;
    std::optional<WordVectorCounts> m_wordVectorCounts;
    std::vector<torch::Tensor> m_loadedParameters; ///< frozen for config.freezeEpochs
    Dataset m_train;
    Dataset m_validation;
    TrainerOptions m_options;
    torch::Device m_device;
    ChannelStats m_normalization;
    torch::nn::Sequential m_model{nullptr};
    std::vector<torch::Tensor> m_parameters;
    /// The run's dropout masks come from here (GeneratorDropout), reseeded each epoch.
    std::shared_ptr<at::Generator> m_dropoutGenerator =
        std::make_shared<at::Generator>(at::detail::createCPUGenerator());
    std::unique_ptr<torch::optim::Optimizer> m_optimizer;
    std::unique_ptr<GradientReducer> m_reducer; ///< data-parallel jobs only
    MixedPrecision m_precision = MixedPrecision::Off;
    std::unique_ptr<GradScaler> m_scaler; ///< float16 mixed precision only
    std::unique_ptr<LrSchedule> m_schedule;
    std::unique_ptr<BatchSource> m_trainSource;
    std::unique_ptr<BatchSource> m_validationSource;
    std::vector<TrainerObserver *> m_observers;
    TensorLayout m_layout = TensorLayout::Nchw;
    std::optional<KernelChoice> m_kernels;
    TrainingState m_state;
    std::string m_lastCheckpoint;
    std::int64_t m_lastCheckpointStep = 0; ///< global step m_lastCheckpoint holds
    /// The last epoch's validation while the weights are still those it measured.
    std::optional<EvalReport> m_currentValidation;
    std::int64_t m_evaluatedSamples = 0;

    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_paused{false};
    std::mutex m_pauseMutex;
    std::condition_variable m_pauseChanged;
};

} // namespace mf
