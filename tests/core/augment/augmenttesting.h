#pragma once
// Helpers shared by the augmentation tests.

#include "core/augment/augmentpipeline.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace mf::augmenttest {

using Drawn = std::vector<std::vector<nlohmann::json>>;

/// Runs `operation` as the only step of a pipeline over `images`, sample indices 0..N-1.
inline torch::Tensor runAlone(std::shared_ptr<const AugmentOperation> operation,
                              const torch::Tensor &images, std::uint64_t seed,
                              Drawn *drawn = nullptr)
{
    AugmentPipeline pipeline;
    pipeline.add(std::move(operation));
    return pipeline.apply(images, seed, 0, torch::arange(images.size(0)), drawn);
}

/// A float tensor of `shape` holding `values` in row-major order.
inline torch::Tensor image(const std::vector<float> &values, std::vector<std::int64_t> shape)
{
    return torch::tensor(values, torch::kFloat).view(shape).clone();
}

inline double maxDifference(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

/// Runs `operation` over `images` with seeds 0, 1, ... until the parameters drawn for sample 0
/// satisfy `accept`; returns the output and sets `params`, or an undefined tensor after 2000
/// seeds.
inline torch::Tensor runUntil(std::shared_ptr<const AugmentOperation> operation,
                              const torch::Tensor &images,
                              const std::function<bool(const nlohmann::json &)> &accept,
                              nlohmann::json &params)
{
    for (std::uint64_t seed = 0; seed < 2000; ++seed) {
        Drawn drawn;
        const torch::Tensor out = runAlone(operation, images, seed, &drawn);
        if (!drawn[0].empty() && accept(drawn[0][0])) {
            params = drawn[0][0];
            return out;
        }
    }
    return {};
}

} // namespace mf::augmenttest
