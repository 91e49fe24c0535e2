#include "core/roi/montecarlo.h"

#include "core/roi/compiledscenario.h"
#include "core/roi/inputcatalogue.h"
#include "core/roi/scenario.h"
#include "core/util/error.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <random>
#include <thread>

namespace mf::roi {

namespace {

/// Uniform and normal draws from one std::mt19937_64, written out so that every standard
/// library gives the same numbers for a seed.
class RandomSource
{
public:
    RandomSource(std::uint64_t seed, std::uint64_t block)
    {
        std::seed_seq sequence{
            static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
            static_cast<std::uint32_t>(block), static_cast<std::uint32_t>(block >> 32)};
        m_engine.seed(sequence);
    }

    /// In [0, 1).
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }

    /// Standard normal, Marsaglia's polar method (the second value is dropped).
    double normal()
    {
        for (;;) {
            const double x = 2.0 * uniform() - 1.0;
            const double y = 2.0 * uniform() - 1.0;
            const double s = x * x + y * y;
            if (s > 0.0 && s < 1.0)
                return x * std::sqrt(-2.0 * std::log(s) / s);
        }
    }

private:
    std::mt19937_64 m_engine;
};

/// Gamma(shape, 1) for shape >= 1, Marsaglia and Tsang (2000).
class GammaDraw
{
public:
    explicit GammaDraw(double shape) : m_d(shape - 1.0 / 3.0), m_c(1.0 / std::sqrt(9.0 * m_d)) {}

    double operator()(RandomSource &random) const
    {
        for (;;) {
            const double x = random.normal();
            double v = 1.0 + m_c * x;
            if (v <= 0.0)
                continue;
            v = v * v * v;
            const double u = random.uniform();
            if (u < 1.0 - 0.0331 * x * x * x * x ||
                std::log(u) < 0.5 * x * x + m_d * (1.0 - v + std::log(v)))
                return m_d * v;
        }
    }

private:
    double m_d;
    double m_c;
};

/// How one uncertain input is drawn.
struct InputDraw
{
    std::size_t index = 0;
    Distribution distribution = Distribution::Triangular;
    double low = 0.0;
    double mode = 0.0;
    double high = 0.0;
    bool integer = false;
    GammaDraw alpha{1.0}; // beta-PERT shapes: 1 + 4 (mode - low) / (high - low), and mirrored
    GammaDraw beta{1.0};

    double operator()(RandomSource &random) const
    {
        const double width = high - low;
        double x;
        if (distribution == Distribution::Pert) {
            const double a = alpha(random);
            const double b = beta(random);
            x = low + width * (a / (a + b));
        } else {
            const double u = random.uniform();
            x = u * width < mode - low ? low + std::sqrt(u * width * (mode - low))
                                       : high - std::sqrt((1.0 - u) * width * (high - mode));
        }
        x = std::clamp(x, low, high);
        return integer ? std::round(x) : x;
    }
};

std::vector<InputDraw> drawPlan(const Scenario &scenario)
{
    std::vector<InputDraw> plan;
    const auto &catalogue = inputCatalogue();
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        const Input input = scenario.input(catalogue[i].key);
        if (input.distribution == Distribution::Fixed || !(input.low < input.high) ||
            catalogue[i].key == "general.horizonMonths")
            continue;
        InputDraw draw;
        draw.index = i;
        draw.distribution = input.distribution;
        draw.low = input.low;
        draw.mode = input.value;
        draw.high = input.high;
        draw.integer = catalogue[i].integer;
        const double width = input.high - input.low;
        draw.alpha = GammaDraw(1.0 + 4.0 * (input.value - input.low) / width);
        draw.beta = GammaDraw(1.0 + 4.0 * (input.high - input.value) / width);
        plan.push_back(draw);
    }
    return plan;
}

/// Runs the trials of blocks taken from `nextBlock` until none is left.
void runBlocks(const CompiledScenario &compiled, const std::vector<InputDraw> &plan,
               const MonteCarloOptions &options, std::atomic<int> &nextBlock,
               std::vector<double> &npvs)
{
    auto buffers = compiled.makeBuffers();
    std::vector<double> values = compiled.baseValues();
    const int trials = options.trials;
    const int blocks = (trials + kMonteCarloBlock - 1) / kMonteCarloBlock;
    for (int block = nextBlock++; block < blocks; block = nextBlock++) {
        RandomSource random(options.seed, static_cast<std::uint64_t>(block));
        const int end = std::min(trials, (block + 1) * kMonteCarloBlock);
        for (int trial = block * kMonteCarloBlock; trial < end; ++trial) {
            for (const InputDraw &draw : plan)
                values[draw.index] = draw(random);
            npvs[static_cast<std::size_t>(trial)] = compiled.npv(values, buffers);
        }
    }
}

std::vector<double> runTrials(const CompiledScenario &compiled, const std::vector<InputDraw> &plan,
                              const MonteCarloOptions &options)
{
    std::vector<double> npvs(static_cast<std::size_t>(options.trials));
    const int blocks = (options.trials + kMonteCarloBlock - 1) / kMonteCarloBlock;
    int threads = options.threads > 0 ? options.threads
                                      : static_cast<int>(std::thread::hardware_concurrency());
    threads = std::clamp(threads, 1, blocks);
    std::atomic<int> nextBlock{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    const auto work = [&] {
        try {
            runBlocks(compiled, plan, options, nextBlock, npvs);
        } catch (...) {
            const std::lock_guard<std::mutex> lock(failureMutex);
            failure = std::current_exception();
            nextBlock = blocks;
        }
    };
    std::vector<std::thread> workers;
    for (int i = 1; i < threads; ++i)
        workers.emplace_back(work);
    work();
    for (auto &worker : workers)
        worker.join();
    if (failure)
        std::rethrow_exception(failure);
    return npvs;
}

double percentile(const std::vector<double> &sorted, double fraction)
{
    const double position = fraction * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double weight = position - static_cast<double>(below);
    return sorted[below] + (sorted[above] - sorted[below]) * weight;
}

void fillHistogram(const std::vector<double> &sorted, int bins, MonteCarloResult &result)
{
    result.histogramLow = sorted.front();
    result.histogramHigh = sorted.back();
    const double width = (result.histogramHigh - result.histogramLow) / bins;
    if (!(width > 0.0) || !std::isfinite(width)) {
        result.histogram.assign(1, static_cast<int>(sorted.size()));
        return;
    }
    result.histogram.assign(static_cast<std::size_t>(bins), 0);
    for (double npv : sorted) {
        const double bin = std::floor((npv - result.histogramLow) / width);
        ++result.histogram[static_cast<std::size_t>(std::clamp(bin, 0.0, bins - 1.0))];
    }
}

} // namespace

MonteCarloResult runMonteCarlo(const Scenario &scenario, const MonteCarloOptions &options)
{
    if (options.trials < 1)
        throw ConfigError("The Monte Carlo needs at least 1 trial; " +
                          std::to_string(options.trials) + " were asked for.");
    if (options.bins < 1)
        throw ConfigError("The Monte Carlo histogram needs at least 1 bin; " +
                          std::to_string(options.bins) + " were asked for.");
    const CompiledScenario compiled(scenario);
    const std::vector<InputDraw> plan = drawPlan(scenario);
    std::vector<double> npvs = runTrials(compiled, plan, options);

    MonteCarloResult result;
    result.trials = options.trials;
    result.drawnInputs = static_cast<int>(plan.size());
    auto buffers = compiled.makeBuffers();
    result.baseNpv = compiled.npv(compiled.baseValues(), buffers);
    // Summed as offsets from the first trial: a constant NPV gives exactly that NPV back.
    const double first = npvs.front();
    double offsets = 0.0;
    int losses = 0;
    for (double npv : npvs) {
        offsets += npv - first;
        losses += npv < 0.0 ? 1 : 0;
    }
    result.mean = first + offsets / options.trials;
    result.probabilityOfLoss = static_cast<double>(losses) / options.trials;
    std::sort(npvs.begin(), npvs.end());
    result.min = npvs.front();
    result.max = npvs.back();
    result.p10 = percentile(npvs, 0.10);
    result.p50 = percentile(npvs, 0.50);
    result.p90 = percentile(npvs, 0.90);
    fillHistogram(npvs, options.bins, result);
    return result;
}

} // namespace mf::roi
