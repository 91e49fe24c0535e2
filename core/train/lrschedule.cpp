#include "core/train/lrschedule.h"

#include "core/util/error.h"

#include <algorithm>
#include <cmath>

namespace mf {

namespace {

constexpr double kPi = 3.14159265358979323846;
// PyTorch OneCycleLR defaults: start at max/25, end at start/1e4.
constexpr double kOneCycleDivFactor = 25.0;
constexpr double kOneCycleFinalDivFactor = 1e4;

/// Cosine interpolation from `start` (pct 0) to `end` (pct 1).
double cosineBetween(double start, double end, double pct)
{
    pct = std::clamp(pct, 0.0, 1.0);
    return end + (start - end) * 0.5 * (1.0 + std::cos(kPi * pct));
}

} // namespace

bool isKnownSchedule(const std::string &name)
{
    return name == "constant" || name == "step" || name == "cosine" || name == "warmup" ||
           name == "onecycle";
}

LrSchedule::LrSchedule(const ScheduleConfig &config, double baseRate, std::int64_t stepsPerEpoch,
                       int epochs)
    : m_config(config), m_baseRate(baseRate), m_stepsPerEpoch(stepsPerEpoch),
      m_totalSteps(stepsPerEpoch * epochs)
{
    if (!isKnownSchedule(config.name))
        throw ConfigError("schedule.name: unknown schedule \"" + config.name +
                          "\" (expected constant, step, cosine, warmup or onecycle)");
    if (stepsPerEpoch < 1 || epochs < 1)
        throw ConfigError("schedule: needs at least one step per epoch and one epoch");
    if (config.stepEpochs < 1)
        throw ConfigError("schedule.step_epochs: must be at least 1");
    if (config.warmupSteps < 0)
        throw ConfigError("schedule.warmup_steps: must not be negative");
    if (config.name == "onecycle" && !(config.pctStart > 0.0 && config.pctStart < 1.0))
        throw ConfigError("schedule.pct_start: must be between 0 and 1");
}

double LrSchedule::scheduled(std::int64_t step) const
{
    const std::string &name = m_config.name;
    if (name == "step") {
        const std::int64_t epoch = step / m_stepsPerEpoch;
        return m_baseRate *
               std::pow(m_config.gamma, static_cast<double>(epoch / m_config.stepEpochs));
    }
    if (name == "cosine") {
        // The cosine spans the steps after the warm-up: base at its first, floor at the end.
        const std::int64_t span = std::max<std::int64_t>(1, m_totalSteps - m_config.warmupSteps);
        const double pct =
            static_cast<double>(step - m_config.warmupSteps) / static_cast<double>(span);
        return cosineBetween(m_baseRate, m_config.minLearningRate, pct);
    }
    return m_baseRate; // constant, warmup
}

double LrSchedule::rateAt(std::int64_t step) const
{
    step = std::max<std::int64_t>(0, step);
    if (m_config.name == "onecycle") {
        // As PyTorch's OneCycleLR (anneal_strategy "cos", three_phase false).
        const double maxRate =
            m_config.maxLearningRate > 0.0 ? m_config.maxLearningRate : 10.0 * m_baseRate;
        const double initial = maxRate / kOneCycleDivFactor;
        const double final = initial / kOneCycleFinalDivFactor;
        const double riseEnd = m_config.pctStart * static_cast<double>(m_totalSteps) - 1.0;
        const double fallEnd = static_cast<double>(m_totalSteps) - 1.0;
        const double s = static_cast<double>(step);
        if (s <= riseEnd)
            return cosineBetween(initial, maxRate, riseEnd > 0.0 ? s / riseEnd : 1.0);
        const double span = fallEnd - riseEnd;
        return cosineBetween(maxRate, final, span > 0.0 ? (s - riseEnd) / span : 1.0);
    }
    const double rate = scheduled(step);
    if (step < m_config.warmupSteps)
        return rate * static_cast<double>(step + 1) / static_cast<double>(m_config.warmupSteps);
    return rate;
}

} // namespace mf
