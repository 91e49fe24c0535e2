#pragma once

#include "core/augment/augmentoperation.h"
#include "core/augment/augmentparams.h"

namespace mf {

/// torchvision RandomResizedCrop back to the input size: a box of a random area fraction
/// (`scale`) and aspect ratio (`ratio`, width / height, drawn log-uniformly), ten tries, else
/// the centre crop that fits the ratio range; resized bilinearly (align_corners false, no
/// antialiasing, as F.resized_crop on tensors). Draws "top", "left", "height", "width".
class RandomResizedCrop : public AugmentOperation
{
public:
    explicit RandomResizedCrop(Interval scale = {0.08, 1.0},
                               Interval ratio = {3.0 / 4.0, 4.0 / 3.0}, double probability = 1.0);

    std::string name() const override { return "random_resized_crop"; }
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
