#pragma once

#include "app/cli/clicontext.h"

#include <cstdint>
#include <string>

namespace CLI {
class App;
}

namespace mf::cli {

/// `export-model RUN -o FILE.mfmodel`: a run's model (trained, pruned, distilled or int8) as
/// one file that `eval` and `predict` load without the store.
class ExportModelCommand
{
public:
    ExportModelCommand(CLI::App &root, const CliContext &context);
    bool selected() const;
    int execute();

private:
    const CliContext &m_context;
    CLI::App *m_command = nullptr;
    std::int64_t m_run = 0;
    std::string m_output;
};

} // namespace mf::cli
