#pragma once

#include "app/cli/clicontext.h"
#include "app/cli/trainoptions.h"

#include "core/dist/distenvironment.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace mf {
class TrainingSession;
}

namespace mf::cli {

/// `train` and `resume RUN`: run a training session in the foreground with progress on stderr.
/// With `--nproc N` they start N workers of a data-parallel job on this machine and supervise
/// them (WorkerLauncher); with torchrun's environment (DistEnvironment) set they run as one
/// rank of a job, which may span machines.
class TrainCommand
{
public:
    TrainCommand(CLI::App &root, const CliContext &context);
    bool selected() const;
    int execute();

private:
    int runSession(TrainingSession &session, int totalEpochs, const DistEnvironment *rank);
    /// `--nproc N`: this process only supervises N workers.
    int launchWorkers();
    /// `resume`: the parallelism, micro-batches and schedule the run trained with, from its
    /// params (a pipeline run resumes as the same pipeline).
    void repeatStoredParallelism();
    /// Records the failure of a worker job in the run its leader made (found by its process):
    /// FAILED, with the rank that failed first and how.
    void recordJobFailure(std::int64_t leaderPid, std::int64_t startedAtMs,
                          const std::string &failure) const;

    const CliContext &m_context;
    CLI::App *m_train = nullptr;
    CLI::App *m_resume = nullptr;
    std::unique_ptr<TrainOptions> m_options;
    std::int64_t m_resumeRun = 0;
    bool m_quiet = false;
    int m_processes = 0;
    double m_timeoutSeconds = 120.0;
    std::string m_parallel = "data";
    int m_microBatches = 4;
    std::string m_schedule = "gpipe";
    std::vector<std::size_t> m_stageBoundaries;
};

} // namespace mf::cli
