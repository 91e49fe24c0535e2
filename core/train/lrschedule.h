#pragma once

#include "core/train/trainconfig.h"

#include <cstdint>
#include <string>

namespace mf {

/// Whether `name` is one LrSchedule accepts.
bool isKnownSchedule(const std::string &name);

/// Learning rate as a pure function of the optimiser step, so a resumed run continues exactly.
/// T = stepsPerEpoch * epochs, W = warmupSteps:
///   constant  base
///   step      base * gamma^floor(epoch / stepEpochs), epoch = step / stepsPerEpoch
///   cosine    min + (base - min) * (1 + cos(pi * (step - W) / (T - W))) / 2, min after T
///   warmup    base
///   onecycle  PyTorch's OneCycleLR (cos, div_factor 25, final_div_factor 1e4): cosine rise
///             from max/25 to max until step pctStart*T - 1, then cosine fall to max/25/1e4 at
///             step T - 1; max = maxLearningRate, or 10 * base when that is 0. Ignores W.
/// For every schedule but onecycle, the first W steps are scaled by (step + 1) / W.
class LrSchedule
{
public:
    /// Unknown schedule name or non-positive stepsPerEpoch/epochs: mf::ConfigError.
    LrSchedule(const ScheduleConfig &config, double baseRate, std::int64_t stepsPerEpoch,
               int epochs);

    /// step: 0-based index of the optimiser step about to be taken.
    double rateAt(std::int64_t step) const;

    std::int64_t totalSteps() const { return m_totalSteps; }

private:
    double scheduled(std::int64_t step) const;

    ScheduleConfig m_config;
    double m_baseRate;
    std::int64_t m_stepsPerEpoch;
    std::int64_t m_totalSteps;
};

} // namespace mf
