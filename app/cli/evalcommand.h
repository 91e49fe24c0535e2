#pragma once

#include "app/cli/clicontext.h"

#include <string>

namespace CLI {
class App;
}

namespace mf::cli {

/// `eval RUN|MODEL.mfmodel [--split test|validation] [--data DATASET]`: loss, accuracy,
/// per-class metrics, confusion matrix of a run's best checkpoint (or its int8 model) or of an
/// exported model file.
class EvalCommand
{
public:
    EvalCommand(CLI::App &root, const CliContext &context);
    bool selected() const;
    int execute();

private:
    const CliContext &m_context;
    CLI::App *m_eval = nullptr;
    std::string m_model;
    std::string m_split = "test";
    std::string m_data;
};

} // namespace mf::cli
