#pragma once

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace mf::cli {

class StopSignals;

/// How a job of local workers ended.
struct WorkerJobOutcome
{
    bool succeeded = false;
    int leaderExitCode = -1; ///< rank 0's exit status; -1 when it did not exit normally
    pid_t leaderPid = 0;
    /// The first worker that failed: "rank 1 of 2 (pid 4242) was killed by signal 9 (Killed)";
    /// empty when none did.
    std::string failure;
    /// "killed 1 worker(s) still running 40 s after rank 1 failed"; empty when none was left.
    std::string cleanup;
};

/// Starts `processes` copies of this executable as the ranks of one job on this machine, as
/// torchrun does: each gets RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR
/// (loopback) and MASTER_PORT (a free one) in its environment and `arguments` as its
/// command line. Then supervises them until all have ended:
/// - a Ctrl-C or SIGTERM to this process is passed to every worker once, so that all stop at
///   the same step (the workers run in a process group of their own, away from the terminal's
///   signals);
/// - when a worker fails (a non-zero exit or a signal), the others fail too at their next
///   collective (c10d reports the lost peer, or its timeout passes); any still running
///   `timeout` plus a grace period later are killed, so no process is left behind.
class WorkerLauncher
{
public:
    WorkerLauncher(std::vector<std::string> arguments, int processes,
                   std::chrono::milliseconds timeout);

    WorkerJobOutcome run(StopSignals &signals);

private:
    std::vector<std::string> m_arguments;
    int m_processes;
    std::chrono::milliseconds m_timeout;
};

/// `argv` without the `--nproc` option (its value too) for the workers' command lines.
std::vector<std::string> withoutOption(const std::vector<std::string> &argv,
                                       const std::string &option);

} // namespace mf::cli
