#include "app/cli/evalcommand.h"

#include "app/cli/modelargument.h"
#include "app/cli/readonlynote.h"
#include "app/cli/reportjson.h"
#include "core/compress/int8variant.h"
#include "core/data/datasetloader.h"
#include "core/data/datasetsplit.h"
#include "core/deploy/textevaluation.h"
#include "core/store/workspace.h"
#include "core/train/trainconfig.h"
#include "core/train/trainingsession.h"
#include "core/util/error.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace mf::cli {

namespace {

/// An exported model evaluated on `data` (default: the dataset its run trained on).
EvalReport evaluateModelFile(const std::string &file, const std::string &data, EvalSplit split,
                             std::string &evaluatedOn)
{
    const DeployedModel model = DeployedModel::load(file);
    const TrainConfig config = nlohmann::json::parse(model.meta().configJson).get<TrainConfig>();
    evaluatedOn = data.empty() ? config.dataset : data;
    if (model.meta().textInputs)
        return evaluateTextSplit(model, config, loadTextDataset(evaluatedOn), evaluatedOn, split);
    DatasetBundle bundle = loadDataset(evaluatedOn);
    if (split == EvalSplit::Test) {
        if (!bundle.test)
            throw ConfigError(evaluatedOn + " has no test part; use --split validation");
        return model.evaluate(*bundle.test);
    }
    return model.evaluate(
        splitDataset(bundle.train, config.validationFraction, config.seed).validation);
}

} // namespace

EvalCommand::EvalCommand(CLI::App &root, const CliContext &context) : m_context(context)
{
    m_eval = root.add_subcommand(
        "eval", "Evaluate a run's best checkpoint (or its int8 model), or an exported model file");
    m_eval->add_option("model", m_model, "Run id, or a model file written by export-model")
        ->required();
    m_eval->add_option("--split", m_split, "Which part of the dataset: test or validation")
        ->check(CLI::IsMember({"test", "validation"}));
    m_eval->add_option("--data", m_data,
                       "Dataset to evaluate a model file on (default: the one it was trained on)");
}

bool EvalCommand::selected() const
{
    return m_eval->parsed();
}

int EvalCommand::execute()
{
    const EvalSplit split = m_split == "test" ? EvalSplit::Test : EvalSplit::Validation;
    const std::optional<std::int64_t> run = runIdArgument(m_model);
    EvalReport report;
    std::string evaluatedOn;
    if (run) {
        if (!m_data.empty())
            throw ConfigError("--data applies to a model file; a run is evaluated on its own "
                              "dataset");
        SessionOptions options;
        options.workspaceDir = m_context.workspace;
        noteIfReadOnly(Workspace{m_context.workspace}.databasePath());
        report = isInt8Variant(*run, options) ? evaluateInt8Variant(*run, options, split)
                                              : TrainingSession::evaluateRun(*run, options, split);
    } else {
        report = evaluateModelFile(m_model, m_data, split, evaluatedOn);
    }
    if (m_context.json) {
        nlohmann::json out = toJson(report);
        if (run) {
            out["run"] = *run;
        } else {
            out["model"] = m_model;
            out["dataset"] = evaluatedOn;
        }
        out["split"] = m_split;
        std::cout << out.dump(2) << std::endl;
    } else {
        std::cout << (run ? "run " + m_model : m_model + " on " + evaluatedOn) << ", " << m_split
                  << " split\n";
        printEvalReport(std::cout, report);
    }
    return ExitOk;
}

} // namespace mf::cli
