#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/data/dataset.h"
#include "core/data/datasetstats.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>

namespace mf {

class AugmentPipeline;

/// Converts raw dataset inputs to the float tensor a model takes: uint8 images are scaled to
/// [0, 1]; then, when `stats` holds values, each channel (images) or feature (tables) becomes
/// (x - mean) / std. A zero std divides by 1. Throws mf::ConfigError when `stats` does not
/// match the number of channels or features. Text token ids are passed on as int64, untouched.
torch::Tensor toModelInput(const torch::Tensor &raw, DatasetKind kind, const ChannelStats &stats);

/// "Augmentation applies to image datasets; <source> is a table" (or "a text dataset").
std::string notAnImageDataset(const Dataset &dataset);

/// How a training source augments its batches.
struct BatchAugmentation
{
    std::shared_ptr<const AugmentPipeline> pipeline;
    /// Integer [N]: row r's index in the training part of the dataset as loaded, the index the
    /// pipeline draws by; undefined: row r is sample r.
    torch::Tensor sampleIndices;
    std::uint64_t seed = 0; ///< the run seed
};

/// A seed for one purpose (`stream`) of one epoch, derived from the run seed (splitmix64), so
/// that epoch e's randomness does not depend on what earlier epochs drew.
std::uint64_t epochSeed(std::uint64_t seed, int epoch, std::uint64_t stream);

/// A dataset converted once to model input on a device, cut into batches by index_select.
/// Converting up front costs 4 bytes per input value (Fashion-MNIST: 188 MB) and removes every
/// per-batch conversion and per-sample copy from the training loop.
///
/// With an augmentation pipeline the source keeps the uint8 images on the device instead and
/// converts each shuffled batch through augmentImages() (core/augment/augmentedsamples.h), the
/// function the Augment page's preview calls too; `stats` are then applied after the pipeline
/// only when the pipeline has no normalize step of its own.
class BatchSource
{
public:
    struct Batch
    {
        torch::Tensor inputs; ///< float [B, ...]; int64 [B, L] for text
        torch::Tensor labels; ///< int64 [B]
    };

    BatchSource(const Dataset &dataset, const ChannelStats &stats, torch::Device device);
    /// An image source whose shuffled batches are augmented. Throws mf::ConfigError for a table
    /// dataset, sample indices that do not fit, or a pipeline whose normalize step does not fit
    /// the images' channels.
    BatchSource(const Dataset &dataset, const ChannelStats &stats, torch::Device device,
                BatchAugmentation augmentation);
    ~BatchSource();

    std::int64_t size() const { return m_labels.defined() ? m_labels.size(0) : 0; }
    /// Batches per pass with the last one partial: ceil(size / batchSize).
    std::int64_t batchCount(std::int64_t batchSize) const;

    /// The shuffled sample order of `epoch` (int64 on this source's device); a function of
    /// (seed, epoch) only.
    torch::Tensor epochOrder(std::uint64_t seed, int epoch) const;

    bool augments() const { return m_augmentation.pipeline != nullptr; }

    /// Batch `index` of the pass that visits samples in `order`; an augmenting source draws its
    /// augmentation for `epoch` (counted from 1, as the trainer does).
    Batch batch(const torch::Tensor &order, std::int64_t index, std::int64_t batchSize,
                int epoch) const;
    /// Batch `index` of the pass in stored order, never augmented (a view, no copy, unless the
    /// source augments: then converted from the stored images).
    Batch batch(std::int64_t index, std::int64_t batchSize) const;

private:
    void convertAll(const Dataset &dataset, torch::Device device);

    torch::Tensor m_inputs; ///< model input; without augmentation only
    torch::Tensor m_images; ///< uint8 images on the device; with augmentation only
    torch::Tensor m_labels;
    DatasetKind m_kind = DatasetKind::Image;
    ChannelStats m_stats;
    BatchAugmentation m_augmentation; ///< sampleIndices: int64 on the CPU
    bool m_pipelineNormalizes = false;
};

} // namespace mf
