#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <cstdint>
#include <functional>

namespace mf {

/// What a compression run (core/compress) changes in a Trainer's training; each is optional.
struct TrainingHooks
{
    /// Called once on the model as built, on the run's device, before the optimiser sees it:
    /// puts a source run's (or a pruned network's) weights in, or sets up pruning masks.
    std::function<void(torch::nn::Sequential &model)> initialize;
    /// The loss of a batch instead of the config's: `inputs` as the model got them, its
    /// `logits` and the `labels` (knowledge distillation). Validation keeps the config's loss.
    std::function<torch::Tensor(const torch::Tensor &inputs, const torch::Tensor &logits,
                                const torch::Tensor &labels)>
        loss;
    /// After every optimiser step, with the steps taken so far (pruning masks are applied again
    /// here, so that momentum or weight decay cannot bring a pruned weight back).
    std::function<void(std::int64_t stepsTaken)> afterStep;
};

} // namespace mf
