// modelforge-cli: the ModelForge engine from the command line (links core only, no Qt).
#include "app/cli/clicontext.h"
#include "app/cli/compresscommand.h"
#include "app/cli/datasetscommand.h"
#include "app/cli/evalcommand.h"
#include "app/cli/exportmodelcommand.h"
#include "app/cli/predictcommand.h"
#include "app/cli/roicommand.h"
#include "app/cli/runscommand.h"
#include "app/cli/stopsignals.h"
#include "app/cli/traincommand.h"
#include "core/store/workspace.h"
#include "core/util/allocatortuning.h"
#include "core/util/error.h"
#include "core/util/torchthreads.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char **argv)
{
    using namespace mf::cli;
    // First, before any thread exists (OpenMP's included): see StopSignals.
    StopSignals stopSignals;
    mf::keepFreedMemoryForReuse();
    mf::setTorchThreads(0); // every core; train and resume then apply the run's --threads
    CliContext context;
    context.stopSignals = &stopSignals;
    context.workspace = mf::defaultWorkspaceDir();
    context.arguments.assign(argv + 1, argv + argc);

    CLI::App app("ModelForge: train, evaluate and compare models; every run is kept in a SQLite "
                 "store.",
                 "modelforge-cli");
    app.set_version_flag("--version", std::string(MODELFORGE_VERSION));
    app.add_option("--workspace", context.workspace,
                   "Directory of the run store and checkpoints (default: " + context.workspace +
                       ")");
    app.add_flag("--json", context.json, "Print one JSON document on stdout");
    app.require_subcommand(1);
    app.fallthrough();

    TrainCommand train(app, context);
    EvalCommand eval(app, context);
    CompressCommand compress(app, context);
    ExportModelCommand exportModel(app, context);
    PredictCommand predict(app, context);
    RunsCommand runs(app, context);
    DatasetsCommand datasets(app, context);
    RoiCommand roi(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &error) {
        const int code = app.exit(error);
        return code == 0 ? ExitOk : ExitBadInput;
    }

    try {
        if (train.selected())
            return train.execute();
        if (eval.selected())
            return eval.execute();
        if (compress.selected())
            return compress.execute();
        if (exportModel.selected())
            return exportModel.execute();
        if (predict.selected())
            return predict.execute();
        if (runs.selected())
            return runs.execute();
        if (roi.selected())
            return roi.execute();
        return datasets.execute();
    } catch (const mf::Error &error) {
        // Bad data, a bad configuration, an unknown run or a file that is not a store.
        std::cerr << "modelforge-cli: " << error.what() << "\n";
        return ExitBadInput;
    } catch (const std::exception &error) {
        std::cerr << "modelforge-cli: internal error: " << error.what() << "\n";
        return ExitRunFailed;
    }
}
