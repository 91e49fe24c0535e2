#include "core/store/runexport.h"

#include "core/store/runstore.h"
#include "core/util/atomicfile.h"
#include "core/util/csvfield.h"
#include "core/util/error.h"

#include <limits>
#include <locale>
#include <sstream>

namespace mf {

const char *const kRunExportCsvHeader = "run,run_name,key,step,epoch,wall_seconds,value";

std::vector<RunExport> collectRunExports(const RunStore &store,
                                         const std::vector<std::int64_t> &runIds)
{
    std::vector<RunExport> runs;
    runs.reserve(runIds.size());
    for (std::int64_t id : runIds) {
        std::optional<RunRecord> run = store.run(id);
        if (!run)
            throw ConfigError("There is no run " + std::to_string(id) + " in " + store.path());
        RunExport entry;
        entry.run = std::move(*run);
        entry.params = store.params(id);
        entry.metrics = store.metrics(id);
        runs.push_back(std::move(entry));
    }
    return runs;
}

nlohmann::json runRecordJson(const RunRecord &run)
{
    nlohmann::json j = {{"id", run.id},
                        {"name", run.name},
                        {"status", runStatusName(run.status)},
                        {"dataset", run.dataset},
                        {"model", run.model},
                        {"started_at_ms", run.startedAtMs},
                        {"ended_at_ms", run.endedAtMs},
                        {"device", run.device},
                        {"versions", run.versions},
                        {"failure_reason", run.failureReason},
                        {"tags", run.tags},
                        {"notes", run.notes}};
    j["best_val_accuracy"] =
        run.bestValAccuracy ? nlohmann::json(*run.bestValAccuracy) : nlohmann::json(nullptr);
    return j;
}

std::string runExportCsv(const std::vector<RunExport> &runs)
{
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out.precision(std::numeric_limits<double>::max_digits10);
    out << kRunExportCsvHeader << '\n';
    for (const RunExport &entry : runs) {
        const std::string name = csvField(entry.run.name);
        for (const MetricPoint &point : entry.metrics)
            out << entry.run.id << ',' << name << ',' << csvField(point.key) << ',' << point.step
                << ',' << point.epoch << ',' << point.wallSeconds << ',' << point.value << '\n';
    }
    return out.str();
}

std::string runExportJson(const std::vector<RunExport> &runs)
{
    nlohmann::json document = nlohmann::json::array();
    for (const RunExport &entry : runs) {
        nlohmann::json item = runRecordJson(entry.run);
        item["params"] = entry.params;
        nlohmann::json series = nlohmann::json::object();
        for (const MetricPoint &point : entry.metrics)
            series[point.key].push_back({{"step", point.step},
                                         {"epoch", point.epoch},
                                         {"wall_seconds", point.wallSeconds},
                                         {"value", point.value}});
        item["metrics"] = std::move(series);
        document.push_back(std::move(item));
    }
    return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string runExportText(const std::vector<RunExport> &runs, RunExportFormat format)
{
    return format == RunExportFormat::Json ? runExportJson(runs) : runExportCsv(runs);
}

void writeRunExport(const RunStore &store, const std::vector<std::int64_t> &runIds,
                    RunExportFormat format, const std::string &path)
{
    writeFileAtomically(path, runExportText(collectRunExports(store, runIds), format));
}

} // namespace mf
