#pragma once

#include "core/roi/measuredrun.h"

#include <string>
#include <vector>

namespace mf::roi {

struct Scenario;

/// One figure a fill put into a scenario: the input key (or "predictionValue.confusion"), the
/// value written, and the `source` text it carries.
struct FilledFigure
{
    std::string key;
    double value = 0.0;
    std::string source;
};

/// What fillFromRuns() did: the figures it wrote and, in words, what it left alone and why.
struct FillReport
{
    std::vector<FilledFigure> filled;
    std::vector<std::string> notes;
};

/// Fills `scenario` from measured runs: the training figures (device-hours per run from the
/// recorded wall time, one device) from `training`, and the serving figures (batch-1 latency,
/// batch-64 throughput per instance) and the prediction-value confusion matrix from `serving`
/// (the compressed variant that will be deployed, or the same run). Each written input keeps
/// its low/high spread around the new value and gets a source naming the run, the figure, the
/// machine and the date. The confusion matrix is taken only when its class count matches the
/// scenario's benefit matrix (or the scenario has none yet); otherwise a note says why not.
/// `scenario.sourceRuns` lists the runs used.
FillReport fillFromRuns(Scenario &scenario, const MeasuredRun &training,
                        const MeasuredRun &serving);

} // namespace mf::roi
