#pragma once

#include "core/augment/augmentoperation.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mf {

/// One step of a pipeline: an operation and whether it runs.
struct AugmentOp
{
    std::shared_ptr<const AugmentOperation> operation;
    bool enabled = true;
};

/// An ordered list of augmentation operations, applied to whole batches on the batch's device.
/// Every random draw is a pure function of (seed, epoch, sample index, operation index), so a
/// sample comes out the same in a training batch of 256 and alone in a preview tile.
/// Threading: const members may run on several threads at once (operations are immutable).
///
/// JSON: {"operations": [{"op": "random_crop", "enabled": true, "probability": 1,
///        "padding": 4, "padding_mode": "zeros"}, ...]}; see each operation for its keys.
class AugmentPipeline
{
public:
    AugmentPipeline() = default;
    explicit AugmentPipeline(std::vector<AugmentOp> ops);

    void add(std::shared_ptr<const AugmentOperation> operation, bool enabled = true);
    const std::vector<AugmentOp> &ops() const { return m_ops; }
    std::vector<AugmentOp> &ops() { return m_ops; }

    nlohmann::json toJson() const;
    /// Unknown operations, unknown keys and bad values throw mf::ConfigError naming the key,
    /// e.g. "operations[2].padding: ..."; `prefix` is put before every key.
    static AugmentPipeline fromJson(const nlohmann::json &json, const std::string &prefix = {});

    /// images: uint8 (0..255) or floating point ([0, 1] scale) [N, C, H, W] on any device;
    /// sampleIndices: integer [N], the dataset index of each image. Returns float32
    /// [N, C, H, W] on the images' device. drawnPerSample, when given, receives for each sample
    /// one JSON object per operation applied to it: {"op", "index", drawn parameters...}.
    /// A bad batch throws mf::Error; an operation that cannot handle these images throws
    /// mf::ConfigError starting "operations[i]: ".
    at::Tensor apply(const at::Tensor &images, std::uint64_t seed, int epoch,
                     const at::Tensor &sampleIndices,
                     std::vector<std::vector<nlohmann::json>> *drawnPerSample = nullptr) const;

private:
    std::vector<AugmentOp> m_ops;
};

} // namespace mf
