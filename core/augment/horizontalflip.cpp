#include "core/augment/horizontalflip.h"

#include <torch/torch.h>

namespace mf {

HorizontalFlip::HorizontalFlip(double probability) : AugmentOperation(probability) {}

void HorizontalFlip::apply(torch::Tensor &batch, const torch::Tensor &applyMask, AugmentRandom &rng,
                           std::vector<nlohmann::json> *drawn) const
{
    const std::vector<std::int64_t> rows = selectedRows(applyMask);
    for (std::int64_t row : rows)
        record(drawn, row, nlohmann::json::object());
    transformRows(batch, rows, [](const torch::Tensor &images) { return images.flip({3}); });
}

} // namespace mf
