#pragma once

#include "app/cli/clicontext.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace mf {
class RunStore;
}

namespace mf::cli {

/// `runs list`, `runs show RUN`, `runs export RUN... --csv|--json [-o FILE]`.
class RunsCommand
{
public:
    RunsCommand(CLI::App &root, const CliContext &context);
    bool selected() const;
    int execute();

private:
    /// The workspace's store, read-only where it cannot be written (with a note on stderr).
    std::unique_ptr<RunStore> openStore() const;
    int list();
    int show();
    int exportMetrics();

    const CliContext &m_context;
    CLI::App *m_runs = nullptr;
    CLI::App *m_list = nullptr;
    CLI::App *m_show = nullptr;
    CLI::App *m_export = nullptr;
    std::int64_t m_showRun = 0;
    std::vector<std::int64_t> m_exportRuns;
    bool m_exportCsv = false;
    bool m_exportJson = false;
    std::string m_output;
};

} // namespace mf::cli
