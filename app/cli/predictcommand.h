#pragma once

#include "app/cli/clicontext.h"

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace mf::cli {

/// `predict RUN|MODEL.mfmodel IMAGE... [--top K]`: each image's most likely classes and their
/// probabilities.
class PredictCommand
{
public:
    PredictCommand(CLI::App &root, const CliContext &context);
    bool selected() const;
    int execute();

private:
    const CliContext &m_context;
    CLI::App *m_command = nullptr;
    std::string m_model;
    std::vector<std::string> m_images;
    int m_top = 3;
};

} // namespace mf::cli
