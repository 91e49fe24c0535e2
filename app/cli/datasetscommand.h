#pragma once

#include "app/cli/clicontext.h"

#include <string>

namespace CLI {
class App;
}

namespace mf::cli {

/// `datasets inspect PATH`: format, counts, class balance, per-channel mean/std.
class DatasetsCommand
{
public:
    DatasetsCommand(CLI::App &root, const CliContext &context);
    bool selected() const;
    int execute();

private:
    const CliContext &m_context;
    CLI::App *m_datasets = nullptr;
    CLI::App *m_inspect = nullptr;
    std::string m_path;
    std::string m_labelColumn = "label";
};

} // namespace mf::cli
