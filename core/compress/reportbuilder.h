#pragma once
// Core-only header (includes torch through compressionjob.h): keep it out of headers moc reads.

#include "core/compress/compressionjob.h"
#include "core/compress/compressionreport.h"

#include <cstdint>

namespace mf {

/// Measures the source of `result` and each variant that was completed (a stopped variant,
/// without a file, is left out) on this machine, as the report shows them, their latencies in
/// turns (measureLatenciesInTurn()). Slow: it times
/// every model; run it where a CompressionJob runs, never on a GUI thread.
CompressionReport buildReport(const CompressionResult &result, std::int64_t sourceRun,
                              const MeasurementOptions &options = {});

} // namespace mf
