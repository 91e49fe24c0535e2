#include "app/cli/runscommand.h"

#include "app/cli/readonlynote.h"
#include "app/cli/reportjson.h"
#include "app/cli/texttable.h"
#include "core/store/runexport.h"
#include "core/store/runstore.h"
#include "core/store/storeaccess.h"
#include "core/store/workspace.h"
#include "core/util/error.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace mf::cli {

namespace {

RunRecord requireRun(const RunStore &store, std::int64_t runId)
{
    auto run = store.run(runId);
    if (!run)
        throw ConfigError("no run " + std::to_string(runId) + " in " + store.path());
    return *run;
}

} // namespace

RunsCommand::RunsCommand(CLI::App &root, const CliContext &context) : m_context(context)
{
    m_runs = root.add_subcommand("runs", "List, show and export recorded runs");
    m_runs->require_subcommand(1);
    m_list = m_runs->add_subcommand("list", "All runs, newest first");
    m_show = m_runs->add_subcommand("show", "A run's record, params, final metrics and artifacts");
    m_show->add_option("run", m_showRun, "Run id")->required();
    m_export = m_runs->add_subcommand("export", "Export the metrics of one or more runs");
    m_export->add_option("runs", m_exportRuns, "Run ids")->required();
    auto *csv = m_export->add_flag("--csv", m_exportCsv,
                                   "CSV: run,run_name,key,step,epoch,wall_seconds,value");
    auto *json = m_export->add_flag("--json", m_exportJson,
                                    "JSON: runs with their params and metric series");
    csv->excludes(json);
    m_export->add_option("--output,-o", m_output, "Write to this file instead of stdout");
}

bool RunsCommand::selected() const
{
    return m_runs->parsed();
}

int RunsCommand::execute()
{
    if (m_list->parsed())
        return list();
    if (m_show->parsed())
        return show();
    return exportMetrics();
}

std::unique_ptr<RunStore> RunsCommand::openStore() const
{
    const std::string path = Workspace{m_context.workspace}.databasePath();
    noteIfReadOnly(path);
    return std::make_unique<RunStore>(path, accessToRead(path));
}

int RunsCommand::list()
{
    const auto storePtr = openStore();
    RunStore &store = *storePtr;
    const auto runs = store.listRuns();
    if (m_context.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &run : runs)
            out.push_back(toJson(run));
        std::cout << out.dump(2) << std::endl;
        return ExitOk;
    }
    if (runs.empty()) {
        std::cout << "no runs in " << store.path() << "\n";
        return ExitOk;
    }
    TextTable table(
        {"id", "name", "status", "dataset", "model", "best val acc", "started", "duration"});
    for (const auto &run : runs) {
        table.addRow({std::to_string(run.id), run.name, runStatusName(run.status), run.dataset,
                      run.model, run.bestValAccuracy ? formatNumber(*run.bestValAccuracy, 4) : "-",
                      formatTimestamp(run.startedAtMs),
                      formatDurationMs(run.durationMs(RunStore::nowMs()))});
    }
    table.print(std::cout);
    return ExitOk;
}

int RunsCommand::show()
{
    const auto storePtr = openStore();
    RunStore &store = *storePtr;
    const RunRecord run = requireRun(store, m_showRun);
    const auto params = store.params(run.id);
    const auto latest = store.latestMetrics(run.id);
    const auto artifacts = store.artifacts(run.id);
    if (m_context.json) {
        nlohmann::json out = toJson(run);
        out["config"] =
            nlohmann::json::parse(run.configJson.empty() ? "null" : run.configJson, nullptr, false);
        out["params"] = params;
        out["final_metrics"] = latest;
        out["artifacts"] = nlohmann::json::array();
        for (const auto &a : artifacts)
            out["artifacts"].push_back({{"kind", a.kind},
                                        {"path", a.path},
                                        {"size_bytes", a.sizeBytes},
                                        {"sha256", a.sha256},
                                        {"epoch", a.epoch}});
        std::cout << out.dump(2) << std::endl;
        return ExitOk;
    }
    std::cout << "run " << run.id << " \"" << run.name << "\"  " << runStatusName(run.status)
              << "\n";
    if (!run.failureReason.empty())
        std::cout << "reason:   " << run.failureReason << "\n";
    std::cout << "dataset:  " << run.dataset << "\nmodel:    " << run.model
              << "\ndevice:   " << run.device << "\nversions: " << run.versions
              << "\nstarted:  " << formatTimestamp(run.startedAtMs)
              << "\nended:    " << formatTimestamp(run.endedAtMs) << "\n\n";
    TextTable paramTable({"param", "value"});
    for (const auto &[key, value] : params)
        paramTable.addRow({key, value});
    paramTable.print(std::cout);
    std::cout << "\n";
    TextTable metricTable({"metric", "final value"});
    for (const auto &[key, value] : latest)
        metricTable.addRow({key, formatNumber(value, 6)});
    metricTable.print(std::cout);
    if (!artifacts.empty()) {
        std::cout << "\n";
        TextTable artifactTable({"epoch", "kind", "bytes", "sha256", "path"});
        for (const auto &a : artifacts)
            artifactTable.addRow({std::to_string(a.epoch), a.kind, std::to_string(a.sizeBytes),
                                  a.sha256.substr(0, 16), a.path});
        artifactTable.print(std::cout);
    }
    return ExitOk;
}

int RunsCommand::exportMetrics()
{
    const auto storePtr = openStore();
    RunStore &store = *storePtr;
    const bool asJson = m_exportJson || (m_context.json && !m_exportCsv);
    const RunExportFormat format = asJson ? RunExportFormat::Json : RunExportFormat::Csv;
    if (m_output.empty())
        std::cout << runExportText(collectRunExports(store, m_exportRuns), format);
    else
        writeRunExport(store, m_exportRuns, format, m_output);
    return ExitOk;
}

} // namespace mf::cli
