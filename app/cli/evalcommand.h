#pragma once

#include "app/cli/clicontext.h"

#include <cstdint>
#include <string>

namespace CLI {
class App;
}

namespace mf::cli {

/// `eval RUN [--split test|validation]`: loss, accuracy, per-class metrics, confusion matrix.
class EvalCommand
{
public:
    EvalCommand(CLI::App &root, const CliContext &context);
    bool selected() const;
    int execute();

private:
    const CliContext &m_context;
    CLI::App *m_eval = nullptr;
    std::int64_t m_run = 0;
    std::string m_split = "test";
};

} // namespace mf::cli
