#pragma once

#include "app/cli/clicontext.h"
#include "app/cli/trainoptions.h"

#include <cstdint>
#include <memory>

namespace CLI {
class App;
}

namespace mf {
class TrainingSession;
}

namespace mf::cli {

/// `train` and `resume RUN`: run a training session in the foreground with progress on stderr.
class TrainCommand
{
public:
    TrainCommand(CLI::App &root, const CliContext &context);
    bool selected() const;
    int execute();

private:
    int runSession(TrainingSession &session, int totalEpochs);

    const CliContext &m_context;
    CLI::App *m_train = nullptr;
    CLI::App *m_resume = nullptr;
    std::unique_ptr<TrainOptions> m_options;
    std::int64_t m_resumeRun = 0;
    bool m_quiet = false;
};

} // namespace mf::cli
