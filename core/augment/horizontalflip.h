#pragma once

#include "core/augment/augmentoperation.h"

namespace mf {

/// Reverses the columns of the selected samples. Draws nothing.
class HorizontalFlip : public AugmentOperation
{
public:
    explicit HorizontalFlip(double probability = 0.5);

    std::string name() const override { return "horizontal_flip"; }

    void apply(at::Tensor &batch, const at::Tensor &applyMask, AugmentRandom &rng,
               std::vector<nlohmann::json> *drawn) const override;

protected:
    std::vector<std::string> parameterKeys() const override { return {}; }
    nlohmann::json parameters() const override { return nlohmann::json::object(); }
    void readParameters(const SpecReader &) override {}
};

} // namespace mf
