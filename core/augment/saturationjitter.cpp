#include "core/augment/saturationjitter.h"

#include "core/augment/colorspace.h"

namespace mf {

SaturationJitter::SaturationJitter(double strength, double probability)
    : ColorJitterOperation(scaleFactors(strength, "saturation.strength"), probability)
{
    checkFactors(name() + ".");
}

SaturationJitter::SaturationJitter(Interval factors, double probability)
    : ColorJitterOperation(factors, probability)
{
    checkFactors(name() + ".");
}

Interval SaturationJitter::factorsForStrength(double strength, const std::string &key) const
{
    return scaleFactors(strength, key);
}

Interval SaturationJitter::allowedFactors() const
{
    return {0.0, 100.0};
}

torch::Tensor SaturationJitter::adjust(const torch::Tensor &images,
                                       const torch::Tensor &factors) const
{
    if (images.size(1) == 1)
        return images;
    const torch::Tensor gray = rgbToGray(images).mul_(1.0 - factors);
    return images.mul_(factors).add_(gray).clamp_(0.0, 1.0);
}

} // namespace mf
