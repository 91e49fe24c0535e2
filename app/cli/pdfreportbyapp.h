#pragma once

#include "core/roi/scenario.h"

#include <cstdint>
#include <string>

namespace mf::cli {

/// Has the ModelForge app draw the ROI PDF report of `scenario` (as filled here) to `pdfPath`:
/// the report is drawn with Qt, which modelforge-cli does without so that it builds where only
/// LibTorch is. Runs `modelforge --roi-report TMP.json --output PDF [--monte-carlo N --seed S]`
/// offscreen, with the scenario in a temporary file that is removed afterwards; the app's
/// messages go to stderr as they come.
///
/// The app is $MODELFORGE_APP when set, else `modelforge` next to this executable (installed),
/// else ../gui/modelforge (the build tree), else on PATH. Throws mf::Error when it is found
/// nowhere or cannot be started; returns its exit status otherwise (0 written, 2 bad scenario,
/// 1 the file could not be written).
int writePdfReportByApp(const roi::Scenario &scenario, const std::string &pdfPath,
                        int monteCarloTrials, std::uint64_t seed);

} // namespace mf::cli
