#pragma once

#include "core/augment/augmentoperation.h"
#include "core/augment/augmentparams.h"

namespace mf {

/// Base of the colour jitters: one factor per sample drawn uniformly from factors(), then
/// adjust(). torchvision ColorJitter semantics, one property per operation so that the
/// pipeline's order is the order they run in. JSON: "factor": [lo, hi], or "strength": s as
/// torchvision's single number. Draws "factor".
class ColorJitterOperation : public AugmentOperation
{
public:
    const Interval &factors() const { return m_factors; }

    void apply(at::Tensor &batch, const at::Tensor &applyMask, AugmentRandom &rng,
               std::vector<nlohmann::json> *drawn) const final;

    /// [max(0, 1 - strength), 1 + strength], strength checked to be in [0, 99].
    static Interval scaleFactors(double strength, const std::string &key);
    /// [-strength, strength], strength checked to be in [0, 0.5].
    static Interval shiftFactors(double strength, const std::string &key);

protected:
    /// Subclasses call checkFactors(name() + ".") in their constructor.
    ColorJitterOperation(Interval factors, double probability);
    void checkFactors(const std::string &prefix) const;

    /// The factor range a JSON "strength" stands for; `key` names it in messages.
    virtual Interval factorsForStrength(double strength, const std::string &key) const = 0;
    /// Where factors may lie.
    virtual Interval allowedFactors() const = 0;
    /// True when the images must have 1 or 3 channels (checked on every batch, applied or not).
    virtual bool needsGrayOrRgb() const { return false; }
    /// images: [n, C, H, W]; factors: [n, 1, 1, 1] on the images' device.
    virtual at::Tensor adjust(const at::Tensor &images, const at::Tensor &factors) const = 0;

    std::vector<std::string> parameterKeys() const override;
    nlohmann::json parameters() const override;
    void readParameters(const SpecReader &reader) override;

private:
    Interval m_factors;
};

} // namespace mf
