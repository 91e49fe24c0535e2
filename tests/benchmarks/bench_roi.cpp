// ROI engine: Monte Carlo trials per second, and the time to recompute every figure after one
// input change. Prints figures next to their targets; it is not a pass/fail test.
#include "core/roi/montecarlo.h"
#include "core/roi/projection.h"
#include "core/roi/scenariotemplates.h"
#include "core/roi/sensitivity.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace mf::roi;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

std::string processorModel()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line))
        if (line.rfind("model name", 0) == 0)
            return line.substr(line.find(':') + 2);
    return "unknown";
}

void benchmarkMonteCarlo(const ScenarioTemplate &t)
{
    constexpr int kTrials = 100000;
    constexpr int kRepeats = 5;
    std::printf(
        "Monte Carlo: %d trials of \"%s\" (%s months)\n", kTrials, t.scenario.name.c_str(),
        std::to_string(static_cast<int>(t.scenario.value("general.horizonMonths"))).c_str());
    for (int threads : {1, 2}) {
        MonteCarloOptions options;
        options.trials = kTrials;
        options.seed = 2024;
        options.threads = threads;
        std::vector<double> times;
        MonteCarloResult result;
        for (int i = 0; i < kRepeats; ++i) {
            const auto start = Clock::now();
            result = runMonteCarlo(t.scenario, options);
            times.push_back(millisecondsSince(start));
        }
        std::printf("  %d thread%s: median %.1f ms of %d runs (target < 1000 ms on 2 cores); "
                    "%d inputs drawn, P10 %.0f, P50 %.0f, P90 %.0f, P(loss) %.3f\n",
                    threads, threads == 1 ? " " : "s", median(times), kRepeats, result.drawnInputs,
                    result.p10, result.p50, result.p90, result.probabilityOfLoss);
    }
}

/// validate + project + key figures + tornado + the worst and best cases projected with their
/// key figures: what the ROI page shows after an edit. The Monte Carlo is not part of it.
double recomputeEverything(const Scenario &scenario)
{
    const auto start = Clock::now();
    if (!validate(scenario).empty())
        return -1.0;
    const Projection projection = project(scenario);
    const KeyFigures figures = keyFigures(scenario, projection);
    const Tornado bars = tornado(scenario);
    const ScenarioRange range = worstBaseBest(scenario, bars);
    const KeyFigures worst = keyFigures(range.worst, project(range.worst));
    const KeyFigures best = keyFigures(range.best, project(range.best));
    const double elapsed = millisecondsSince(start);
    if (!(worst.npv <= figures.npv && figures.npv <= best.npv))
        std::printf("  (unexpected: worst %.0f, base %.0f, best %.0f)\n", worst.npv, figures.npv,
                    best.npv);
    return elapsed;
}

void benchmarkRecompute(const ScenarioTemplate &t)
{
    constexpr int kRepetitions = 200;
    Scenario scenario = t.scenario;
    const double operations = scenario.value("operations.perMonth");
    std::vector<double> times;
    for (int i = 0; i < kRepetitions; ++i) {
        // One input edited, as if typed: the operations cost moves by 0..99.
        scenario.setValue("operations.perMonth", operations + i % 100);
        times.push_back(recomputeEverything(scenario));
    }
    std::printf("  %-22s median %.3f ms, max %.3f ms over %d edits (target < 50 ms)\n",
                t.scenario.name.c_str(), median(times),
                *std::max_element(times.begin(), times.end()), kRepetitions);
}

} // namespace

int main()
{
    std::printf("processor: %s, %u hardware threads\n", processorModel().c_str(),
                std::thread::hardware_concurrency());
    const std::vector<ScenarioTemplate> templates = scenarioTemplates();
    benchmarkMonteCarlo(templates.back()); // tutoring: the most uncertain inputs
    std::printf("Recompute after one input change (validate, project, key figures, tornado, "
                "worst/base/best; no Monte Carlo):\n");
    for (const ScenarioTemplate &t : templates)
        benchmarkRecompute(t);
    return 0;
}
