#include "app/cli/workerlauncher.h"

#include "app/cli/stopsignals.h"
#include "core/dist/freeport.h"
#include "core/util/error.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <optional>
#include <thread>

extern char **environ;

namespace mf::cli {

namespace {

using Clock = std::chrono::steady_clock;

std::string ownExecutable()
{
    char path[4096];
    const ssize_t length = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0)
        throw Error(std::string("cannot find this executable to start workers: ") +
                    std::strerror(errno));
    return std::string(path, static_cast<std::size_t>(length));
}

std::string endOf(int status)
{
    if (WIFSIGNALED(status))
        return "was killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    return "exited with status " + std::to_string(WEXITSTATUS(status));
}

bool failed(int status)
{
    return !WIFEXITED(status) || WEXITSTATUS(status) != 0;
}

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
    const std::string executable = ownExecutable();
    const int port = freeLoopbackPort();
    std::vector<std::string> inherited;
    for (char **variable = environ; *variable != nullptr; ++variable) {
        const std::string entry = *variable;
        const std::string name = entry.substr(0, entry.find('='));
        if (name != "RANK" && name != "WORLD_SIZE" && name != "LOCAL_RANK" &&
            name != "LOCAL_WORLD_SIZE" && name != "MASTER_ADDR" && name != "MASTER_PORT")
            inherited.push_back(entry);
    }

    std::vector<pid_t> workers(static_cast<std::size_t>(m_processes), 0);
    std::atomic<pid_t> group{0};
    const auto signalAll = [&](int signal) {
        if (const pid_t id = group.load(); id > 0)
            ::kill(-id, signal);
    };
    // Ctrl-C: every worker stops at the same step and keeps its checkpoint.
    const ScopedStopHandler stop(signals, [&] { signalAll(SIGINT); });

    for (int rank = 0; rank < m_processes; ++rank) {
        std::vector<std::string> environment = inherited;
        environment.push_back("RANK=" + std::to_string(rank));
        environment.push_back("LOCAL_RANK=" + std::to_string(rank));
        environment.push_back("WORLD_SIZE=" + std::to_string(m_processes));
        environment.push_back("LOCAL_WORLD_SIZE=" + std::to_string(m_processes));
        environment.push_back("MASTER_ADDR=127.0.0.1");
        environment.push_back("MASTER_PORT=" + std::to_string(port));
        environment.push_back("MODELFORGE_SUPERVISOR=" + std::to_string(::getpid()));
        std::vector<char *> envp;
        for (std::string &entry : environment)
            envp.push_back(entry.data());
        envp.push_back(nullptr);
        std::vector<std::string> arguments{executable};
        arguments.insert(arguments.end(), m_arguments.begin(), m_arguments.end());
        std::vector<char *> argv;
        for (std::string &argument : arguments)
            argv.push_back(argument.data());
        argv.push_back(nullptr);

        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        // One process group for the workers, so the terminal's Ctrl-C reaches this process only
        // and each worker gets the stop once; and no signal blocked, as in a fresh process.
        sigset_t none;
        sigemptyset(&none);
        posix_spawnattr_setsigmask(&attributes, &none);
        posix_spawnattr_setpgroup(&attributes, group.load());
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
        pid_t pid = 0;
        const int error =
            ::posix_spawn(&pid, executable.c_str(), nullptr, &attributes, argv.data(), envp.data());
        posix_spawnattr_destroy(&attributes);
        if (error != 0) {
            signalAll(SIGKILL);
            for (const pid_t started : workers)
                if (started > 0)
                    ::waitpid(started, nullptr, 0);
            throw Error("cannot start worker " + std::to_string(rank) + " (" + executable +
                        "): " + std::strerror(error));
        }
        workers[static_cast<std::size_t>(rank)] = pid;
        if (rank == 0)
            group = pid;
    }

    WorkerJobOutcome outcome;
    outcome.leaderPid = workers[0];
    int running = m_processes;
    std::optional<Clock::time_point> killAt;
    // The others notice a lost peer at once (its connection closes) or when their collective
    // times out; one that has not ended soon after the first failure is hung or stopped. The
    // leader's run is recorded FAILED either way (recordJobFailure), and checkpoints are
    // written whole or not at all, so killing it loses nothing.
    const auto grace = std::min<std::chrono::milliseconds>(m_timeout, std::chrono::seconds(5));
    while (running > 0) {
        int status = 0;
        const pid_t ended = ::waitpid(-group.load(), &status, WNOHANG);
        if (ended > 0) {
            --running;
            int rank = 0;
            while (workers[static_cast<std::size_t>(rank)] != ended)
                ++rank;
            if (rank == 0)
                outcome.leaderExitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            if (failed(status) && outcome.failure.empty()) {
                outcome.failure = "rank " + std::to_string(rank) + " of " +
                                  std::to_string(m_processes) + " (pid " + std::to_string(ended) +
                                  ") " + endOf(status);
                killAt = Clock::now() + grace;
            }
            continue;
        }
        if (ended < 0 && errno != EINTR)
            break;
        if (killAt && Clock::now() >= *killAt) {
            outcome.cleanup =
                "killed " + std::to_string(running) + " worker(s) still running " +
                std::to_string(std::chrono::duration_cast<std::chrono::seconds>(grace).count()) +
                " s after " + outcome.failure.substr(0, outcome.failure.find(" (")) + " failed";
            signalAll(SIGKILL);
            killAt.reset();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    outcome.succeeded = outcome.failure.empty();
    return outcome;
}

} // namespace mf::cli
