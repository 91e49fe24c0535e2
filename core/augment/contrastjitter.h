#pragma once

#include "core/augment/colorjitteroperation.h"

namespace mf {

/// Blends with the image's mean grey level: clamp(f * x + (1 - f) * mean(gray(x)), 0, 1).
class ContrastJitter : public ColorJitterOperation
{
public:
    /// Draws factors from scaleFactors(strength).
    explicit ContrastJitter(double strength = 0.2, double probability = 1.0);
    ContrastJitter(Interval factors, double probability);

    std::string name() const override { return "contrast"; }

protected:
    Interval factorsForStrength(double strength, const std::string &key) const override;
    Interval allowedFactors() const override;
    bool needsGrayOrRgb() const override { return true; }
    at::Tensor adjust(const at::Tensor &images, const at::Tensor &factors) const override;
};

} // namespace mf
