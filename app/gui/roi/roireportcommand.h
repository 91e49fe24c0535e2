#pragma once

namespace mf {

struct LaunchOptions;

/// `modelforge --roi-report SCENARIO.json --output OUT.pdf [--monte-carlo N] [--seed S]`: the
/// ROI section's PDF report of a scenario file, drawn without a window (modelforge-cli roi
/// --pdf runs this, since the report needs Qt and the CLI does without it).
///
/// Needs a QApplication (Qt Charts lay out in a scene). Returns the exit status: 0 written,
/// 2 a scenario that cannot be read or projected (the file, the key and the reason on stderr),
/// 1 a report that could not be written.
int writeRoiReportFromCommandLine(const LaunchOptions &options);

} // namespace mf
