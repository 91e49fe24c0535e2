#pragma once

#include "core/augment/colorjitteroperation.h"

namespace mf {

/// Multiplies by the factor: clamp(f * x, 0, 1).
class BrightnessJitter : public ColorJitterOperation
{
public:
    /// Draws factors from scaleFactors(strength).
    explicit BrightnessJitter(double strength = 0.2, double probability = 1.0);
    BrightnessJitter(Interval factors, double probability);

    std::string name() const override { return "brightness"; }

protected:
    Interval factorsForStrength(double strength, const std::string &key) const override;
    Interval allowedFactors() const override;
    at::Tensor adjust(const at::Tensor &images, const at::Tensor &factors) const override;
};

} // namespace mf
