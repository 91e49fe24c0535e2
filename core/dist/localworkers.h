#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace mf {

/// How one local worker process ended.
struct WorkerExit
{
    int rank = 0;
    pid_t pid = 0;
    int status = 0;      ///< as waitpid() reports it
    bool killed = false; ///< by LocalWorkers::finish(), still running when its grace ran out

    /// A non-zero exit or a signal.
    bool failed() const;
    /// "rank 1 of 2 (pid 4242) was killed by signal 9 (Killed)", "... exited with status 1".
    std::string describe(int worldSize) const;
};

/// Ranks `firstRank` … `worldSize`-1 of one job on this machine, each a copy of `executable`
/// started as torchrun starts its workers: RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE,
/// MASTER_ADDR (loopback) and MASTER_PORT in its environment, and MODELFORGE_SUPERVISOR naming
/// this process (the CLI then ends with it). The workers share a process group of their own, so
/// that a terminal's Ctrl-C reaches the supervisor only and each worker gets a stop once.
/// Ranks below `firstRank` run elsewhere: the workbench trains rank 0 in its own process.
class LocalWorkers
{
public:
    struct Spec
    {
        std::string executable;
        std::vector<std::string> arguments; ///< without the executable
        int worldSize = 1;
        int firstRank = 0;
        int port = 0; ///< the rendezvous port (freeLoopbackPort())
        /// When set, each worker's stdout and stderr go to `logDirectory`/rank-R.log (see
        /// logTail()) instead of this process's.
        std::string logDirectory;
    };

    /// Starts the workers; mf::Error naming the executable when one cannot start (those already
    /// started are killed).
    explicit LocalWorkers(Spec spec);
    /// Kills and reaps the workers still running: none is left behind.
    ~LocalWorkers();
    LocalWorkers(const LocalWorkers &) = delete;
    LocalWorkers &operator=(const LocalWorkers &) = delete;

    /// One worker that has ended since the last call, without waiting; std::nullopt when none.
    std::optional<WorkerExit> reap();
    int running() const { return m_running; }
    int worldSize() const { return m_spec.worldSize; }
    pid_t pid(int rank) const;
    /// Sends `signal` to every worker still running.
    void signalAll(int signal);
    /// Waits up to `grace` for the workers still running, then kills the rest. Returns how each
    /// of them ended (those reap() returned before are not repeated).
    std::vector<WorkerExit> finish(std::chrono::milliseconds grace);

    /// The last line a worker wrote to its log (Spec::logDirectory), at most `bytes` long; empty
    /// without a log.
    std::string logTail(int rank, std::size_t bytes = 400) const;

    /// The torch threads each of `workers` processes on this machine gets when its config says
    /// all cores: the cores shared out, at least one each.
    static int threadsPerWorker(int workers);

    /// The path of the running executable (/proc/self/exe).
    static std::string ownExecutable();

private:
    std::string logPath(int rank) const;

    Spec m_spec;
    std::vector<pid_t> m_pids; ///< by rank - firstRank; 0 once reaped
    pid_t m_group = 0;
    int m_running = 0;
};

} // namespace mf
