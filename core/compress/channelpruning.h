#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// How a channel's (or neuron's) importance is measured: the L1 or L2 norm of the weights that
/// make it (a convolution's filter, a linear layer's row).
enum class ChannelNorm
{
    L1,
    L2
};

/// One layer's width before and after.
struct PrunedWidth
{
    std::string layer; ///< "conv1", "fc1"
    std::int64_t before = 0;
    std::int64_t after = 0;
};

/// A smaller network and the spec it is built from.
struct ChannelPruned
{
    nlohmann::json spec;         ///< the source spec with narrower "conv"/"fc" or "hidden"
    torch::nn::Sequential model; ///< built from `spec`, holding the kept weights
    std::vector<PrunedWidth> widths;
    /// For each pruned layer, the output channels it kept, ascending: what maskLike() zeroes
    /// the complement of.
    std::vector<std::vector<std::int64_t>> kept;
};

/// Structured pruning that really shrinks the network: removes `fraction` (rounded) of the
/// output channels of every convolution and of the neurons of every hidden linear layer of a
/// "cnn" or "mlp" built by buildModel(spec, inputShape, numClasses), those of smallest `norm`,
/// and rebuilds it narrower. The next layer loses the matching inputs (the first linear layer
/// after the convolutions loses every feature of a removed channel) and batch norm is sliced
/// likewise; the output layer keeps every class. The smaller network computes what the source
/// computes with the removed channels' outgoing weights set to zero.
///
/// Throws mf::ConfigError for a fraction outside [0, 1), a layer that would lose every channel
/// (named), or another model type (a resnet's residual additions tie the widths of its layers).
ChannelPruned pruneChannels(const torch::nn::Sequential &model, const nlohmann::json &spec,
                            const std::vector<std::int64_t> &inputShape, std::int64_t numClasses,
                            double fraction, ChannelNorm norm);

/// `model` (of `spec`) with the outgoing weights of the channels pruneChannels() removed set to
/// zero, in place: the reference its smaller network must reproduce.
void zeroRemovedChannels(torch::nn::Sequential &model, const ChannelPruned &pruned);

} // namespace mf
