#include "core/data/dataset.h"

#include "core/util/error.h"

namespace mf {

std::vector<std::int64_t> Dataset::sampleShape() const
{
    if (!inputs.defined() || inputs.dim() < 1)
        return {};
    const auto sizes = inputs.sizes();
    return std::vector<std::int64_t>(sizes.begin() + 1, sizes.end());
}

Dataset Dataset::subset(const torch::Tensor &indices) const
{
    const torch::Tensor rows = indices.to(torch::kInt64).reshape({-1});
    if (rows.numel() > 0) {
        const std::int64_t low = rows.min().item<std::int64_t>();
        const std::int64_t high = rows.max().item<std::int64_t>();
        if (low < 0 || high >= size())
            throw Error("subset index " + std::to_string(low < 0 ? low : high) +
                        " is outside a dataset of " + std::to_string(size()) + " samples");
    }
    Dataset part;
    part.kind = kind;
    part.inputs = inputs.defined() ? inputs.index_select(0, rows) : torch::Tensor();
    part.labels = labels.defined() ? labels.index_select(0, rows) : torch::Tensor();
    part.classNames = classNames;
    part.featureNames = featureNames;
    part.format = format;
    part.source = source;
    return part;
}

} // namespace mf
