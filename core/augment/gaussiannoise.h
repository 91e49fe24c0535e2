#pragma once

#include "core/augment/augmentoperation.h"

namespace mf {

/// Adds zero-mean Gaussian noise of standard deviation `std` to every pixel and clamps to
/// [0, 1] (torchvision v2 GaussianNoise with clip). The noise is a counter-based hash of the
/// pixel position and two 64-bit keys drawn per sample, computed on the batch's device, so a
/// sample gets the same noise in any batch. Draws "keys".
class GaussianNoise : public AugmentOperation
{
public:
    explicit GaussianNoise(double stdDev = 0.05, double probability = 1.0);

    std::string name() const override { return "gaussian_noise"; }
    double stdDev() const { return m_std; }

    void apply(at::Tensor &batch, const at::Tensor &applyMask, AugmentRandom &rng,
               std::vector<nlohmann::json> *drawn) const override;

protected:
    std::vector<std::string> parameterKeys() const override;
    nlohmann::json parameters() const override;
    void readParameters(const SpecReader &reader) override;

private:
    void check(const std::string &prefix) const;

    double m_std;
};

} // namespace mf
