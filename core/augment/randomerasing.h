#pragma once

#include "core/augment/augmentoperation.h"
#include "core/augment/augmentparams.h"

namespace mf {

/// torchvision RandomErasing (cutout) with value 0: a box of a random area fraction (`scale`)
/// and aspect ratio (`ratio`, height / width, drawn log-uniformly), ten tries to fit strictly
/// inside the image, else nothing is erased. Draws "top", "left", "height", "width" (height and
/// width 0 when nothing was erased).
class RandomErasing : public AugmentOperation
{
public:
    explicit RandomErasing(Interval scale = {0.02, 0.33}, Interval ratio = {0.3, 3.3},
                           double probability = 0.5);

    std::string name() const override { return "random_erasing"; }
    const Interval &scale() const { return m_scale; }
    const Interval &ratio() const { return m_ratio; }

    void apply(at::Tensor &batch, const at::Tensor &applyMask, AugmentRandom &rng,
               std::vector<nlohmann::json> *drawn) const override;

protected:
    std::vector<std::string> parameterKeys() const override;
    nlohmann::json parameters() const override;
    void readParameters(const SpecReader &reader) override;

private:
    void check(const std::string &prefix) const;

    Interval m_scale;
    Interval m_ratio;
};

} // namespace mf
