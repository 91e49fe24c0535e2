#pragma once

#include "core/augment/augmentoperation.h"
#include "core/augment/augmentparams.h"

namespace mf {

/// Rotates each sample about its centre by an angle drawn from `degrees` (counter-clockwise
/// for positive angles, as torchvision RandomRotation), bilinear; uncovered pixels get `fill`.
/// Draws "angle" in degrees.
class RandomRotation : public AugmentOperation
{
public:
    explicit RandomRotation(Interval degrees = {-10.0, 10.0}, double fill = 0.0,
                            double probability = 1.0);

    std::string name() const override { return "rotation"; }
    const Interval &degrees() const { return m_degrees; }
    double fill() const { return m_fill; }

    void apply(at::Tensor &batch, const at::Tensor &applyMask, AugmentRandom &rng,
               std::vector<nlohmann::json> *drawn) const override;

protected:
    std::vector<std::string> parameterKeys() const override;
    nlohmann::json parameters() const override;
    void readParameters(const SpecReader &reader) override;

private:
    void check(const std::string &prefix) const;

    Interval m_degrees;
    double m_fill;
};

} // namespace mf
