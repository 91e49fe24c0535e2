#include "core/augment/brightnessjitter.h"

#include <torch/torch.h>

namespace mf {

BrightnessJitter::BrightnessJitter(double strength, double probability)
    : ColorJitterOperation(scaleFactors(strength, "brightness.strength"), probability)
{
    checkFactors(name() + ".");
}

BrightnessJitter::BrightnessJitter(Interval factors, double probability)
    : ColorJitterOperation(factors, probability)
{
    checkFactors(name() + ".");
}

Interval BrightnessJitter::factorsForStrength(double strength, const std::string &key) const
{
    return scaleFactors(strength, key);
}

Interval BrightnessJitter::allowedFactors() const
{
    return {0.0, 100.0};
}

torch::Tensor BrightnessJitter::adjust(const torch::Tensor &images,
                                       const torch::Tensor &factors) const
{
    return images.mul_(factors).clamp_(0.0, 1.0);
}

} // namespace mf
