#include "app/cli/workerlauncher.h"

#include "app/cli/stopsignals.h"
#include "core/dist/freeport.h"
#include "core/dist/localworkers.h"

#include <sys/wait.h>

#include <csignal>
#include <optional>
#include <thread>

namespace mf::cli {

namespace {

using Clock = std::chrono::steady_clock;

} // namespace

std::vector<std::string> withoutOption(const std::vector<std::string> &argv,
                                       const std::string &option)
{
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        if (argv[i] == option) {
            ++i; // and its value
            continue;
        }
        if (argv[i].rfind(option + "=", 0) == 0)
            continue;
        kept.push_back(argv[i]);
    }
    return kept;
}

WorkerLauncher::WorkerLauncher(std::vector<std::string> arguments, int processes,
                               std::chrono::milliseconds timeout)
    : m_arguments(std::move(arguments)), m_processes(processes), m_timeout(timeout)
{
}

WorkerJobOutcome WorkerLauncher::run(StopSignals &signals)
{
    LocalWorkers::Spec spec;
    spec.executable = LocalWorkers::ownExecutable();
    spec.arguments = m_arguments;
    spec.worldSize = m_processes;
    spec.port = freeLoopbackPort();
    // No logDirectory: the workers write to the terminal, as the CLI itself does.
    LocalWorkers workers(spec);
    // Ctrl-C: every worker stops at the same step and keeps its checkpoint.
    const ScopedStopHandler stop(signals, [&workers] { workers.signalAll(SIGINT); });

    WorkerJobOutcome outcome;
    outcome.leaderPid = workers.pid(0);
    std::optional<Clock::time_point> killAt;
    // The others notice a lost peer at once (its connection closes) or when their collective
    // times out; one that has not ended soon after the first failure is hung or stopped. The
    // leader's run is recorded FAILED either way (recordJobFailure), and checkpoints are
    // written whole or not at all, so killing it loses nothing.
    const auto grace = std::min<std::chrono::milliseconds>(m_timeout, std::chrono::seconds(5));
    const auto record = [&](const WorkerExit &exit) {
        if (exit.rank == 0)
            outcome.leaderExitCode = WIFEXITED(exit.status) ? WEXITSTATUS(exit.status) : -1;
        if (exit.failed() && !exit.killed && outcome.failure.empty())
            outcome.failure = exit.describe(m_processes);
    };
    while (workers.running() > 0 && !killAt) {
        if (const std::optional<WorkerExit> exit = workers.reap()) {
            record(*exit);
            if (!outcome.failure.empty())
                killAt = Clock::now() + grace;
            continue;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (killAt) {
        int killed = 0;
        for (const WorkerExit &exit : workers.finish(grace)) {
            killed += exit.killed ? 1 : 0;
            record(exit);
        }
        if (killed > 0)
            outcome.cleanup =
                "killed " + std::to_string(killed) + " worker(s) still running " +
                std::to_string(std::chrono::duration_cast<std::chrono::seconds>(grace).count()) +
                " s after " + outcome.failure.substr(0, outcome.failure.find(" (")) + " failed";
    }
    outcome.succeeded = outcome.failure.empty();
    return outcome;
}

} // namespace mf::cli
