#include "core/augment/contrastjitter.h"

#include "core/augment/colorspace.h"

namespace mf {

ContrastJitter::ContrastJitter(double strength, double probability)
    : ColorJitterOperation(scaleFactors(strength, "contrast.strength"), probability)
{
    checkFactors(name() + ".");
}

ContrastJitter::ContrastJitter(Interval factors, double probability)
    : ColorJitterOperation(factors, probability)
{
    checkFactors(name() + ".");
}

Interval ContrastJitter::factorsForStrength(double strength, const std::string &key) const
{
    return scaleFactors(strength, key);
}

Interval ContrastJitter::allowedFactors() const
{
    return {0.0, 100.0};
}

torch::Tensor ContrastJitter::adjust(const torch::Tensor &images,
                                     const torch::Tensor &factors) const
{
    // The mean of the luma is the luma of the channel means: one reduction pass, no grey image.
    torch::Tensor mean = images.mean({2, 3}, true);
    if (images.size(1) == 3)
        mean = rgbToGray(mean);
    return images.mul_(factors).add_((1.0 - factors) * mean).clamp_(0.0, 1.0);
}

} // namespace mf
