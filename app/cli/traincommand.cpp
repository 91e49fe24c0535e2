#include "app/cli/traincommand.h"

#include "app/cli/progressreporter.h"
#include "app/cli/reportjson.h"
#include "app/cli/stopsignals.h"
#include "app/cli/texttable.h"
#include "core/train/environmentinfo.h"
#include "core/train/trainingsession.h"
#include "core/util/error.h"
#include "core/util/torchthreads.h"

#include <CLI/CLI.hpp>

#include <cmath>
#include <iostream>

namespace mf::cli {

TrainCommand::TrainCommand(CLI::App &root, const CliContext &context) : m_context(context)
{
    m_train = root.add_subcommand("train", "Train a model; every run is recorded in the store");
    m_options = std::make_unique<TrainOptions>(*m_train);
    m_train->add_flag("--quiet,-q", m_quiet, "No progress output");

    m_resume = root.add_subcommand(
        "resume", "Continue an INTERRUPTED, STOPPED or FAILED run from its newest checkpoint");
    m_resume->add_option("run", m_resumeRun, "Run id")->required();
    m_resume->add_flag("--quiet,-q", m_quiet, "No progress output");
}

bool TrainCommand::selected() const
{
    return m_train->parsed() || m_resume->parsed();
}

int TrainCommand::execute()
{
    SessionOptions options;
    options.workspaceDir = m_context.workspace;
    if (m_train->parsed()) {
        const TrainConfig config = m_options->resolve();
        if (config.dataset.empty())
            throw ConfigError("no dataset: give --dataset PATH or \"dataset\" in --config");
        config.requireValid();
        options.runName = m_options->runName();
        TrainingSession session(config, options);
        return runSession(session, config.epochs);
    }
    TrainingSession session = TrainingSession::resume(m_resumeRun, options);
    return runSession(session, session.config().epochs);
}

int TrainCommand::runSession(TrainingSession &session, int totalEpochs)
{
    setTorchThreads(session.config().threads);
    const ScopedStopHandler stop(*m_context.stopSignals, [&session] { session.requestStop(); });
    ProgressReporter progress(totalEpochs, m_quiet || m_context.json);
    session.addObserver(&progress);

    const std::int64_t runId = session.prepare();
    if (!m_context.json && !m_quiet) {
        std::cerr << "run " << runId << ": training on " << session.config().dataset << "\n";
        if (m_resume->parsed())
            std::cerr << "run " << runId
                      << (session.startStep() > 0
                              ? ": continuing after step " + std::to_string(session.startStep()) +
                                    " from its checkpoint\n"
                              : std::string(": no checkpoint to continue from, starting over\n"));
    }
    const SessionResult result = session.run();
    progress.finish();

    const auto &train = result.train;
    if (m_context.json) {
        nlohmann::json out = {
            {"run", result.runId},
            {"outcome", outcomeName(train.outcome)},
            {"epochs", train.epochsCompleted},
            {"steps", train.steps},
            {"samples_per_second", train.samplesPerSecond},
            {"best_val_accuracy", train.bestValAccuracy},
            {"best_epoch", train.bestEpoch},
            {"last_epoch", toJson(train.last)},
            {"validation", toJson(result.validation)},
            {"kernels", toJson(train.kernels)},
            {"libraries", {{"libtorch", torchVersion()}, {"onednn", oneDnnVersion()}}},
            {"phases_ms_per_step", toJson(train.phases)}};
        if (!train.failureReason.empty())
            out["failure_reason"] = train.failureReason;
        if (result.test)
            out["test"] = toJson(*result.test);
        std::cout << out.dump(2) << std::endl;
    } else {
        std::cout << "run " << result.runId << " " << outcomeName(train.outcome) << " after "
                  << train.epochsCompleted << " epoch(s), " << train.steps << " steps\n";
        if (!train.failureReason.empty())
            std::cout << "reason: " << train.failureReason << "\n";
        std::cout << "samples/s " << formatNumber(train.samplesPerSecond, 0) << "\n";
        if (!train.kernels.plan.empty())
            std::cout << "kernels " << train.kernels.plan << "\n";
        for (const KernelOpChoice &op : train.kernels.ops)
            std::cout << "  " << op.op << " on " << op.shape << ": " << op.decision.summary()
                      << "\n";
        if (!train.kernels.note.empty())
            std::cerr << train.kernels.note << "\n";
        const std::string &objective = result.validation.tokenObjective;
        if (result.validation.samples > 0)
            std::cout << "validation "
                      << (objective == "masked_tokens" ? "masked-token "
                          : objective == "next_token"
                              ? "next-token (perplexity " +
                                    formatNumber(std::exp(result.validation.loss), 2) + ") "
                              : "")
                      << "loss " << formatNumber(result.validation.loss, 4) << "  accuracy "
                      << formatNumber(result.validation.accuracy, 4) << "  (best "
                      << formatNumber(train.bestValAccuracy, 4) << " at epoch " << train.bestEpoch
                      << ")\n";
        if (train.outcome == TrainOutcome::Stopped) {
            if (!train.lastCheckpoint.empty())
                std::cout << "checkpoint of step " << train.lastCheckpointStep << " kept: "
                          << "'resume " << result.runId << "' continues from there\n";
            else
                std::cout << "stopped before the first batch finished: no checkpoint, "
                          << "'resume " << result.runId << "' starts the run over\n";
        }
        if (result.test)
            std::cout << "test loss " << formatNumber(result.test->loss, 4) << "  test accuracy "
                      << formatNumber(result.test->accuracy, 4) << "\n";
    }
    return train.outcome == TrainOutcome::Failed ? ExitRunFailed : ExitOk;
}

} // namespace mf::cli
