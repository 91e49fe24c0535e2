#pragma once

#include "core/store/runrecord.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace mf {

class RunStore;

enum class RunExportFormat
{
    Csv,
    Json
};

/// One run as exported: its record, parameters and every metric point.
struct RunExport
{
    RunRecord run;
    std::map<std::string, std::string> params;
    std::vector<MetricPoint> metrics; ///< ordered by key, then step
};

/// The header line of the CSV export (without the line break).
extern const char *const kRunExportCsvHeader;

/// Reads the runs `runIds` in that order; mf::ConfigError names the store for an unknown id.
std::vector<RunExport> collectRunExports(const RunStore &store,
                                         const std::vector<std::int64_t> &runIds);

/// The run's record as JSON ("id", "name", "status", "dataset", ..., "best_val_accuracy").
nlohmann::json runRecordJson(const RunRecord &run);

/// One row per metric point: run id, run name, key, step, epoch, wall seconds, value; numbers
/// in the C locale with full double precision, fields quoted where they hold , " or a line break.
std::string runExportCsv(const std::vector<RunExport> &runs);
/// An array of the runs' records, each with "params" and "metrics" (key -> points).
std::string runExportJson(const std::vector<RunExport> &runs);
std::string runExportText(const std::vector<RunExport> &runs, RunExportFormat format);

/// Reads `runIds` from `store` and writes them to `path` atomically (readers see the old file
/// or the complete new one). Throws mf::ConfigError for an unknown run, mf::Error when the file
/// cannot be written.
void writeRunExport(const RunStore &store, const std::vector<std::int64_t> &runIds,
                    RunExportFormat format, const std::string &path);

} // namespace mf
