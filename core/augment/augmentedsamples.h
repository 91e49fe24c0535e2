#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/augment/augmentpipeline.h"
#include "core/data/dataset.h"
#include "core/data/datasetstats.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace mf {

/// What the samples drew: for each sample, one JSON object per operation applied to it.
using DrawnParams = std::vector<std::vector<nlohmann::json>>;

/// The one path from stored pixels to augmented pixels. The trainer's batches (BatchSource) and
/// the Augment page's preview both go through it, so a preview tile is bitwise the sample the
/// trainer feeds for the same (seed, epoch, sample index) on the same device.
/// images: uint8 [n, C, H, W] on any device; sampleIndices: integer [n], each image's index in
/// the training part of its dataset as loaded (before any validation split). Returns float32
/// [n, C, H, W] on the images' device: pixels on the [0, 1] scale, normalised where the pipeline
/// has a normalize step. Throws mf::Error for a bad batch and mf::ConfigError "operations[i]: ..."
/// for a step these images do not suit.
torch::Tensor augmentImages(const torch::Tensor &images, const torch::Tensor &sampleIndices,
                            const AugmentPipeline &pipeline, std::uint64_t seed, int epoch,
                            DrawnParams *drawn = nullptr);

/// Samples `indices` (integer [n]) of `dataset`, the training part of an image dataset as loaded
/// (row i is sample i), through augmentImages(). Throws mf::ConfigError for a table dataset or
/// an index outside the dataset.
torch::Tensor augmentedSamples(const Dataset &dataset, const torch::Tensor &indices,
                               const AugmentPipeline &pipeline, std::uint64_t seed, int epoch,
                               DrawnParams *drawn = nullptr);

/// The per-channel (x - mean) / std that the enabled normalize steps of `pipeline` amount to
/// (several compose into one), for images of `channels` channels; nullopt when it has none.
/// Throws mf::ConfigError "operations[i]: ..." when a step's values do not fit `channels`.
std::optional<ChannelStats> pipelineNormalization(const AugmentPipeline &pipeline,
                                                  std::int64_t channels);

} // namespace mf
