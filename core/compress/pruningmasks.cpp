#include "core/compress/pruningmasks.h"

#include "core/util/error.h"

#include <cmath>

namespace mf {

namespace {

/// The entries of `magnitudes` (1-D) to prune: the `count` smallest, earlier first among equals.
torch::Tensor smallestIndices(const torch::Tensor &magnitudes, std::int64_t count)
{
    const torch::Tensor order =
        std::get<1>(torch::sort(magnitudes, /*stable=*/true, /*dim=*/0, /*descending=*/false));
    return order.slice(0, 0, count);
}

/// A mask of `flat`'s 0/1 values in row-major order, with the shape and strides of `weight`
/// (a channels-last convolution keeps its layout).
torch::Tensor maskLike(const torch::Tensor &weight, const torch::Tensor &flat)
{
    return torch::empty_like(weight).copy_(flat.view(weight.sizes()));
}

/// A 0/1 vector as long as `magnitudes` with round(sparsity x size) zeros at the smallest.
torch::Tensor flatMask(const torch::Tensor &magnitudes, double sparsity)
{
    const auto count = std::llround(sparsity * static_cast<double>(magnitudes.numel()));
    return torch::ones_like(magnitudes).index_fill_(0, smallestIndices(magnitudes, count), 0.0);
}

} // namespace

PruningMasks PruningMasks::byMagnitude(torch::nn::Module &model, double sparsity,
                                       PruningScope scope)
{
    if (!(sparsity >= 0.0 && sparsity < 1.0))
        throw ConfigError("pruning sparsity " + std::to_string(sparsity) +
                          ": it must be at least 0 and less than 1 (1 would remove every weight)");
    PruningMasks masks;
    for (const auto &item : model.named_parameters()) {
        const std::string &name = item.key();
        const std::string suffix = ".weight";
        const bool isWeight = name == "weight" || (name.size() > suffix.size() &&
                                                   name.compare(name.size() - suffix.size(),
                                                                suffix.size(), suffix) == 0);
        if (isWeight && item.value().dim() >= 2)
            masks.m_entries.push_back({name, item.value(), torch::ones_like(item.value())});
    }
    if (masks.m_entries.empty())
        throw ConfigError("the model has no convolution or linear weight to prune");

    torch::NoGradGuard noGrad;
    if (scope == PruningScope::PerLayer) {
        for (Entry &entry : masks.m_entries)
            entry.mask =
                maskLike(entry.weight, flatMask(entry.weight.detach().abs().flatten(), sparsity));
    } else {
        std::vector<torch::Tensor> all;
        for (const Entry &entry : masks.m_entries)
            all.push_back(entry.weight.detach().abs().flatten());
        const torch::Tensor mask = flatMask(torch::cat(all), sparsity);
        std::int64_t offset = 0;
        for (Entry &entry : masks.m_entries) {
            const std::int64_t size = entry.weight.numel();
            entry.mask = maskLike(entry.weight, mask.slice(0, offset, offset + size));
            offset += size;
        }
    }
    masks.apply();
    return masks;
}

void PruningMasks::apply() const
{
    torch::NoGradGuard noGrad;
    for (const Entry &entry : m_entries)
        entry.weight.mul_(entry.mask);
}

std::vector<LayerSparsity> PruningMasks::sparsity() const
{
    std::vector<LayerSparsity> layers;
    for (const Entry &entry : m_entries) {
        const std::int64_t total = entry.mask.numel();
        const std::int64_t kept = std::llround(entry.mask.sum().item<double>());
        layers.push_back({entry.name, total, total - kept});
    }
    return layers;
}

double PruningMasks::overallSparsity() const
{
    std::int64_t total = 0;
    std::int64_t zeros = 0;
    for (const LayerSparsity &layer : sparsity()) {
        total += layer.total;
        zeros += layer.zeros;
    }
    return total > 0 ? double(zeros) / double(total) : 0.0;
}

torch::Tensor PruningMasks::mask(const std::string &name) const
{
    for (const Entry &entry : m_entries)
        if (entry.name == name)
            return entry.mask;
    return {};
}

} // namespace mf
