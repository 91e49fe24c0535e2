#pragma once

#include "core/roi/scenario.h"

#include <string>
#include <vector>

namespace mf::roi {

/// One input of the tornado: the NPV with the input at its low and at its high end, every other
/// input at its base value. Money is in the scenario's currency.
struct TornadoBar
{
    std::string key; ///< catalogue key; its label is findInput(key)->label
    double low = 0.0;
    double high = 0.0;
    double npvAtLow = 0.0;
    double npvAtHigh = 0.0;
    double swing = 0.0; ///< |npvAtHigh - npvAtLow|
};

struct Tornado
{
    double baseNpv = 0.0;
    /// Every uncertain input (low < high; the horizon never varies), by swing descending, ties
    /// in catalogue order; inputs that do not move the NPV come last with a swing of 0.
    std::vector<TornadoBar> bars;
};

/// The tornado of `scenario`; throws mf::ConfigError when validate() finds a problem.
Tornado tornado(const Scenario &scenario);

/// The scenario with every uncertain input moved to the end of its range that lowers the NPV
/// (worst) or raises it (best), judged one input at a time as in the tornado; an input that does
/// not move the NPV keeps its value. Names get " (worst case)" / " (best case)" appended.
struct ScenarioRange
{
    Scenario worst;
    Scenario base;
    Scenario best;
};

ScenarioRange worstBaseBest(const Scenario &scenario);
/// The same from a tornado already computed for `scenario`.
ScenarioRange worstBaseBest(const Scenario &scenario, const Tornado &tornado);

} // namespace mf::roi
