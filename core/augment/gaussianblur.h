#pragma once

#include "core/augment/augmentoperation.h"
#include "core/augment/augmentparams.h"

namespace mf {

/// torchvision GaussianBlur: a square kernel of `kernelSize` (odd) with a standard deviation
/// drawn per sample from `sigma`, edges reflected; run as two separable depthwise convolutions
/// over the whole batch. Draws "sigma".
class GaussianBlur : public AugmentOperation
{
public:
    explicit GaussianBlur(std::int64_t kernelSize = 3, Interval sigma = {0.1, 2.0},
                          double probability = 1.0);

    std::string name() const override { return "gaussian_blur"; }
    std::int64_t kernelSize() const { return m_kernelSize; }
    const Interval &sigma() const { return m_sigma; }

    void apply(at::Tensor &batch, const at::Tensor &applyMask, AugmentRandom &rng,
               std::vector<nlohmann::json> *drawn) const override;

protected:
    std::vector<std::string> parameterKeys() const override;
    nlohmann::json parameters() const override;
    void readParameters(const SpecReader &reader) override;

private:
    void check(const std::string &prefix) const;

    std::int64_t m_kernelSize;
    Interval m_sigma;
};

} // namespace mf
