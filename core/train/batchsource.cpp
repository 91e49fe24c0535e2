#include "core/train/batchsource.h"

#include "core/augment/augmentedsamples.h"
#include "core/util/error.h"

namespace mf {

namespace {

constexpr std::uint64_t kShuffleStream = 1;

std::uint64_t splitmix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

torch::Tensor statsTensor(const std::vector<double> &values, std::int64_t dims, bool divisor)
{
    std::vector<float> floats;
    floats.reserve(values.size());
    for (double v : values)
        floats.push_back(divisor && !(v > 0.0) ? 1.0f : static_cast<float>(v));
    // Shape {1, C, 1, 1} for images, {1, F} for tables, so it broadcasts over the batch.
    std::vector<std::int64_t> shape(static_cast<std::size_t>(dims), 1);
    shape[1] = static_cast<std::int64_t>(floats.size());
    return torch::tensor(floats, torch::kFloat32).reshape(shape);
}

/// (x - mean) / std per channel or feature of the float tensor `x`; in place when `owned`.
torch::Tensor normalizedWith(const torch::Tensor &x, bool owned, DatasetKind kind,
                             const ChannelStats &stats)
{
    if (stats.mean.empty() && stats.std.empty())
        return x;
    const std::int64_t features = x.dim() >= 2 ? x.size(1) : 0;
    if (stats.mean.size() != stats.std.size() ||
        static_cast<std::int64_t>(stats.mean.size()) != features)
        throw ConfigError("Normalisation statistics hold " + std::to_string(stats.mean.size()) +
                          " means and " + std::to_string(stats.std.size()) +
                          " deviations but the inputs have " + std::to_string(features) +
                          (kind == DatasetKind::Image ? " channels" : " features"));
    const torch::Tensor mean = statsTensor(stats.mean, x.dim(), false).to(x.device());
    const torch::Tensor std = statsTensor(stats.std, x.dim(), true).to(x.device());
    if (!owned)
        return (x - mean) / std;
    return x.sub_(mean).div_(std);
}

} // namespace

torch::Tensor toModelInput(const torch::Tensor &raw, DatasetKind kind, const ChannelStats &stats)
{
    if (kind == DatasetKind::Text)
        return raw.to(torch::kInt64);
    torch::Tensor x = raw.to(torch::kFloat32);
    if (kind == DatasetKind::Image)
        x = x.is_same(raw) ? x.div(255.0) : x.div_(255.0);
    return normalizedWith(x, !x.is_same(raw), kind, stats);
}

std::string notAnImageDataset(const Dataset &dataset)
{
    return "Augmentation applies to image datasets; " +
           (dataset.source.empty() ? std::string("this dataset") : dataset.source) + " is " +
           (dataset.kind == DatasetKind::Text ? "a text dataset" : "a table");
}

std::uint64_t epochSeed(std::uint64_t seed, int epoch, std::uint64_t stream)
{
    return splitmix64(splitmix64(seed ^ (stream << 56)) + static_cast<std::uint64_t>(epoch));
}

BatchSource::BatchSource(const Dataset &dataset, const ChannelStats &stats, torch::Device device)
    : m_kind(dataset.kind), m_stats(stats)
{
    convertAll(dataset, device);
}

BatchSource::BatchSource(const Dataset &dataset, const ChannelStats &stats, torch::Device device,
                         BatchAugmentation augmentation)
    : m_kind(dataset.kind), m_stats(stats), m_augmentation(std::move(augmentation))
{
    if (!m_augmentation.pipeline) {
        convertAll(dataset, device);
        return;
    }
    if (dataset.kind != DatasetKind::Image)
        throw ConfigError(notAnImageDataset(dataset));
    const std::int64_t count = dataset.size();
    torch::Tensor &indices = m_augmentation.sampleIndices;
    if (!indices.defined())
        indices = torch::arange(count, torch::TensorOptions(torch::kInt64));
    if (indices.dim() != 1 || indices.size(0) != count || indices.is_floating_point() ||
        indices.scalar_type() == torch::kBool)
        throw ConfigError("Augmentation needs one integer sample index per training sample (" +
                          std::to_string(count) + ")");
    indices = indices.to(torch::kCPU, torch::kInt64).contiguous();
    const std::int64_t channels = count > 0 ? dataset.inputs.size(1) : 0;
    m_pipelineNormalizes =
        count > 0 && pipelineNormalization(*m_augmentation.pipeline, channels).has_value();
    m_images = count > 0 ? dataset.inputs.to(device).contiguous()
                         : torch::empty({0}, torch::TensorOptions(torch::kUInt8).device(device));
    m_labels = count > 0 ? dataset.labels.to(device, torch::kInt64).contiguous()
                         : torch::empty({0}, torch::TensorOptions(torch::kInt64).device(device));
}

BatchSource::~BatchSource() = default;

void BatchSource::convertAll(const Dataset &dataset, torch::Device device)
{
    if (dataset.size() == 0) {
        m_inputs = torch::empty({0}, torch::TensorOptions(torch::kFloat32).device(device));
        m_labels = torch::empty({0}, torch::TensorOptions(torch::kInt64).device(device));
        return;
    }
    // Move the compact raw form to the device first, then widen it there.
    m_inputs = toModelInput(dataset.inputs.to(device), dataset.kind, m_stats).contiguous();
    m_labels = dataset.labels.to(device, torch::kInt64).contiguous();
}

std::int64_t BatchSource::batchCount(std::int64_t batchSize) const
{
    return batchSize <= 0 ? 0 : (size() + batchSize - 1) / batchSize;
}

torch::Tensor BatchSource::epochOrder(std::uint64_t seed, int epoch) const
{
    auto generator = at::detail::createCPUGenerator(epochSeed(seed, epoch, kShuffleStream));
    return torch::randperm(size(), generator, torch::TensorOptions(torch::kInt64))
        .to(m_labels.device());
}

BatchSource::Batch BatchSource::batch(const torch::Tensor &order, std::int64_t index,
                                      std::int64_t batchSize, int epoch) const
{
    const std::int64_t begin = index * batchSize;
    // The order may be a data-parallel rank's shard, shorter than the dataset.
    const std::int64_t length = std::min(batchSize, order.size(0) - begin);
    const torch::Tensor picked = order.narrow(0, begin, length);
    if (!augments())
        return {m_inputs.index_select(0, picked), m_labels.index_select(0, picked)};
    const torch::Tensor sampleIndices =
        m_augmentation.sampleIndices.index_select(0, picked.to(torch::kCPU));
    torch::Tensor inputs = augmentImages(m_images.index_select(0, picked), sampleIndices,
                                         *m_augmentation.pipeline, m_augmentation.seed, epoch);
    if (!m_pipelineNormalizes)
        inputs = normalizedWith(inputs, true, m_kind, m_stats);
    return {inputs, m_labels.index_select(0, picked)};
}

BatchSource::Batch BatchSource::batch(std::int64_t index, std::int64_t batchSize) const
{
    const std::int64_t begin = index * batchSize;
    const std::int64_t length = std::min(batchSize, size() - begin);
    if (augments())
        return {toModelInput(m_images.narrow(0, begin, length), m_kind, m_stats),
                m_labels.narrow(0, begin, length)};
    return {m_inputs.narrow(0, begin, length), m_labels.narrow(0, begin, length)};
}

} // namespace mf
