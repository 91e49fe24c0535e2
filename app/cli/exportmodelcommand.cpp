#include "app/cli/exportmodelcommand.h"

#include "core/deploy/modelbundle.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace mf::cli {

ExportModelCommand::ExportModelCommand(CLI::App &root, const CliContext &context)
    : m_context(context)
{
    m_command = root.add_subcommand(
        "export-model", "Write a run's model as one file that eval and predict load (.mfmodel)");
    m_command->add_option("run", m_run, "Run id")->required();
    m_command->add_option("-o,--output", m_output, "The model file to write")->required();
}

bool ExportModelCommand::selected() const
{
    return m_command->parsed();
}

int ExportModelCommand::execute()
{
    SessionOptions options;
    options.workspaceDir = m_context.workspace;
    const ModelBundleMeta meta = ModelBundle::exportRunTo(m_run, options, m_output);
    const auto bytes = std::filesystem::file_size(m_output);
    if (m_context.json) {
        nlohmann::json out = {{"run", m_run},
                              {"file", m_output},
                              {"bytes", bytes},
                              {"precision", meta.precision},
                              {"classes", meta.classNames},
                              {"sample_shape", meta.sampleShape}};
        if (meta.testAccuracy)
            out["test_accuracy"] = *meta.testAccuracy;
        std::cout << out.dump(2) << std::endl;
    } else {
        std::cout << "run " << m_run << " (" << meta.precision << ", " << meta.classNames.size()
                  << " classes) written to " << m_output << " (" << bytes << " bytes)\n";
    }
    return ExitOk;
}

} // namespace mf::cli
