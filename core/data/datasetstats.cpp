#include "core/data/datasetstats.h"

#include "core/data/dataset.h"
#include "core/util/error.h"

#include <array>
#include <cmath>

namespace mf {

namespace {

constexpr std::int64_t kChunkRows = 4096;

/// uint8 images: a 256-bin histogram per channel gives exact sums with no floating point
/// accumulation over millions of pixels.
ChannelStats byteImageStats(const torch::Tensor &images)
{
    const torch::Tensor data = images.contiguous();
    const std::int64_t count = data.size(0), channels = data.size(1);
    const std::int64_t plane = data.numel() / std::max<std::int64_t>(count * channels, 1);
    std::vector<std::array<std::int64_t, 256>> histograms(static_cast<std::size_t>(channels));
    for (auto &histogram : histograms)
        histogram.fill(0);
    const std::uint8_t *bytes = data.data_ptr<std::uint8_t>();
    for (std::int64_t i = 0; i < count; ++i)
        for (std::int64_t c = 0; c < channels; ++c) {
            auto &histogram = histograms[static_cast<std::size_t>(c)];
            const std::uint8_t *p = bytes + (i * channels + c) * plane;
            for (std::int64_t k = 0; k < plane; ++k)
                ++histogram[p[k]];
        }
    ChannelStats stats;
    for (const auto &histogram : histograms) {
        double n = 0.0, sum = 0.0;
        for (int v = 0; v < 256; ++v) {
            n += static_cast<double>(histogram[v]);
            sum += static_cast<double>(histogram[v]) * (v / 255.0);
        }
        const double mean = n > 0 ? sum / n : 0.0;
        double squares = 0.0;
        for (int v = 0; v < 256; ++v)
            squares += static_cast<double>(histogram[v]) * std::pow(v / 255.0 - mean, 2);
        stats.mean.push_back(mean);
        stats.std.push_back(n > 0 ? std::sqrt(squares / n) : 0.0);
    }
    return stats;
}

/// Any other layout: values of column/channel dimension 1, in float64 chunks of rows, two
/// passes (mean, then squared deviations) so large offsets do not cancel.
ChannelStats chunkedStats(const torch::Tensor &inputs, double scale)
{
    const std::int64_t count = inputs.size(0), channels = inputs.size(1);
    const auto rowsOf = [&](std::int64_t start) {
        const std::int64_t length = std::min(kChunkRows, count - start);
        // [rows, channels, rest] -> per channel sums over rows and rest.
        return inputs.narrow(0, start, length).to(torch::kFloat64).reshape({length, channels, -1}) *
               scale;
    };
    torch::Tensor sum = torch::zeros({channels}, torch::kFloat64);
    double perChannel = 0.0;
    for (std::int64_t start = 0; start < count; start += kChunkRows) {
        const torch::Tensor chunk = rowsOf(start);
        sum += chunk.sum(torch::IntArrayRef{0, 2});
        perChannel += static_cast<double>(chunk.size(0) * chunk.size(2));
    }
    const torch::Tensor mean = perChannel > 0 ? sum / perChannel : sum;
    torch::Tensor squares = torch::zeros({channels}, torch::kFloat64);
    for (std::int64_t start = 0; start < count; start += kChunkRows)
        squares +=
            (rowsOf(start) - mean.view({1, channels, 1})).pow(2).sum(torch::IntArrayRef{0, 2});
    const torch::Tensor deviation = perChannel > 0 ? (squares / perChannel).sqrt() : squares;
    ChannelStats stats;
    for (std::int64_t c = 0; c < channels; ++c) {
        stats.mean.push_back(mean[c].item<double>());
        stats.std.push_back(deviation[c].item<double>());
    }
    return stats;
}

} // namespace

ChannelStats computeChannelStats(const Dataset &dataset)
{
    const torch::Tensor &inputs = dataset.inputs;
    if (!inputs.defined() || inputs.dim() < 2)
        return {};
    if (dataset.kind == DatasetKind::Image && inputs.scalar_type() == torch::kUInt8)
        return byteImageStats(inputs);
    return chunkedStats(inputs, dataset.kind == DatasetKind::Image ? 1.0 / 255.0 : 1.0);
}

std::vector<std::int64_t> classCounts(const Dataset &dataset)
{
    std::vector<std::int64_t> counts(static_cast<std::size_t>(dataset.numClasses()), 0);
    if (dataset.size() == 0)
        return counts;
    const torch::Tensor labels = dataset.labels.to(torch::kInt64).contiguous();
    const std::int64_t *values = labels.data_ptr<std::int64_t>();
    for (std::int64_t i = 0; i < labels.numel(); ++i) {
        if (values[i] < 0 || values[i] >= dataset.numClasses())
            throw Error("label " + std::to_string(values[i]) + " of sample " + std::to_string(i) +
                        " is outside the " + std::to_string(dataset.numClasses()) + " classes of " +
                        dataset.source);
        ++counts[static_cast<std::size_t>(values[i])];
    }
    return counts;
}

} // namespace mf
