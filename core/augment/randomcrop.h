#pragma once

#include "core/augment/augmentoperation.h"

namespace mf {

/// Pads each side by `padding` pixels (zeros or a reflection) and crops back to the original
/// size at a random offset per sample (torchvision RandomCrop(size, padding)). Draws "top" and
/// "left": the crop's offset in the padded image, each in [0, 2 * padding].
class RandomCrop : public AugmentOperation
{
public:
    enum class PaddingMode
    {
        Zeros,
        Reflect
    };

    explicit RandomCrop(std::int64_t padding = 4, PaddingMode mode = PaddingMode::Zeros,
                        double probability = 1.0);

    std::string name() const override { return "random_crop"; }
    std::int64_t padding() const { return m_padding; }
    PaddingMode paddingMode() const { return m_mode; }

    void apply(at::Tensor &batch, const at::Tensor &applyMask, AugmentRandom &rng,
               std::vector<nlohmann::json> *drawn) const override;

protected:
    std::vector<std::string> parameterKeys() const override;
    nlohmann::json parameters() const override;
    void readParameters(const SpecReader &reader) override;

private:
    void check(const std::string &prefix) const;

    std::int64_t m_padding;
    PaddingMode m_mode;
};

} // namespace mf
