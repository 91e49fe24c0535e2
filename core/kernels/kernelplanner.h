#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/kernels/kernelchooser.h"
#include "core/kernels/kernelplan.h"
#include "core/train/trainevents.h"

#include <torch/torch.h>

#include <functional>
#include <string>

namespace mf {

/// How a Trainer chooses its kernels.
struct KernelPlannerOptions
{
    /// The decisions file (Workspace::kernelCachePath()); empty: measure every run.
    std::string cachePath;
    KernelRounds rounds;
    /// Replaces the measurement of one forward+backward of `candidate` for `op` ("layout",
    /// "conv1", "pool2"), in milliseconds; tests inject timings with it. Unset: the planner
    /// times copies of the model.
    std::function<double(const std::string &op, const std::string &candidate)> timer;
};

/// A run's optimiser, for the planner to choose its step kernel (PlannedStep), and how to make
/// another of its kind over other parameters: only such copies are timed.
struct OptimizerUnderPlan
{
    torch::optim::Optimizer *optimizer = nullptr; ///< null: no step to plan
    std::function<std::unique_ptr<torch::optim::Optimizer>(std::vector<torch::Tensor>)> makeCopy;
    std::string workload; ///< names it in the cache key: "adam"
};

struct KernelPlan
{
    KernelChoice choice;
    TensorLayout layout = TensorLayout::Nchw;
};

/// Chooses, by measurement on this machine, how `model` trains on batches like `inputs`, and
/// puts it in that plan:
/// 1. the layout (layoutCandidates): one forward and backward pass of the whole model in each,
///    each with the layer kernels that are fastest in it (2.);
/// 2. each layer with more than one kernel (plannableLayers), in a layout: a forward and
///    backward pass of that layer alone on the input it gets in the model;
/// 3. then `optimizer`'s step (optimizerKernels), over copies of the model's parameters.
/// Each decision is the fastest candidate's (KernelChooser: warm-up, then the median of rounds
/// that alternate between candidates), or one an earlier run on this processor, dispatch level,
/// LibTorch, device, thread count and shape measured (options.cachePath).
///
/// Only copies are timed, made by `makeCopy` (a model of the same spec; its weights do not
/// matter to the timing): `model`'s weights, gradients, statistics and dropout generator stay
/// as they were. `workload` names the model (its spec) in the cache key of the layout decision;
/// `loss` turns logits into the loss to differentiate.
KernelPlan planKernels(torch::nn::Sequential &model,
                       const std::function<torch::nn::Sequential()> &makeCopy,
                       const std::string &workload, const torch::Tensor &inputs,
                       const std::function<torch::Tensor(const torch::Tensor &)> &loss,
                       torch::Device device, const KernelPlannerOptions &options,
                       const OptimizerUnderPlan &optimizer = {});

} // namespace mf
