#include "core/roi/runfill.h"

#include "core/roi/scenario.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mf::roi {

namespace {

std::string number(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string runLabel(const MeasuredRun &run)
{
    std::string label = "run " + std::to_string(run.runId);
    if (!run.technique.empty())
        label += " (" + run.technique + ")";
    return label;
}

/// Writes `value` keeping the input's relative spread: a range of 0.8x..1.3x around the old
/// value stays 0.8x..1.3x around the new one.
void put(Scenario &scenario, FillReport &report, const std::string &key, double value,
         const std::string &source, const std::string &asOf)
{
    Input input = scenario.input(key);
    const double lowRatio = input.value != 0.0 ? input.low / input.value : 1.0;
    const double highRatio = input.value != 0.0 ? input.high / input.value : 1.0;
    input.value = value;
    input.low = std::min(value, value * lowRatio);
    input.high = std::max(value, value * highRatio);
    input.source = source;
    input.asOf = asOf;
    scenario.inputs[key] = input;
    report.filled.push_back({key, value, source});
}

void addSourceRun(Scenario &scenario, std::int64_t runId)
{
    const int id = static_cast<int>(runId);
    if (std::find(scenario.sourceRuns.begin(), scenario.sourceRuns.end(), id) ==
        scenario.sourceRuns.end())
        scenario.sourceRuns.push_back(id);
}

void fillTraining(Scenario &scenario, FillReport &report, const MeasuredRun &run)
{
    if (!run.trainingSeconds) {
        report.notes.push_back(runLabel(run) +
                               " has no training time of its own; the training figures are "
                               "unchanged");
        return;
    }
    const double hours = *run.trainingSeconds / 3600.0;
    put(scenario, report, "training.deviceHoursPerRun", hours,
        runLabel(run) + ": measured wall time " + number(*run.trainingSeconds, 1) + " s on " +
            run.trainingDevice + " (" + std::to_string(run.trainingThreads) + " threads, " +
            run.machine + ")",
        run.measuredOn);
    put(scenario, report, "training.devices", 1.0,
        runLabel(run) + ": trained on one " + run.trainingDevice + " device", run.measuredOn);
    addSourceRun(scenario, run.runId);
}

void fillServing(Scenario &scenario, FillReport &report, const MeasuredRun &run)
{
    const std::string where = " on " + run.machine + ", " + std::to_string(run.threads) +
                              " threads, " + run.precision + " model";
    if (run.throughputPerSecond > 0.0)
        put(scenario, report, "serving.throughputPerInstance", run.throughputPerSecond,
            runLabel(run) + ": measured " + number(run.throughputPerSecond, 0) +
                " samples/s at batch 64" + where,
            run.measuredOn);
    if (run.latencyBatch1Ms > 0.0)
        put(scenario, report, "serving.latencyMs", run.latencyBatch1Ms,
            runLabel(run) + ": measured median " + number(run.latencyBatch1Ms, 3) +
                " ms at batch 1" + where,
            run.measuredOn);
    addSourceRun(scenario, run.runId);

    PredictionValue &value = scenario.predictionValue;
    if (run.confusion.empty()) {
        report.notes.push_back(runLabel(run) + ": no confusion matrix (" + run.evaluatedOn +
                               "); the value of predictions is unchanged");
        return;
    }
    const std::size_t classes = run.confusion.size();
    if (!value.benefit.empty() && value.benefit.size() != classes) {
        report.notes.push_back(runLabel(run) + " predicts " + std::to_string(classes) +
                               " classes but the benefit matrix has " +
                               std::to_string(value.benefit.size()) +
                               "; the confusion matrix was not taken (edit the benefit matrix to " +
                               std::to_string(classes) + " classes first)");
        return;
    }
    if (value.benefit.empty())
        value.benefit.assign(classes, std::vector<double>(classes, 0.0));
    value.classes = run.classNames;
    value.confusion = run.confusion;
    value.confusionSource = runLabel(run) + ", " + run.evaluatedOn + ", accuracy " +
                            number(run.accuracy * 100.0, 2) + " %, measured " + run.measuredOn;
    double total = 0.0;
    for (const auto &row : run.confusion)
        for (double count : row)
            total += count;
    report.filled.push_back({"predictionValue.confusion", total, value.confusionSource});
}

} // namespace

FillReport fillFromRuns(Scenario &scenario, const MeasuredRun &training, const MeasuredRun &serving)
{
    FillReport report;
    fillTraining(scenario, report, training);
    fillServing(scenario, report, serving);
    return report;
}

} // namespace mf::roi
