#include "core/augment/randomcrop.h"

#include "core/augment/augmentparams.h"
#include "core/augment/augmentrandom.h"
#include "core/models/specreader.h"
#include "core/util/error.h"

#include <torch/torch.h>

namespace mf {

namespace {

constexpr std::int64_t kMaxPadding = 1024;

} // namespace

RandomCrop::RandomCrop(std::int64_t padding, PaddingMode mode, double probability)
    : AugmentOperation(probability), m_padding(padding), m_mode(mode)
{
    check(name() + ".");
}

void RandomCrop::check(const std::string &prefix) const
{
    requireInteger(prefix + "padding", m_padding, 0, kMaxPadding);
}

std::vector<std::string> RandomCrop::parameterKeys() const
{
    return {"padding", "padding_mode"};
}

nlohmann::json RandomCrop::parameters() const
{
    return {{"padding", m_padding},
            {"padding_mode", m_mode == PaddingMode::Reflect ? "reflect" : "zeros"}};
}

void RandomCrop::readParameters(const SpecReader &reader)
{
    m_padding = readInteger(reader, "padding", m_padding);
    const std::string mode =
        reader.text("padding_mode", m_mode == PaddingMode::Reflect ? "reflect" : "zeros");
    if (mode == "zeros")
        m_mode = PaddingMode::Zeros;
    else if (mode == "reflect")
        m_mode = PaddingMode::Reflect;
    else
        reader.fail("padding_mode", "must be \"zeros\" or \"reflect\" (got \"" + mode + "\")");
    check(reader.keyName(""));
}

void RandomCrop::apply(torch::Tensor &batch, const torch::Tensor &applyMask, AugmentRandom &rng,
                       std::vector<nlohmann::json> *drawn) const
{
    const std::vector<std::int64_t> rows = selectedRows(applyMask);
    const std::int64_t p = m_padding;
    const std::int64_t height = batch.size(2), width = batch.size(3);
    if (m_mode == PaddingMode::Reflect && (p >= height || p >= width))
        throw ConfigError(name() + " with reflect padding " + std::to_string(p) +
                          " needs images larger than " + std::to_string(p) +
                          " pixels on each side (these are " + std::to_string(height) + " x " +
                          std::to_string(width) + ")");
    std::vector<std::int64_t> tops, lefts;
    for (std::int64_t row : rows) {
        tops.push_back(rng.integer(row, 0, 2 * p));
        lefts.push_back(rng.integer(row, 0, 2 * p));
        record(drawn, row, {{"top", tops.back()}, {"left", lefts.back()}});
    }
    if (rows.empty() || p == 0)
        return;

    transformRows(batch, rows, [&](const torch::Tensor &images) {
        // The padded image is never built: each output pixel gathers its source pixel, with the
        // padding folded into the row and column indices (reflected, or clamped and zeroed).
        const std::int64_t n = images.size(0), channels = images.size(1);
        const auto longOptions = torch::TensorOptions().dtype(torch::kLong).device(images.device());
        // Source row and column of every output pixel, in the unpadded image.
        torch::Tensor y = torch::tensor(tops, torch::kLong).to(images.device()).view({n, 1}) - p +
                          torch::arange(height, longOptions).view({1, height});
        torch::Tensor x = torch::tensor(lefts, torch::kLong).to(images.device()).view({n, 1}) - p +
                          torch::arange(width, longOptions).view({1, width});
        torch::Tensor outside;
        if (m_mode == PaddingMode::Reflect) {
            y = torch::where(y < 0, -y, torch::where(y >= height, 2 * (height - 1) - y, y));
            x = torch::where(x < 0, -x, torch::where(x >= width, 2 * (width - 1) - x, x));
        } else {
            outside = ((y < 0).logical_or(y >= height).view({n, 1, height, 1}))
                          .logical_or((x < 0).logical_or(x >= width).view({n, 1, 1, width}));
            y = y.clamp(0, height - 1);
            x = x.clamp(0, width - 1);
        }
        const torch::Tensor index = (y.view({n, height, 1}) * width + x.view({n, 1, width}))
                                        .view({n, 1, height * width})
                                        .expand({n, channels, height * width});
        torch::Tensor cropped = images.reshape({n, channels, height * width})
                                    .gather(2, index)
                                    .view({n, channels, height, width});
        if (outside.defined())
            cropped.masked_fill_(outside, 0.0);
        return cropped;
    });
}

} // namespace mf
