#include "core/augment/augmentedsamples.h"

#include "core/augment/normalize.h"
#include "core/util/error.h"

#include <string>

namespace mf {

namespace {

/// `values` (one, or one per channel) widened to `channels` entries.
std::vector<double> perChannel(const std::vector<double> &values, std::int64_t channels,
                               std::size_t step, const char *key)
{
    const auto count = static_cast<std::int64_t>(values.size());
    if (count == channels)
        return values;
    if (count != 1)
        throw ConfigError("operations[" + std::to_string(step) + "]." + key + ": has " +
                          std::to_string(count) + " values but the images have " +
                          std::to_string(channels) + (channels == 1 ? " channel" : " channels"));
    return std::vector<double>(static_cast<std::size_t>(channels), values.front());
}

} // namespace

torch::Tensor augmentImages(const torch::Tensor &images, const torch::Tensor &sampleIndices,
                            const AugmentPipeline &pipeline, std::uint64_t seed, int epoch,
                            DrawnParams *drawn)
{
    if (!images.defined() || images.scalar_type() != torch::kByte)
        throw Error("augmented samples are drawn from stored uint8 images");
    return pipeline.apply(images, seed, epoch, sampleIndices, drawn);
}

torch::Tensor augmentedSamples(const Dataset &dataset, const torch::Tensor &indices,
                               const AugmentPipeline &pipeline, std::uint64_t seed, int epoch,
                               DrawnParams *drawn)
{
    if (dataset.kind != DatasetKind::Image)
        throw ConfigError("augmentation applies to image datasets, not to tables");
    if (!indices.defined() || indices.dim() != 1 || indices.is_floating_point() ||
        indices.scalar_type() == torch::kBool)
        throw ConfigError("sample indices must be a one-dimensional integer tensor");
    if (!dataset.inputs.defined())
        throw ConfigError("the dataset holds no images");
    const torch::Tensor rows = indices.to(torch::kCPU, torch::kLong);
    if (rows.numel() > 0) {
        const std::int64_t lowest = rows.min().item<std::int64_t>();
        const std::int64_t highest = rows.max().item<std::int64_t>();
        if (lowest < 0 || highest >= dataset.size())
            throw ConfigError("sample index " + std::to_string(lowest < 0 ? lowest : highest) +
                              " is outside the dataset's " + std::to_string(dataset.size()) +
                              " samples");
    }
    const torch::Tensor images = dataset.inputs.index_select(0, rows.to(dataset.inputs.device()));
    return augmentImages(images, rows, pipeline, seed, epoch, drawn);
}

std::optional<ChannelStats> pipelineNormalization(const AugmentPipeline &pipeline,
                                                  std::int64_t channels)
{
    std::optional<ChannelStats> total;
    const std::vector<AugmentOp> &ops = pipeline.ops();
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const auto *step = dynamic_cast<const Normalize *>(ops[i].operation.get());
        if (!ops[i].enabled || step == nullptr)
            continue;
        const std::vector<double> mean = perChannel(step->mean(), channels, i, "mean");
        const std::vector<double> stdDev = perChannel(step->stdDev(), channels, i, "std");
        if (!total)
            total = ChannelStats{std::vector<double>(mean.size(), 0.0),
                                 std::vector<double>(stdDev.size(), 1.0)};
        // ((x - M) / S - m) / s = (x - (M + m S)) / (S s)
        for (std::size_t c = 0; c < mean.size(); ++c) {
            total->mean[c] += mean[c] * total->std[c];
            total->std[c] *= stdDev[c];
        }
    }
    return total;
}

} // namespace mf
