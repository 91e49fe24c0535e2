#pragma once
// Torch-free on purpose: GUI controllers (read by moc) hold a TrainingSession.

#include "core/store/runrecord.h"
#include "core/train/trainconfig.h"
#include "core/train/trainevents.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace mf {

class DataParallel;
class PipelineParallel;
struct Dataset;
struct TrainingHooks;

struct SessionOptions
{
    std::string workspaceDir; ///< empty: defaultWorkspaceDir()
    std::string runName;      ///< empty: "<model type> on <dataset name>"
    /// How often the run's heartbeat is refreshed while run() trains (RunHeartbeat).
    std::chrono::milliseconds heartbeatInterval{5000};
    /// Changes to training that a compression run makes (core/train/traininghooks.h).
    std::shared_ptr<const TrainingHooks> hooks;
    /// Params recorded with the run besides its config's (kParentRunParam, kCompressionParam).
    std::map<std::string, std::string> params;
    /// This session is one rank of a data-parallel job (TrainerOptions::dataParallel). The
    /// leader (rank 0) records the run, with its world size and backend (kWorldSizeParam,
    /// kBackendParam), and writes its checkpoints; the other ranks train beside it and write
    /// nothing: their runId() is 0. Null: a single process.
    std::shared_ptr<DataParallel> dataParallel;
    /// This session is one stage of a pipeline-parallel job (TrainerOptions::pipeline); the
    /// leader and followers as above.
    std::shared_ptr<PipelineParallel> pipeline;
};

/// The run params of a distributed run: its number of ranks, the c10d backend, and the kind of
/// parallelism ("data", "pipeline").
inline constexpr const char *kWorldSizeParam = "distributed.world_size";
inline constexpr const char *kBackendParam = "distributed.backend";
inline constexpr const char *kParallelModeParam = "distributed.mode";
/// A pipeline run's micro-batches and schedule ("gpipe", "1f1b"), which its resumption keeps.
inline constexpr const char *kMicroBatchesParam = "distributed.micro_batches";
inline constexpr const char *kPipelineScheduleParam = "distributed.schedule";
/// Set ("all stages") on a pipeline run whose checkpoints hold every stage's optimiser state
/// (PipelineParallel::gatherOptimizerState): such a run can be resumed. Runs trained before it
/// was kept lack it.
inline constexpr const char *kOptimizerStateParam = "distributed.optimizer_state";

/// How a run was spread over processes, read from its params: what resuming it must repeat.
struct StoredParallelism
{
    std::string mode = "data"; ///< "data" or "pipeline"
    int processes = 1;
    int microBatches = 4;
    std::string schedule = "gpipe";
};
StoredParallelism storedParallelism(const std::map<std::string, std::string> &params);

struct SessionResult
{
    std::int64_t runId = 0;
    TrainResult train;
    /// When the dataset has a test part and training finished (or stopped early for patience):
    /// neither a failed nor a stopped run is evaluated on it.
    std::optional<EvalReport> test;
    /// Of the final model; empty when training failed, and when it was stopped unless the
    /// weights are those the last epoch's validation measured (a stop evaluates nothing).
    EvalReport validation;
    /// Validation and test samples evaluated by this run, over all its epochs and final passes.
    std::int64_t evaluatedSamples = 0;
};

enum class EvalSplit
{
    Test,
    Validation
};

/// One training run from dataset path to stored results: loads and splits the dataset, records
/// the run in the workspace's run store, trains with a RunRecorder (checkpoints in
/// <run dir>/checkpoints), evaluates, and leaves the run FINISHED, STOPPED or FAILED, never
/// RUNNING. The CLI and the GUI both drive training through this class.
///
/// Threading: prepare() and run() on one thread (the worker's); requestStop() and setPaused()
/// from any thread at any time, also before prepare().
class TrainingSession
{
public:
    TrainingSession(TrainConfig config, SessionOptions options);
    ~TrainingSession();
    TrainingSession(TrainingSession &&) noexcept;
    TrainingSession &operator=(TrainingSession &&) noexcept;

    /// Loads and splits the dataset, builds the trainer and creates the RUNNING run; returns its
    /// id. Invalid config or unreadable data throw (mf::ConfigError, mf::DataError) before any
    /// run is created; a failure after that marks the run FAILED and rethrows. Idempotent.
    std::int64_t prepare();

    /// Extra observers (not owned; must outlive run()), called on the training thread.
    void addObserver(TrainerObserver *observer);

    /// Trains (calling prepare() first if needed), evaluates the final model on the validation
    /// split and on the test part when there is one (logged as "test_loss", "test_accuracy"),
    /// then sets the run's final status. A stopped run ends without those evaluations, with the
    /// checkpoint of the step it stopped on (see Trainer::run()). An exception marks the run
    /// FAILED with its message and is rethrown. Call once.
    SessionResult run();

    void requestStop();
    void setPaused(bool paused);

    std::int64_t runId() const;
    const TrainConfig &config() const;
    /// The c10d backend a distributed run's tensors go through ("gloo", "nccl"), once prepared;
    /// empty for a single process.
    std::string backend() const;
    /// The optimiser step run() continues after: the step of the checkpoint resume() restored,
    /// 0 for a new run and for a resumed run that had no checkpoint (it starts over).
    std::int64_t startStep() const;

    /// Continues an interrupted, stopped or failed run: reads its config from the store, verifies
    /// the sha256 of its newest checkpoint and restores it (a run without a checkpoint starts
    /// over), and marks the run RUNNING again; run() then trains to the configured epochs,
    /// logging into the same run. A stopped run continues from the step it stopped on (its stop
    /// checkpoint), an interrupted one from its last epoch's checkpoint. mf::ConfigError for an
    /// unknown, running or finished run; mf::DataError for a checkpoint that changed or cannot be
    /// read. A data-parallel run resumes with as many ranks as it trained with (ConfigError
    /// otherwise); the followers restore the leader's checkpoint and leave the store alone.
    static TrainingSession resume(std::int64_t runId, SessionOptions options);

    /// Evaluates a run's best checkpoint (its newest one when the best was pruned) on the test
    /// part of its dataset or on its validation split. The report's mistakes index that part.
    static EvalReport evaluateRun(std::int64_t runId, const SessionOptions &options,
                                  EvalSplit which = EvalSplit::Test);

    /// Evaluates `checkpoint` of a run trained with `config` on `evaluated` (the test part of
    /// its dataset or its validation split; `train` gives the classes), for callers that have
    /// loaded the dataset already. Builds the model and reads the checkpoint once (its sha256
    /// checked against the store's), without a Trainer and without touching process-wide
    /// torch state, so it may run beside a training.
    static EvalReport evaluateCheckpoint(const TrainConfig &config, const Artifact &checkpoint,
                                         const Dataset &train, const Dataset &evaluated);

    /// The checkpoint evaluateRun() would evaluate (read from the store; its file exists).
    /// mf::ConfigError for an unknown run or a run without checkpoint files.
    static Artifact evaluationCheckpoint(std::int64_t runId, const SessionOptions &options);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mf
