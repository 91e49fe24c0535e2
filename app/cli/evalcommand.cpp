#include "app/cli/evalcommand.h"

#include "app/cli/readonlynote.h"
#include "app/cli/reportjson.h"
#include "core/compress/int8variant.h"
#include "core/store/workspace.h"
#include "core/train/trainingsession.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace mf::cli {

EvalCommand::EvalCommand(CLI::App &root, const CliContext &context) : m_context(context)
{
    m_eval = root.add_subcommand("eval", "Evaluate a run's best checkpoint");
    m_eval->add_option("run", m_run, "Run id")->required();
    m_eval->add_option("--split", m_split, "Which part of the run's dataset: test or validation")
        ->check(CLI::IsMember({"test", "validation"}));
}

bool EvalCommand::selected() const
{
    return m_eval->parsed();
}

int EvalCommand::execute()
{
    SessionOptions options;
    options.workspaceDir = m_context.workspace;
    noteIfReadOnly(Workspace{m_context.workspace}.databasePath());
    const EvalSplit split = m_split == "test" ? EvalSplit::Test : EvalSplit::Validation;
    const EvalReport report = isInt8Variant(m_run, options)
                                  ? evaluateInt8Variant(m_run, options, split)
                                  : TrainingSession::evaluateRun(m_run, options, split);
    if (m_context.json) {
        nlohmann::json out = toJson(report);
        out["run"] = m_run;
        out["split"] = m_split;
        std::cout << out.dump(2) << std::endl;
    } else {
        std::cout << "run " << m_run << ", " << m_split << " split\n";
        printEvalReport(std::cout, report);
    }
    return ExitOk;
}

} // namespace mf::cli
