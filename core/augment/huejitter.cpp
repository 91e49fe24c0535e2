#include "core/augment/huejitter.h"

#include "core/augment/colorspace.h"

namespace mf {

HueJitter::HueJitter(double strength, double probability)
    : ColorJitterOperation(shiftFactors(strength, "hue.strength"), probability)
{
    checkFactors(name() + ".");
}

HueJitter::HueJitter(Interval factors, double probability)
    : ColorJitterOperation(factors, probability)
{
    checkFactors(name() + ".");
}

Interval HueJitter::factorsForStrength(double strength, const std::string &key) const
{
    return shiftFactors(strength, key);
}

Interval HueJitter::allowedFactors() const
{
    return {-0.5, 0.5};
}

torch::Tensor HueJitter::adjust(const torch::Tensor &images, const torch::Tensor &factors) const
{
    if (images.size(1) == 1)
        return images;
    const torch::Tensor hsv = rgbToHsv(images);
    const torch::Tensor hue = torch::remainder(hsv.narrow(1, 0, 1) + factors, 1.0);
    return hsvToRgb(torch::cat({hue, hsv.narrow(1, 1, 2)}, 1));
}

} // namespace mf
