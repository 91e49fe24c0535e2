#include "core/augment/randomerasing.h"

#include "core/augment/augmentrandom.h"
#include "core/models/specreader.h"

#include <torch/torch.h>

#include <cmath>

namespace mf {

RandomErasing::RandomErasing(Interval scale, Interval ratio, double probability)
    : AugmentOperation(probability), m_scale(scale), m_ratio(ratio)
{
    check(name() + ".");
}

void RandomErasing::check(const std::string &prefix) const
{
    requireInterval(prefix + "scale", m_scale, 0.0, 1.0);
    requireInterval(prefix + "ratio", m_ratio, 0.01, 100.0);
}

std::vector<std::string> RandomErasing::parameterKeys() const
{
    return {"scale", "ratio"};
}

nlohmann::json RandomErasing::parameters() const
{
    return {{"scale", intervalJson(m_scale)}, {"ratio", intervalJson(m_ratio)}};
}

void RandomErasing::readParameters(const SpecReader &reader)
{
    m_scale = readInterval(reader, "scale", m_scale);
    m_ratio = readInterval(reader, "ratio", m_ratio);
    check(reader.keyName(""));
}

void RandomErasing::apply(torch::Tensor &batch, const torch::Tensor &applyMask, AugmentRandom &rng,
                          std::vector<nlohmann::json> *drawn) const
{
    const std::vector<std::int64_t> rows = selectedRows(applyMask);
    const std::int64_t height = batch.size(2), width = batch.size(3);
    const double area = static_cast<double>(height * width);
    const double logLo = std::log(m_ratio.lo), logHi = std::log(m_ratio.hi);
    std::vector<float> tops, lefts, bottoms, rights;
    for (std::int64_t row : rows) {
        // torchvision RandomErasing.get_params.
        std::int64_t top = 0, left = 0, h = 0, w = 0;
        for (int attempt = 0; attempt < 10; ++attempt) {
            const double eraseArea = area * rng.uniform(row, m_scale.lo, m_scale.hi);
            const double aspect = std::exp(rng.uniform(row, logLo, logHi));
            const auto boxHeight =
                static_cast<std::int64_t>(std::round(std::sqrt(eraseArea * aspect)));
            const auto boxWidth =
                static_cast<std::int64_t>(std::round(std::sqrt(eraseArea / aspect)));
            if (!(boxHeight < height && boxWidth < width))
                continue;
            top = rng.integer(row, 0, height - boxHeight);
            left = rng.integer(row, 0, width - boxWidth);
            h = boxHeight;
            w = boxWidth;
            break;
        }
        tops.push_back(static_cast<float>(top));
        lefts.push_back(static_cast<float>(left));
        bottoms.push_back(static_cast<float>(top + h));
        rights.push_back(static_cast<float>(left + w));
        record(drawn, row, {{"top", top}, {"left", left}, {"height", h}, {"width", w}});
    }
    transformRows(batch, rows, [&](const torch::Tensor &images) {
        const std::int64_t n = images.size(0);
        const auto options = torch::TensorOptions().dtype(torch::kFloat).device(images.device());
        const torch::Tensor y = torch::arange(height, options).view({1, 1, height, 1});
        const torch::Tensor x = torch::arange(width, options).view({1, 1, 1, width});
        const torch::Tensor inside = (y >= valuesOn(tops, {n, 1, 1, 1}, images))
                                         .logical_and(y < valuesOn(bottoms, {n, 1, 1, 1}, images))
                                         .logical_and(x >= valuesOn(lefts, {n, 1, 1, 1}, images))
                                         .logical_and(x < valuesOn(rights, {n, 1, 1, 1}, images));
        return images.masked_fill_(inside, 0.0);
    });
}

} // namespace mf
