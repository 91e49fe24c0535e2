#include "core/roi/sensitivity.h"

#include "core/roi/compiledscenario.h"
#include "core/roi/inputcatalogue.h"

#include <algorithm>
#include <cmath>

namespace mf::roi {

Tornado tornado(const Scenario &scenario)
{
    const CompiledScenario compiled(scenario);
    auto buffers = compiled.makeBuffers();
    std::vector<double> values = compiled.baseValues();
    Tornado result;
    result.baseNpv = compiled.npv(values, buffers);
    const auto &catalogue = inputCatalogue();
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        if (catalogue[i].key == "general.horizonMonths")
            continue;
        const Input input = scenario.input(catalogue[i].key);
        if (!(input.low < input.high))
            continue;
        TornadoBar bar;
        bar.key = catalogue[i].key;
        bar.low = input.low;
        bar.high = input.high;
        values[i] = input.low;
        bar.npvAtLow = compiled.npv(values, buffers);
        values[i] = input.high;
        bar.npvAtHigh = compiled.npv(values, buffers);
        values[i] = input.value;
        bar.swing = std::fabs(bar.npvAtHigh - bar.npvAtLow);
        result.bars.push_back(bar);
    }
    std::stable_sort(result.bars.begin(), result.bars.end(),
                     [](const TornadoBar &a, const TornadoBar &b) { return a.swing > b.swing; });
    return result;
}

ScenarioRange worstBaseBest(const Scenario &scenario)
{
    return worstBaseBest(scenario, tornado(scenario));
}

ScenarioRange worstBaseBest(const Scenario &scenario, const Tornado &tornado)
{
    ScenarioRange range{scenario, scenario, scenario};
    range.worst.name += " (worst case)";
    range.best.name += " (best case)";
    for (const TornadoBar &bar : tornado.bars) {
        if (bar.npvAtLow == bar.npvAtHigh)
            continue;
        const bool lowIsWorse = bar.npvAtLow < bar.npvAtHigh;
        Input input = scenario.input(bar.key);
        input.value = lowIsWorse ? bar.low : bar.high;
        range.worst.inputs[bar.key] = input;
        input.value = lowIsWorse ? bar.high : bar.low;
        range.best.inputs[bar.key] = input;
    }
    return range;
}

} // namespace mf::roi
