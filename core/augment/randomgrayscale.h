#pragma once

#include "core/augment/augmentoperation.h"

namespace mf {

/// Replaces every channel of an RGB image by its ITU-R 601-2 luma (0.299 R + 0.587 G +
/// 0.114 B), keeping three channels (torchvision RandomGrayscale); one-channel images are left
/// as they are. Draws nothing.
class RandomGrayscale : public AugmentOperation
{
public:
    explicit RandomGrayscale(double probability = 0.1);

    std::string name() const override { return "grayscale"; }

    void apply(at::Tensor &batch, const at::Tensor &applyMask, AugmentRandom &rng,
               std::vector<nlohmann::json> *drawn) const override;

protected:
    std::vector<std::string> parameterKeys() const override { return {}; }
    nlohmann::json parameters() const override { return nlohmann::json::object(); }
    void readParameters(const SpecReader &) override {}
};

} // namespace mf
