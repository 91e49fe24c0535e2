#pragma once

#include "app/cli/clicontext.h"

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace mf::cli {

/// `predict RUN|MODEL.mfmodel (IMAGE... | --text TEXT... | --file FILE) [--top K]`: the most
/// likely classes of each image, or of each text for a text model (a document per line of
/// FILE), with their probabilities.
class PredictCommand
{
public:
    PredictCommand(CLI::App &root, const CliContext &context);
    bool selected() const;
    int execute();

private:
    int predictImages();
    int predictTexts();

    const CliContext &m_context;
    CLI::App *m_command = nullptr;
    std::string m_model;
    std::vector<std::string> m_images;
    std::vector<std::string> m_texts;
    std::string m_file;
    int m_top = 3;
};

} // namespace mf::cli
