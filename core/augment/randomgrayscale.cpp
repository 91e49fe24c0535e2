#include "core/augment/randomgrayscale.h"

#include "core/augment/colorspace.h"

namespace mf {

RandomGrayscale::RandomGrayscale(double probability) : AugmentOperation(probability) {}

void RandomGrayscale::apply(torch::Tensor &batch, const torch::Tensor &applyMask,
                            AugmentRandom &rng, std::vector<nlohmann::json> *drawn) const
{
    const bool rgb = requireGrayOrRgb(batch, name());
    const std::vector<std::int64_t> rows = selectedRows(applyMask);
    for (std::int64_t row : rows)
        record(drawn, row, nlohmann::json::object());
    if (rgb)
        transformRows(batch, rows, [](const torch::Tensor &images) {
            return images.copy_(rgbToGray(images).expand_as(images));
        });
}

} // namespace mf
