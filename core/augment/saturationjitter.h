#pragma once

#include "core/augment/colorjitteroperation.h"

namespace mf {

/// Blends with the grey image: clamp(f * x + (1 - f) * gray(x), 0, 1); one-channel images are
/// left as they are.
class SaturationJitter : public ColorJitterOperation
{
public:
    /// Draws factors from scaleFactors(strength).
    explicit SaturationJitter(double strength = 0.2, double probability = 1.0);
    SaturationJitter(Interval factors, double probability);

    std::string name() const override { return "saturation"; }

protected:
    Interval factorsForStrength(double strength, const std::string &key) const override;
    Interval allowedFactors() const override;
    bool needsGrayOrRgb() const override { return true; }
    at::Tensor adjust(const at::Tensor &images, const at::Tensor &factors) const override;
};

} // namespace mf
