#pragma once
// Builds the networks that core/models/modelspec.h describes.

#include "core/models/modelspec.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// What a network's last layer predicts.
enum class ModelHead
{
    /// Class logits [batch, numClasses] (layer "out").
    Classes,
    /// Logits over the vocabulary for every token, [batch, seq_len, numClasses] (layer
    /// "token_head" after a per-token encoder): token-level pre-training of the recurrent and
    /// transformer text types (core/train/pretraining.h); numClasses is the vocabulary size.
    /// The encoder's parameters are named as in the Classes network, so a classifier can start
    /// from them.
    Tokens
};

/// Builds the network a JSON spec describes for samples of `inputShape` ({C,H,W} or {F}; for a
/// text type, isTextModelType(), {seq_len} of token ids: see modelspec.h) and `numClasses`
/// outputs (logits). Uses the current torch RNG for initialisation.
torch::nn::Sequential buildModel(const nlohmann::json &spec,
                                 const std::vector<std::int64_t> &inputShape,
                                 std::int64_t numClasses, ModelHead head = ModelHead::Classes);

/// The same network, initialised as if torch::manual_seed(seed) had been called just before
/// (on the CPU), without changing torch's process-wide generator for other threads: what a
/// run and an evaluation use.
torch::nn::Sequential buildModel(const nlohmann::json &spec,
                                 const std::vector<std::int64_t> &inputShape,
                                 std::int64_t numClasses, std::uint64_t seed,
                                 ModelHead head = ModelHead::Classes);

/// Number of scalar parameters (trainable or not) in `module` and its children.
std::int64_t parameterCount(const torch::nn::Module &module);

} // namespace mf
