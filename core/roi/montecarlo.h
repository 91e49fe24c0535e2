#pragma once

#include <cstdint>
#include <vector>

namespace mf::roi {

struct Scenario;

struct MonteCarloOptions
{
    int trials = 10000;
    std::uint64_t seed = 1;
    /// Worker threads; 0 takes std::thread::hardware_concurrency(). The result does not depend
    /// on it: trials run in fixed blocks of kMonteCarloBlock, block b drawing from a
    /// std::mt19937_64 seeded with (seed, b).
    int threads = 1;
    int bins = 40;
};

inline constexpr int kMonteCarloBlock = 1024;

/// The NPV distribution over the trials (scenario currency). Percentiles interpolate linearly
/// between the sorted trials (numpy's default): P10 is the NPV that 10 % of the trials fall below.
struct MonteCarloResult
{
    int trials = 0;
    int drawnInputs = 0; ///< inputs drawn per trial (triangular or PERT with low < high)
    double baseNpv = 0.0;
    double mean = 0.0;
    double p10 = 0.0;
    double p50 = 0.0;
    double p90 = 0.0;
    double min = 0.0;
    double max = 0.0;
    double probabilityOfLoss = 0.0; ///< share of trials with NPV < 0
    /// `histogram[i]` counts the trials in [histogramLow + i w, histogramLow + (i + 1) w), the
    /// last bin closed, w = (histogramHigh - histogramLow) / bins, spanning min to max. When
    /// every trial has the same NPV there is one bin holding them all.
    double histogramLow = 0.0;
    double histogramHigh = 0.0;
    std::vector<int> histogram;
};

/// Draws every uncertain input per trial (Distribution in scenario.h: triangular over (low,
/// value, high), or beta-PERT with lambda 4; fixed inputs and the horizon stay at their value;
/// whole-number inputs are rounded) and takes the NPV of each trial (first month undiscounted).
/// Throws mf::ConfigError when validate() finds a problem or trials < 1 or bins < 1.
MonteCarloResult runMonteCarlo(const Scenario &scenario, const MonteCarloOptions &options);

} // namespace mf::roi
