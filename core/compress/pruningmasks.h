#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// Where magnitude pruning ranks the weights: within each layer (every layer loses the same
/// fraction) or across all layers at once (a layer of small weights loses more).
enum class PruningScope
{
    PerLayer,
    Global
};

/// How much of one weight tensor is pruned.
struct LayerSparsity
{
    std::string name;       ///< the parameter's name in the model: "conv1.weight"
    std::int64_t total = 0; ///< its elements
    std::int64_t zeros = 0; ///< of them, pruned (masked out)
    double sparsity() const { return total > 0 ? double(zeros) / double(total) : 0.0; }
};

/// L1 (magnitude) unstructured pruning of the weights of a model's convolution and linear layers
/// (every parameter named "weight" with two or more dimensions; biases and normalisation layers
/// are kept): a 0/1 mask per weight that zeroes the smallest-magnitude entries. The count pruned
/// is exactly round(sparsity x size), per layer or over all of them; among equal magnitudes the
/// earlier entry (in row-major order) goes first, so the masks are deterministic.
///
/// The masks are kept apart from the weights: apply() zeroes the masked entries again, and a
/// training that prunes calls it after every optimiser step, so that momentum or weight decay
/// never bring a pruned weight back.
class PruningMasks
{
public:
    /// Masks of `sparsity` in [0, 1) for `model`'s prunable weights; throws mf::ConfigError for a
    /// sparsity outside that range or a model with no prunable weight.
    static PruningMasks byMagnitude(torch::nn::Module &model, double sparsity, PruningScope scope);

    /// Multiplies each weight by its mask, without recording gradients.
    void apply() const;
    /// Each masked weight, in the model's order.
    std::vector<LayerSparsity> sparsity() const;
    /// Pruned over total, over every masked weight.
    double overallSparsity() const;
    /// The mask of the weight named `name` (float 0/1, its weight's shape); undefined if none.
    torch::Tensor mask(const std::string &name) const;

private:
    struct Entry
    {
        std::string name;
        torch::Tensor weight;
        torch::Tensor mask;
    };
    std::vector<Entry> m_entries;
};

} // namespace mf
