#include "app/gui/train/localtrainingjob.h"

#include "core/dist/distenvironment.h"
#include "core/dist/freeport.h"
#include "core/dist/joinjob.h"
#include "core/train/trainingsession.h"
#include "core/util/error.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

namespace mf {

namespace {

bool isExecutable(const std::filesystem::path &path)
{
    std::error_code error;
    return std::filesystem::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
}

} // namespace

std::string LocalTrainingJob::cliExecutable()
{
    try {
        const std::filesystem::path beside =
            std::filesystem::path(LocalWorkers::ownExecutable()).parent_path() / "modelforge-cli";
        if (isExecutable(beside))
            return beside.string();
    } catch (const Error &) {
    }
#ifdef MODELFORGE_CLI_BUILD_PATH
    if (isExecutable(MODELFORGE_CLI_BUILD_PATH))
        return MODELFORGE_CLI_BUILD_PATH;
#endif
    return std::string();
}

LocalTrainingJob::LocalTrainingJob(const ParallelLaunch &launch, const std::string &workspaceDir,
                                   const std::vector<std::string> &command, SessionOptions &options)
    : m_launch(launch)
{
    if (launch.mode != "data" && launch.mode != "pipeline")
        throw ConfigError("Unknown parallelism \"" + launch.mode + "\": data or pipeline");
    const std::string cli = cliExecutable();
    if (cli.empty())
        throw Error("Training on several processes needs modelforge-cli beside the workbench (" +
                    LocalWorkers::ownExecutable() + "), and it is not there");

    const double timeoutSeconds = std::chrono::duration<double>(launch.timeout).count();
    std::vector<std::string> arguments{"--workspace", workspaceDir};
    arguments.insert(arguments.end(), command.begin(), command.end());
    arguments.insert(arguments.end(),
                     {"--quiet", "--dist-timeout", std::to_string(timeoutSeconds)});
    if (command.front() == "train" && launch.mode == "pipeline")
        arguments.insert(arguments.end(), {"--parallel", "pipeline", "--micro-batches",
                                           std::to_string(launch.microBatches),
                                           "--pipeline-schedule", launch.schedule});

    DistEnvironment leader;
    leader.rank = 0;
    leader.worldSize = launch.processes;
    leader.localRank = 0;
    leader.masterAddress = "127.0.0.1";
    leader.masterPort = freeLoopbackPort();
    std::error_code error;
    m_logDirectory =
        (std::filesystem::temp_directory_path(error) /
         ("modelforge-job-" + std::to_string(::getpid()) + "-" + std::to_string(leader.masterPort)))
            .string();
    std::filesystem::create_directories(m_logDirectory, error);
    if (error)
        m_logDirectory.clear(); // the workers write to this process's output instead
    m_workers = std::make_unique<LocalWorkers>(LocalWorkers::Spec{
        cli, std::move(arguments), launch.processes, 1, leader.masterPort, m_logDirectory});
    // A worker that ends before the others have all joined abandons the rendezvous at once.
    std::vector<WorkerExit> ended;
    const auto abandoned = [&] {
        while (const std::optional<WorkerExit> exit = m_workers->reap())
            ended.push_back(*exit);
        return !ended.empty();
    };
    try {
        if (launch.mode == "pipeline")
            options.pipeline = joinPipelineParallel(leader, launch.timeout, launch.microBatches, {},
                                                    launch.schedule, abandoned);
        else
            options.dataParallel = joinDataParallel(leader, launch.timeout, abandoned);
    } catch (const Error &joinError) {
        // A worker that ended before it joined is the reason; say how it ended.
        for (const WorkerExit &exit : m_workers->finish(std::chrono::milliseconds(0)))
            if (!exit.killed)
                ended.push_back(exit);
        std::string said;
        for (const WorkerExit &exit : ended)
            said += (said.empty() ? "" : "; ") + describe(exit);
        if (said.empty())
            throw;
        throw Error(said + " before the job began (" + joinError.what() + ")");
    }
}

LocalTrainingJob::~LocalTrainingJob()
{
    m_workers.reset();
    if (!m_logDirectory.empty()) {
        std::error_code error;
        std::filesystem::remove_all(m_logDirectory, error);
    }
}

std::string LocalTrainingJob::describe(const WorkerExit &exit) const
{
    std::string text = exit.describe(m_workers->worldSize());
    if (exit.failed())
        if (const std::string said = m_workers->logTail(exit.rank); !said.empty())
            text += ": " + said;
    return text;
}

std::string LocalTrainingJob::finish(bool runFailed, std::string *cleanup)
{
    // After a failure the others fail at their next collective at once, or when its timeout
    // passes: one still running a few seconds later is hung. After success they are ending.
    const auto grace =
        runFailed ? std::min<std::chrono::milliseconds>(m_launch.timeout, std::chrono::seconds(5))
                  : m_launch.timeout;
    int killed = 0;
    std::string failure;
    for (const WorkerExit &exit : m_workers->finish(grace)) {
        killed += exit.killed ? 1 : 0;
        if (exit.failed() && !exit.killed && failure.empty())
            failure = describe(exit);
    }
    if (cleanup)
        *cleanup = killed > 0 ? "killed " + std::to_string(killed) +
                                    " worker(s) still running after the run ended"
                              : std::string();
    return failure;
}

} // namespace mf
