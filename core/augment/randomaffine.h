#pragma once

#include "core/augment/augmentoperation.h"
#include "core/augment/augmentparams.h"

namespace mf {

/// What RandomAffine draws from.
struct RandomAffineSettings
{
    Interval degrees = {0.0, 0.0};
    double translateX = 0.1; ///< largest translation as a fraction of the width
    double translateY = 0.1; ///< largest translation as a fraction of the height
    Interval scale = {1.0, 1.0};
    Interval shear = {0.0, 0.0}; ///< degrees, along x
    double fill = 0.0;           ///< value of uncovered pixels
};

/// torchvision RandomAffine about the image centre, bilinear. Per sample: angle from degrees
/// (clockwise for positive angles, as F.affine); translation round(U(-tx * W, tx * W)) and
/// round(U(-ty * H, ty * H)) pixels; scale; shear along x. Draws "angle", "translate" [x, y],
/// "scale" and "shear".
class RandomAffine : public AugmentOperation
{
public:
    explicit RandomAffine(const RandomAffineSettings &settings = {}, double probability = 1.0);

    std::string name() const override { return "affine"; }
    const RandomAffineSettings &settings() const { return m_settings; }

    void apply(at::Tensor &batch, const at::Tensor &applyMask, AugmentRandom &rng,
               std::vector<nlohmann::json> *drawn) const override;

protected:
    std::vector<std::string> parameterKeys() const override;
    nlohmann::json parameters() const override;
    void readParameters(const SpecReader &reader) override;

private:
    void check(const std::string &prefix) const;

    RandomAffineSettings m_settings;
};

} // namespace mf
