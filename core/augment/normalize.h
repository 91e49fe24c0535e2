#pragma once

#include "core/augment/augmentoperation.h"

namespace mf {

/// (x - mean) / std per channel; one value stands for every channel. Applied to every sample:
/// the probability is kept in JSON but ignored. Draws nothing.
class Normalize : public AugmentOperation
{
public:
    explicit Normalize(std::vector<double> mean = {0.5}, std::vector<double> stdDev = {0.5});

    std::string name() const override { return "normalize"; }
    bool alwaysApplied() const override { return true; }
    const std::vector<double> &mean() const { return m_mean; }
    const std::vector<double> &stdDev() const { return m_std; }

    void apply(at::Tensor &batch, const at::Tensor &applyMask, AugmentRandom &rng,
               std::vector<nlohmann::json> *drawn) const override;

protected:
    std::vector<std::string> parameterKeys() const override;
    nlohmann::json parameters() const override;
    void readParameters(const SpecReader &reader) override;

private:
    void check(const std::string &prefix) const;
    /// `values` as [1, C, 1, 1]; throws unless it has 1 or C entries.
    at::Tensor perChannel(const std::vector<double> &values, const char *key,
                          const at::Tensor &batch) const;

    std::vector<double> m_mean;
    std::vector<double> m_std;
};

} // namespace mf
