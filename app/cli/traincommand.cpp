#include "app/cli/traincommand.h"

#include "app/cli/progressreporter.h"
#include "app/cli/reportjson.h"
#include "app/cli/stopsignals.h"
#include "app/cli/texttable.h"
#include "app/cli/workerlauncher.h"
#include "core/dist/joinjob.h"
#include "core/dist/localworkers.h"
#include "core/store/processinfo.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/train/environmentinfo.h"
#include "core/train/trainingsession.h"
#include "core/util/error.h"
#include "core/util/torchthreads.h"

#include <CLI/CLI.hpp>

#include <sys/prctl.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace mf::cli {

namespace {

/// "rank 1: ..." unless the message names its rank already (a collective's failure does).
std::string withRank(int rank, const std::string &message)
{
    return message.rfind("rank ", 0) == 0 ? message
                                          : "rank " + std::to_string(rank) + ": " + message;
}

} // namespace

TrainCommand::TrainCommand(CLI::App &root, const CliContext &context) : m_context(context)
{
    m_train = root.add_subcommand("train", "Train a model; every run is recorded in the store");
    m_options = std::make_unique<TrainOptions>(*m_train);
    m_train->add_flag("--quiet,-q", m_quiet, "No progress output");

    m_resume = root.add_subcommand(
        "resume", "Continue an INTERRUPTED, STOPPED or FAILED run from its newest checkpoint");
    m_resume->add_option("run", m_resumeRun, "Run id")->required();
    m_resume->add_flag("--quiet,-q", m_quiet, "No progress output");

    for (CLI::App *command : {m_train, m_resume}) {
        command
            ->add_option("--nproc", m_processes,
                         "Train data-parallel on N local worker processes (Gloo; NCCL on CUDA "
                         "where built, device cuda:LOCAL_RANK for --device cuda); each trains "
                         "--batch-size samples a step on its shard of the data")
            ->check(CLI::Range(1, 256));
        command
            ->add_option("--dist-timeout", m_timeoutSeconds,
                         "Seconds a data-parallel worker waits for the others before the job "
                         "fails (a worker that died or hangs)")
            ->capture_default_str()
            ->check(CLI::Range(1.0, 86400.0));
    }
    m_train
        ->add_option("--parallel", m_parallel,
                     "With --nproc: data (each worker trains the whole model on its shard of "
                     "the data) or pipeline (each worker trains a run of the model's layers)")
        ->capture_default_str()
        ->check(CLI::IsMember({"data", "pipeline"}));
    m_train
        ->add_option("--micro-batches", m_microBatches,
                     "Pipeline: micro-batches each batch is cut into")
        ->capture_default_str()
        ->check(CLI::Range(1, 4096));
    m_train
        ->add_option("--pipeline-schedule", m_schedule,
                     "Pipeline: gpipe (every micro-batch forward, then every one backward) or "
                     "1f1b (one forward, one backward in turn: a stage holds at most as many "
                     "micro-batches' activations as there are stages after it, plus one)")
        ->capture_default_str()
        ->check(CLI::IsMember({"gpipe", "1f1b"}));
    m_train
        ->add_option("--stage-boundaries", m_stageBoundaries,
                     "Pipeline: the first layer of each stage after the first (N-1 "
                     "increasing layer indices); default: balanced by measured layer time")
        ->delimiter(',');
}

bool TrainCommand::selected() const
{
    return m_train->parsed() || m_resume->parsed();
}

int TrainCommand::execute()
{
    const std::optional<DistEnvironment> environment = DistEnvironment::fromProcess();
    if (m_resume->parsed())
        repeatStoredParallelism();
    // (Resuming a pipeline run on one process: TrainingSession::resume says what it needs.)
    if (m_parallel == "pipeline" && m_processes == 0 && !environment && !m_resume->parsed())
        throw ConfigError("--parallel pipeline splits the model over several processes: give "
                          "--nproc N, or run it under torchrun");
    if (m_processes > 0 && !environment)
        return launchWorkers();
    SessionOptions options;
    options.workspaceDir = m_context.workspace;
    if (environment) {
        // Started by `--nproc`: end with the supervisor, whatever ends it.
        if (const char *supervisor = std::getenv("MODELFORGE_SUPERVISOR")) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (std::to_string(::getppid()) != supervisor)
                return ExitRunFailed;
        }
        const auto timeout = std::chrono::milliseconds(std::llround(m_timeoutSeconds * 1000.0));
        if (m_parallel == "pipeline")
            options.pipeline = joinPipelineParallel(*environment, timeout, m_microBatches,
                                                    m_stageBoundaries, m_schedule);
        else
            options.dataParallel = joinDataParallel(*environment, timeout);
    }
    const DistEnvironment *rank = environment ? &*environment : nullptr;
    if (m_train->parsed()) {
        const TrainConfig config = m_options->resolve();
        if (config.dataset.empty())
            throw ConfigError("no dataset: give --dataset PATH or \"dataset\" in --config");
        config.requireValid();
        options.runName = m_options->runName();
        TrainingSession session(config, options);
        return runSession(session, config.epochs, rank);
    }
    TrainingSession session = TrainingSession::resume(m_resumeRun, options);
    return runSession(session, session.config().epochs, rank);
}

void TrainCommand::repeatStoredParallelism()
{
    // A pipeline run resumes as the same pipeline; a missing run is resume()'s to report.
    const Workspace workspace{m_context.workspace};
    if (!std::filesystem::exists(workspace.databasePath()))
        return;
    const RunStore store(workspace.databasePath(), StoreAccess::ReadOnly);
    const StoredParallelism trained = storedParallelism(store.params(m_resumeRun));
    m_parallel = trained.mode;
    m_microBatches = trained.microBatches;
    m_schedule = trained.schedule;
}

int TrainCommand::launchWorkers()
{
    const auto startedAt = std::chrono::system_clock::now();
    const auto timeout = std::chrono::milliseconds(std::llround(m_timeoutSeconds * 1000.0));
    WorkerLauncher launcher(withoutOption(m_context.arguments, "--nproc"), m_processes, timeout);
    const WorkerJobOutcome outcome = launcher.run(*m_context.stopSignals);
    if (outcome.succeeded)
        return outcome.leaderExitCode;
    std::cerr << "modelforge-cli: the data-parallel job failed: " << outcome.failure << "\n";
    if (!outcome.cleanup.empty())
        std::cerr << "modelforge-cli: " << outcome.cleanup << "\n";
    recordJobFailure(
        outcome.leaderPid,
        std::chrono::duration_cast<std::chrono::milliseconds>(startedAt.time_since_epoch()).count(),
        outcome.failure);
    return ExitRunFailed;
}

void TrainCommand::recordJobFailure(std::int64_t leaderPid, std::int64_t startedAtMs,
                                    const std::string &failure) const
{
    Workspace workspace;
    workspace.dir = m_context.workspace;
    try {
        RunStore store(workspace.databasePath());
        for (const RunRecord &run : store.listRuns()) {
            if (run.pid != leaderPid || run.host != currentHostName() ||
                std::max(run.startedAtMs, run.resumedAtMs) < startedAtMs)
                continue;
            if (run.status == RunStatus::Running || run.status == RunStatus::Interrupted)
                store.setStatus(run.id, RunStatus::Failed, failure);
            else if (run.status == RunStatus::Failed && run.failureReason.rfind(failure, 0) != 0)
                store.setStatus(run.id, RunStatus::Failed,
                                failure + "; rank 0: " + run.failureReason);
            std::cerr << "modelforge-cli: run " << run.id << " FAILED\n";
            return;
        }
    } catch (const std::exception &error) {
        std::cerr << "modelforge-cli: could not record the failure in " << workspace.databasePath()
                  << ": " << error.what() << "\n";
    }
}

int TrainCommand::runSession(TrainingSession &session, int totalEpochs, const DistEnvironment *rank)
{
    const bool follower = rank != nullptr && rank->rank != 0;
    int threads = session.config().threads;
    // Local workers share the cores unless --threads says otherwise.
    if (const char *local = std::getenv("LOCAL_WORLD_SIZE"); rank && threads <= 0 && local)
        threads = LocalWorkers::threadsPerWorker(std::atoi(local));
    setTorchThreads(threads);
    const ScopedStopHandler stop(*m_context.stopSignals, [&session] { session.requestStop(); });
    ProgressReporter progress(totalEpochs, m_quiet || m_context.json || follower);
    session.addObserver(&progress);

    const std::int64_t runId = session.prepare();
    SessionResult result;
    try {
        if (follower) {
            result = session.run();
            return result.train.outcome == TrainOutcome::Failed ? ExitRunFailed : ExitOk;
        }
    } catch (const std::exception &error) {
        std::cerr << "modelforge-cli: " << withRank(rank->rank, error.what()) << "\n";
        return ExitRunFailed;
    }
    if (!m_context.json && !m_quiet) {
        std::cerr << "run " << runId << ": training on " << session.config().dataset << "\n";
        if (m_resume->parsed())
            std::cerr << "run " << runId
                      << (session.startStep() > 0
                              ? ": continuing after step " + std::to_string(session.startStep()) +
                                    " from its checkpoint\n"
                              : std::string(": no checkpoint to continue from, starting over\n"));
    }
    try {
        result = session.run();
    } catch (const Error &error) {
        if (rank == nullptr)
            throw;
        // A lost peer is the job failing, not bad input.
        std::cerr << "modelforge-cli: " << withRank(0, error.what()) << "\n";
        return ExitRunFailed;
    }
    progress.finish();

    const auto &train = result.train;
    if (m_context.json) {
        nlohmann::json out = {
            {"run", result.runId},
            {"outcome", outcomeName(train.outcome)},
            {"epochs", train.epochsCompleted},
            {"steps", train.steps},
            {"samples_per_second", train.samplesPerSecond},
            {"best_val_accuracy", train.bestValAccuracy},
            {"best_epoch", train.bestEpoch},
            {"last_epoch", toJson(train.last)},
            {"validation", toJson(result.validation)},
            {"kernels", toJson(train.kernels)},
            {"libraries", {{"libtorch", torchVersion()}, {"onednn", oneDnnVersion()}}},
            {"phases_ms_per_step", toJson(train.phases)}};
        if (rank != nullptr)
            out["distributed"] = {{"world_size", rank->worldSize},
                                  {"backend", session.backend()},
                                  {"mode", m_parallel}};
        if (!train.pipelineStages.empty()) {
            out["distributed"]["stages"] = train.pipelineStages;
            out["distributed"]["schedule"] = m_schedule;
        }
        if (!train.failureReason.empty())
            out["failure_reason"] = train.failureReason;
        if (result.test)
            out["test"] = toJson(*result.test);
        std::cout << out.dump(2) << std::endl;
    } else {
        std::cout << "run " << result.runId << " " << outcomeName(train.outcome) << " after "
                  << train.epochsCompleted << " epoch(s), " << train.steps << " steps\n";
        if (!train.failureReason.empty())
            std::cout << "reason: " << train.failureReason << "\n";
        std::cout << "samples/s " << formatNumber(train.samplesPerSecond, 0) << "\n";
        if (!train.pipelineStages.empty())
            std::cout << "pipeline stages " << train.pipelineStages << " (" << m_schedule
                      << " schedule)\n";
        if (!train.kernels.plan.empty())
            std::cout << "kernels " << train.kernels.plan << "\n";
        for (const KernelOpChoice &op : train.kernels.ops)
            std::cout << "  " << op.op << " on " << op.shape << ": " << op.decision.summary()
                      << "\n";
        if (!train.kernels.note.empty())
            std::cerr << train.kernels.note << "\n";
        const std::string &objective = result.validation.tokenObjective;
        if (result.validation.samples > 0)
            std::cout << "validation "
                      << (objective == "masked_tokens" ? "masked-token "
                          : objective == "next_token"
                              ? "next-token (perplexity " +
                                    formatNumber(std::exp(result.validation.loss), 2) + ") "
                              : "")
                      << "loss " << formatNumber(result.validation.loss, 4) << "  accuracy "
                      << formatNumber(result.validation.accuracy, 4) << "  (best "
                      << formatNumber(train.bestValAccuracy, 4) << " at epoch " << train.bestEpoch
                      << ")\n";
        if (train.outcome == TrainOutcome::Stopped) {
            if (!train.lastCheckpoint.empty())
                std::cout << "checkpoint of step " << train.lastCheckpointStep << " kept: "
                          << "'resume " << result.runId << "' continues from there\n";
            else
                std::cout << "stopped before the first batch finished: no checkpoint, "
                          << "'resume " << result.runId << "' starts the run over\n";
        }
        if (result.test)
            std::cout << "test loss " << formatNumber(result.test->loss, 4) << "  test accuracy "
                      << formatNumber(result.test->accuracy, 4) << "\n";
    }
    return train.outcome == TrainOutcome::Failed ? ExitRunFailed : ExitOk;
}

} // namespace mf::cli
