#include "core/augment/randomresizedcrop.h"

#include "core/augment/augmentrandom.h"
#include "core/models/specreader.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace mf {

namespace {

struct Box
{
    std::int64_t top = 0, left = 0, height = 0, width = 0;
};

/// torchvision RandomResizedCrop.get_params.
Box drawBox(AugmentRandom &rng, std::int64_t row, std::int64_t height, std::int64_t width,
            const Interval &scale, const Interval &ratio)
{
    const double area = static_cast<double>(height * width);
    const double logLo = std::log(ratio.lo), logHi = std::log(ratio.hi);
    for (int attempt = 0; attempt < 10; ++attempt) {
        const double targetArea = area * rng.uniform(row, scale.lo, scale.hi);
        const double aspect = std::exp(rng.uniform(row, logLo, logHi));
        const auto w = static_cast<std::int64_t>(std::round(std::sqrt(targetArea * aspect)));
        const auto h = static_cast<std::int64_t>(std::round(std::sqrt(targetArea / aspect)));
        if (w > 0 && w <= width && h > 0 && h <= height) {
            Box box{0, 0, h, w};
            box.top = rng.integer(row, 0, height - h);
            box.left = rng.integer(row, 0, width - w);
            return box;
        }
    }
    // Centre crop, clamped to the ratio range.
    const double inputRatio = static_cast<double>(width) / static_cast<double>(height);
    Box box{0, 0, height, width};
    if (inputRatio < ratio.lo)
        box.height = static_cast<std::int64_t>(std::round(static_cast<double>(width) / ratio.lo));
    else if (inputRatio > ratio.hi)
        box.width = static_cast<std::int64_t>(std::round(static_cast<double>(height) * ratio.hi));
    box.height = std::clamp<std::int64_t>(box.height, 1, height);
    box.width = std::clamp<std::int64_t>(box.width, 1, width);
    box.top = (height - box.height) / 2;
    box.left = (width - box.width) / 2;
    return box;
}

/// Normalised sampling positions (align_corners false) of `out` output pixels resizing the
/// source span [start, start + length) of an axis `size` pixels long, as bilinear interpolation
/// with align_corners false does: source = (i + 0.5) * length / out - 0.5, clamped to the span.
void appendAxis(std::vector<float> &positions, std::int64_t start, std::int64_t length,
                std::int64_t out, std::int64_t size)
{
    const double step = static_cast<double>(length) / static_cast<double>(out);
    for (std::int64_t i = 0; i < out; ++i) {
        double source = (static_cast<double>(i) + 0.5) * step - 0.5;
        source = std::clamp(source, 0.0, static_cast<double>(length - 1));
        const double pixel = static_cast<double>(start) + source;
        positions.push_back(
            static_cast<float>((2.0 * pixel + 1.0) / static_cast<double>(size) - 1.0));
    }
}

} // namespace

RandomResizedCrop::RandomResizedCrop(Interval scale, Interval ratio, double probability)
    : AugmentOperation(probability), m_scale(scale), m_ratio(ratio)
{
    check(name() + ".");
}

void RandomResizedCrop::check(const std::string &prefix) const
{
    requireInterval(prefix + "scale", m_scale, 1e-4, 1.0);
    requireInterval(prefix + "ratio", m_ratio, 0.01, 100.0);
}

std::vector<std::string> RandomResizedCrop::parameterKeys() const
{
    return {"scale", "ratio"};
}

nlohmann::json RandomResizedCrop::parameters() const
{
    return {{"scale", intervalJson(m_scale)}, {"ratio", intervalJson(m_ratio)}};
}

void RandomResizedCrop::readParameters(const SpecReader &reader)
{
    m_scale = readInterval(reader, "scale", m_scale);
    m_ratio = readInterval(reader, "ratio", m_ratio);
    check(reader.keyName(""));
}

void RandomResizedCrop::apply(torch::Tensor &batch, const torch::Tensor &applyMask,
                              AugmentRandom &rng, std::vector<nlohmann::json> *drawn) const
{
    const std::vector<std::int64_t> rows = selectedRows(applyMask);
    const std::int64_t height = batch.size(2), width = batch.size(3);
    std::vector<float> xs, ys;
    for (std::int64_t row : rows) {
        const Box box = drawBox(rng, row, height, width, m_scale, m_ratio);
        appendAxis(xs, box.left, box.width, width, width);
        appendAxis(ys, box.top, box.height, height, height);
        record(
            drawn, row,
            {{"top", box.top}, {"left", box.left}, {"height", box.height}, {"width", box.width}});
    }
    transformRows(batch, rows, [&](const torch::Tensor &images) {
        namespace F = torch::nn::functional;
        const std::int64_t n = images.size(0);
        const torch::Tensor x =
            valuesOn(xs, {n, 1, width, 1}, images).expand({n, height, width, 1});
        const torch::Tensor y =
            valuesOn(ys, {n, height, 1, 1}, images).expand({n, height, width, 1});
        return F::grid_sample(images, torch::cat({x, y}, 3),
                              F::GridSampleFuncOptions()
                                  .mode(torch::kBilinear)
                                  .padding_mode(torch::kBorder)
                                  .align_corners(false));
    });
}

} // namespace mf
