#pragma once

#include "core/augment/colorjitteroperation.h"

namespace mf {

/// Shifts the HSV hue by the factor (a fraction of the colour circle, in [-0.5, 0.5]);
/// one-channel images are left as they are.
class HueJitter : public ColorJitterOperation
{
public:
    /// Draws factors from shiftFactors(strength).
    explicit HueJitter(double strength = 0.05, double probability = 1.0);
    HueJitter(Interval factors, double probability);

    std::string name() const override { return "hue"; }

protected:
    Interval factorsForStrength(double strength, const std::string &key) const override;
    Interval allowedFactors() const override;
    bool needsGrayOrRgb() const override { return true; }
    at::Tensor adjust(const at::Tensor &images, const at::Tensor &factors) const override;
};

} // namespace mf
