#include "core/dist/localworkers.h"

#include "core/util/error.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <iterator>
#include <thread>

extern char **environ;

namespace mf {

namespace {

bool isJobVariable(const std::string &entry)
{
    const std::string name = entry.substr(0, entry.find('='));
    return name == "RANK" || name == "WORLD_SIZE" || name == "LOCAL_RANK" ||
           name == "LOCAL_WORLD_SIZE" || name == "MASTER_ADDR" || name == "MASTER_PORT" ||
           name == "MODELFORGE_SUPERVISOR";
}

std::vector<char *> pointersTo(std::vector<std::string> &strings)
{
    std::vector<char *> pointers;
    for (std::string &s : strings)
        pointers.push_back(s.data());
    pointers.push_back(nullptr);
    return pointers;
}

} // namespace

bool WorkerExit::failed() const
{
    return !WIFEXITED(status) || WEXITSTATUS(status) != 0;
}

std::string WorkerExit::describe(int worldSize) const
{
    std::string how;
    if (WIFSIGNALED(status))
        how = "was killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
              strsignal(WTERMSIG(status)) + ")";
    else
        how = "exited with status " + std::to_string(WEXITSTATUS(status));
    return "rank " + std::to_string(rank) + " of " + std::to_string(worldSize) + " (pid " +
           std::to_string(pid) + ") " + how;
}

int LocalWorkers::threadsPerWorker(int workers)
{
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return std::max(1, cores / std::max(1, workers));
}

std::string LocalWorkers::ownExecutable()
{
    char path[4096];
    const ssize_t length = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0)
        throw Error(std::string("cannot find this executable to start workers: ") +
                    std::strerror(errno));
    return std::string(path, static_cast<std::size_t>(length));
}

LocalWorkers::LocalWorkers(Spec spec) : m_spec(std::move(spec))
{
    std::vector<std::string> inherited;
    for (char **variable = environ; *variable != nullptr; ++variable)
        if (!isJobVariable(*variable))
            inherited.emplace_back(*variable);

    for (int rank = m_spec.firstRank; rank < m_spec.worldSize; ++rank) {
        std::vector<std::string> environment = inherited;
        environment.push_back("RANK=" + std::to_string(rank));
        environment.push_back("LOCAL_RANK=" + std::to_string(rank));
        environment.push_back("WORLD_SIZE=" + std::to_string(m_spec.worldSize));
        environment.push_back("LOCAL_WORLD_SIZE=" + std::to_string(m_spec.worldSize));
        environment.push_back("MASTER_ADDR=127.0.0.1");
        environment.push_back("MASTER_PORT=" + std::to_string(m_spec.port));
        environment.push_back("MODELFORGE_SUPERVISOR=" + std::to_string(::getpid()));
        std::vector<std::string> arguments{m_spec.executable};
        arguments.insert(arguments.end(), m_spec.arguments.begin(), m_spec.arguments.end());
        std::vector<char *> envp = pointersTo(environment);
        std::vector<char *> argv = pointersTo(arguments);

        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        if (!m_spec.logDirectory.empty()) {
            const std::string log = logPath(rank);
            posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log.c_str(),
                                             O_WRONLY | O_CREAT | O_TRUNC, 0644);
            posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
        }
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        // No signal blocked, as in a fresh process (a GUI or Qt thread may block some).
        sigset_t none;
        sigemptyset(&none);
        posix_spawnattr_setsigmask(&attributes, &none);
        posix_spawnattr_setpgroup(&attributes, m_group);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
        pid_t pid = 0;
        const int error = ::posix_spawn(&pid, m_spec.executable.c_str(), &files, &attributes,
                                        argv.data(), envp.data());
        posix_spawnattr_destroy(&attributes);
        posix_spawn_file_actions_destroy(&files);
        if (error != 0) {
            finish(std::chrono::milliseconds(0));
            throw Error("cannot start worker " + std::to_string(rank) + " (" + m_spec.executable +
                        "): " + std::strerror(error));
        }
        m_pids.push_back(pid);
        ++m_running;
        if (m_group == 0)
            m_group = pid;
    }
}

std::string LocalWorkers::logPath(int rank) const
{
    return m_spec.logDirectory + "/rank-" + std::to_string(rank) + ".log";
}

std::string LocalWorkers::logTail(int rank, std::size_t bytes) const
{
    if (m_spec.logDirectory.empty())
        return std::string();
    std::ifstream in(logPath(rank), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t end = text.find_last_not_of("\r\n \t");
    if (end == std::string::npos)
        return std::string();
    const std::size_t lineStart = text.find_last_of('\n', end);
    std::size_t begin = lineStart == std::string::npos ? 0 : lineStart + 1;
    // A short last line ("Aborted") says little; the one before it says why.
    if (end + 1 - begin < 40 && begin > 0) {
        const std::size_t previous = text.find_last_of('\n', begin - 2);
        begin = previous == std::string::npos ? 0 : previous + 1;
    }
    if (end + 1 - begin > bytes)
        begin = end + 1 - bytes;
    std::string tail = text.substr(begin, end + 1 - begin);
    for (char &c : tail)
        if (c == '\n')
            c = ' ';
    return tail;
}

LocalWorkers::~LocalWorkers()
{
    finish(std::chrono::milliseconds(0));
}

pid_t LocalWorkers::pid(int rank) const
{
    const int index = rank - m_spec.firstRank;
    return index >= 0 && index < static_cast<int>(m_pids.size())
               ? m_pids[static_cast<std::size_t>(index)]
               : 0;
}

std::optional<WorkerExit> LocalWorkers::reap()
{
    for (std::size_t i = 0; i < m_pids.size(); ++i) {
        if (m_pids[i] == 0)
            continue;
        int status = 0;
        pid_t ended = 0;
        do {
            ended = ::waitpid(m_pids[i], &status, WNOHANG);
        } while (ended < 0 && errno == EINTR);
        if (ended == 0)
            continue;
        WorkerExit exit{m_spec.firstRank + static_cast<int>(i), m_pids[i], status};
        if (ended < 0) // not our child any more (reaped elsewhere): count it as gone
            exit.status = 0;
        m_pids[i] = 0;
        --m_running;
        return exit;
    }
    return std::nullopt;
}

void LocalWorkers::signalAll(int signal)
{
    for (const pid_t pid : m_pids)
        if (pid > 0)
            ::kill(pid, signal);
}

std::vector<WorkerExit> LocalWorkers::finish(std::chrono::milliseconds grace)
{
    using Clock = std::chrono::steady_clock;
    std::vector<WorkerExit> exits;
    const auto killAt = Clock::now() + grace;
    bool killing = false;
    while (m_running > 0) {
        if (std::optional<WorkerExit> exit = reap()) {
            exit->killed = killing;
            exits.push_back(*exit);
            continue;
        }
        if (!killing && Clock::now() >= killAt) {
            killing = true;
            signalAll(SIGKILL);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(killing ? 5 : 50));
    }
    return exits;
}

} // namespace mf
