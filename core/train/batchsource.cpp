#include "core/train/batchsource.h"

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

} // namespace

torch::Tensor toModelInput(const torch::Tensor &raw, DatasetKind kind, const ChannelStats &stats)
{
    torch::Tensor x = raw.to(torch::kFloat32);
    if (kind == DatasetKind::Image)
        x = x.is_same(raw) ? x.div(255.0) : x.div_(255.0);
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
    if (x.is_same(raw))
        return (x - mean) / std;
    return x.sub_(mean).div_(std);
}

std::uint64_t epochSeed(std::uint64_t seed, int epoch, std::uint64_t stream)
{
    return splitmix64(splitmix64(seed ^ (stream << 56)) + static_cast<std::uint64_t>(epoch));
}

BatchSource::BatchSource(const Dataset &dataset, const ChannelStats &stats, torch::Device device)
{
    if (dataset.size() == 0) {
        m_inputs = torch::empty({0}, torch::TensorOptions(torch::kFloat32).device(device));
        m_labels = torch::empty({0}, torch::TensorOptions(torch::kInt64).device(device));
        return;
    }
    // Move the compact raw form to the device first, then widen it there.
    m_inputs = toModelInput(dataset.inputs.to(device), dataset.kind, stats).contiguous();
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
                                      std::int64_t batchSize) const
{
    const std::int64_t begin = index * batchSize;
    const std::int64_t length = std::min(batchSize, size() - begin);
    const torch::Tensor picked = order.narrow(0, begin, length);
    return {m_inputs.index_select(0, picked), m_labels.index_select(0, picked)};
}

BatchSource::Batch BatchSource::batch(std::int64_t index, std::int64_t batchSize) const
{
    const std::int64_t begin = index * batchSize;
    const std::int64_t length = std::min(batchSize, size() - begin);
    return {m_inputs.narrow(0, begin, length), m_labels.narrow(0, begin, length)};
}

} // namespace mf
