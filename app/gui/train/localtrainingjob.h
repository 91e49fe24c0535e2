#pragma once

#include "core/dist/localworkers.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace mf {

struct SessionOptions;

/// How the Train section spreads one run over local processes.
struct ParallelLaunch
{
    int processes = 1;                         ///< 1: train in this process alone
    std::string mode = "data";                 ///< "data" or "pipeline"
    int microBatches = 4;                      ///< pipeline only
    std::string schedule = "gpipe";            ///< pipeline only: "gpipe" or "1f1b"
    std::chrono::milliseconds timeout{120000}; ///< a worker's wait for the others

    bool parallel() const { return processes > 1; }
};

/// A run of several local processes started from the workbench. Rank 0 trains in this process,
/// so its curves are live and its run is recorded like any other; ranks 1 … N-1 are
/// `modelforge-cli` workers started beside it with the same command (`train --config FILE` or
/// `resume RUN`), which record nothing. A stop reaches them through rank 0 (they stop at the
/// same step); a worker that dies or hangs fails rank 0's next collective.
class LocalTrainingJob
{
public:
    /// Starts the workers and joins the job as rank 0 of `launch.processes`, setting
    /// `options.dataParallel` or `options.pipeline`. mf::Error when modelforge-cli cannot be
    /// found or started, or the workers do not join within the timeout (saying how those that
    /// ended did, with the last line each wrote).
    LocalTrainingJob(const ParallelLaunch &launch, const std::string &workspaceDir,
                     const std::vector<std::string> &command, SessionOptions &options);
    /// Kills the workers still running and removes their logs.
    ~LocalTrainingJob();

    /// After rank 0's run ended: waits for the workers (at most a few seconds after a failure,
    /// the timeout otherwise) and kills those left. Returns the first worker's failure ("rank 1
    /// of 2 (pid 4242) was killed by signal 9 (Killed)"), empty when none failed; `cleanup`
    /// says what was killed.
    std::string finish(bool runFailed, std::string *cleanup = nullptr);
    int processes() const { return m_launch.processes; }

    /// The modelforge-cli beside this executable (an installed workbench), else the one this
    /// build made; empty when neither exists.
    static std::string cliExecutable();

private:
    /// "rank 1 of 2 (pid 4242) exited with status 1: <the last line it wrote>"
    std::string describe(const WorkerExit &exit) const;

    ParallelLaunch m_launch;
    std::string m_logDirectory; ///< the workers' output, removed with the job
    std::unique_ptr<LocalWorkers> m_workers;
};

} // namespace mf
