#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/compress/quantizedsequential.h"

#include <torch/torch.h>

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace mf {

/// Why one layer runs in int8 or stays in fp32, with what was measured.
struct QuantLayerDecision
{
    std::string layer;
    bool int8 = false;
    /// The whole model's forward time at the timing batch with this layer in int8 and in fp32
    /// (the other layers in int8), in milliseconds, timed in turns.
    double int8Millis = -1.0;
    double floatMillis = -1.0;
    /// Accuracy (0 to 1) with only this layer in int8; negative when not measured.
    double accuracyAlone = -1.0;
    std::string reason;
};

struct QuantPlannerOptions
{
    QuantMode mode = QuantMode::Static;
    ObserverKind observer = ObserverKind::MinMax;
    double percentile = 99.99;
    /// The most accuracy, in percentage points, that one layer in int8 alone may cost.
    double accuracyBudget = 0.5;
    /// Milliseconds of one forward pass of `model` on the timing batch. Unset: the median of
    /// timed passes after warm-up. Tests inject timings with it.
    std::function<double(QuantizedSequentialImpl &model)> timer;
    /// The accuracy (0 to 1) of a model given its forward and the layers it runs in int8 (none
    /// for the source); unset: no sensitivity is measured and only speed decides.
    std::function<double(const std::function<torch::Tensor(const torch::Tensor &)> &forward,
                         const std::set<std::string> &int8Layers)>
        accuracy;
};

struct QuantPlan
{
    QuantizedSequential model{nullptr};
    c10::QEngine engine = c10::QEngine::NoQEngine;
    /// Each offered engine's time for the model with every layer in int8, fastest first.
    std::vector<std::pair<std::string, double>> engineMillis;
    double floatMillis = -1.0; ///< the source model's forward time at the timing batch
    std::vector<QuantLayerDecision> layers;
};

/// Quantises `source` (a trained Sequential, in eval mode) to the fastest int8 plan this machine
/// measures, never promising a speed-up it did not measure:
/// 1. static mode calibrates on `calibration` (quantizableLayers, calibrate());
/// 2. the engine: every engine the build offers, timed with every layer in int8; the fastest is
///    selected (process-wide, as LibTorch's engine setting is) and used from then on;
/// 3. each layer: the model with that layer in fp32 and the rest in int8 takes turns with the
///    model all in int8 (measureLatencies()); a layer whose fp32 time is lower stays in fp32
///    ("slower in int8");
/// 4. with options.accuracy, each layer still in int8 is measured alone in int8; one that costs
///    more than options.accuracyBudget points stays in fp32.
/// Throws ConfigError for a model with no layer `mode` can quantise or a build with no engine.
QuantPlan planQuantization(const torch::nn::Sequential &source,
                           const std::vector<torch::Tensor> &calibration,
                           const torch::Tensor &timingBatch, const QuantPlannerOptions &options);

} // namespace mf
