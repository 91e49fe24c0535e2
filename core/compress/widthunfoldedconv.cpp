#include "core/compress/widthunfoldedconv.h"

#include "core/compress/quantengine.h"
#include "core/kernels/processkernelchoices.h"
#include "core/util/error.h"
#include "core/util/parallelrange.h"
#include "core/util/shapetext.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "the unfolding writes each pixel's four channels as one little-endian word");

namespace mf {

namespace {

constexpr const char *kDirect = "direct";
constexpr const char *kUnfolded = "width-unfolded";

ProcessKernelChoices &decisions()
{
    static ProcessKernelChoices instance;
    return instance;
}

struct UnfoldShape
{
    std::int64_t width, outWidth, stride, padding, dilation;
    std::uint8_t zeroPoint;
};

template <int K>
inline void unfoldRowsOf(const std::uint8_t *in, std::uint8_t *out, const UnfoldShape &s,
                         std::int64_t begin, std::int64_t end)
{
    constexpr int kChannels = static_cast<int>(WidthUnfoldedConv::kChannels);
    // Output columns whose taps all fall inside the row: [first, last).
    const std::int64_t reach = s.dilation * (K - 1);
    const std::int64_t first = std::min(s.outWidth, (s.padding + s.stride - 1) / s.stride);
    const std::int64_t last =
        std::max(first, std::min(s.outWidth, s.width - reach + s.padding > 0
                                                 ? (s.width - reach + s.padding - 1) / s.stride + 1
                                                 : 0));
    // Columns whose four bytes from the first tap are all inside the row: [first, wordLast).
    const std::int64_t wordLast =
        std::max(first, std::min(last, s.width - kChannels + s.padding >= 0
                                           ? (s.width - kChannels + s.padding) / s.stride + 1
                                           : 0));
    // Little-endian: byte j of the word is channel j.
    constexpr std::uint32_t kKeep = K >= 4 ? 0xFFFFFFFFu : (1u << (8 * K)) - 1u;
    const std::uint32_t fill = (0x01010101u * s.zeroPoint) & ~kKeep;
    for (std::int64_t row = begin; row < end; ++row) {
        const std::uint8_t *source = in + row * s.width;
        std::uint8_t *target = out + row * s.outWidth * kChannels;
        const auto edge = [&](std::int64_t x) {
            for (int j = 0; j < kChannels; ++j) {
                const std::int64_t column = x * s.stride - s.padding + j * s.dilation;
                target[x * kChannels + j] =
                    j < K && column >= 0 && column < s.width ? source[column] : s.zeroPoint;
            }
        };
        for (std::int64_t x = 0; x < first; ++x)
            edge(x);
        std::int64_t x = first;
        if (s.dilation == 1) {
            // Adjacent taps: one 4-byte load per pixel, the bytes beyond the kernel's width
            // replaced by the zero point, while the load stays inside the row. Locals, so that
            // the byte stores cannot be taken to change them.
            const std::uint8_t *from = source - s.padding;
            const std::int64_t stride = s.stride;
            std::uint8_t *pixels = target;
            // Vectorised, this loop becomes gathers, which take several times longer than the
            // scalar loads.
#if defined(__clang__)
#pragma clang loop vectorize(disable)
#endif
            for (; x < wordLast; ++x) {
                std::uint32_t word;
                std::memcpy(&word, from + x * stride, sizeof word);
                word = (word & kKeep) | fill;
                std::memcpy(pixels + x * kChannels, &word, sizeof word);
            }
        }
        for (; x < last; ++x) {
            const std::uint8_t *taps = source + x * s.stride - s.padding;
            std::uint8_t *pixel = target + x * kChannels;
            for (int j = 0; j < kChannels; ++j)
                pixel[j] = j < K ? taps[j * s.dilation] : s.zeroPoint;
        }
        for (; x < s.outWidth; ++x)
            edge(x);
    }
}

// With the kernel width known in each copy.
void unfoldRows(const std::uint8_t *in, std::uint8_t *out, const UnfoldShape &s,
                std::int64_t kernel, std::int64_t begin, std::int64_t end)
{
    if (kernel == 2)
        unfoldRowsOf<2>(in, out, s, begin, end);
    else if (kernel == 3)
        unfoldRowsOf<3>(in, out, s, begin, end);
    else
        unfoldRowsOf<4>(in, out, s, begin, end);
}

/// The weight [out, 1, kh, kw] as [out, 4, kh, 1]: column j of the kernel in channel j, the
/// channels beyond the kernel's width holding each output channel's zero point (real zero).
torch::Tensor unfoldedWeight(const torch::Tensor &weight)
{
    const torch::Tensor codes = weight.int_repr();
    const std::int64_t kernelWidth = weight.size(3);
    torch::Tensor unfolded = torch::empty(
        {weight.size(0), WidthUnfoldedConv::kChannels, weight.size(2), 1}, codes.options());
    if (weight.qscheme() == torch::kPerChannelAffine) {
        unfolded.copy_(weight.q_per_channel_zero_points().to(torch::kInt8).view({-1, 1, 1, 1}));
        unfolded.narrow(1, 0, kernelWidth).copy_(codes.permute({0, 3, 2, 1}));
        return at::_make_per_channel_quantized_tensor(unfolded, weight.q_per_channel_scales(),
                                                      weight.q_per_channel_zero_points(), 0);
    }
    unfolded.fill_(weight.q_zero_point());
    unfolded.narrow(1, 0, kernelWidth).copy_(codes.permute({0, 3, 2, 1}));
    return at::_make_per_tensor_quantized_tensor(unfolded, weight.q_scale(), weight.q_zero_point());
}

std::string layerText(const torch::Tensor &input, const QuantizedConv2dState &state)
{
    return shapeText(input.sizes().vec()) + " to " + std::to_string(state.weight.size(0)) +
           " channels, " + std::to_string(state.weight.size(2)) + "x" +
           std::to_string(state.weight.size(3));
}

} // namespace

bool WidthUnfoldedConv::appliesTo(const QuantizedConv2dState &state)
{
    return state.weight.defined() && state.weight.dim() == 4 && state.weight.size(1) == 1 &&
           state.groups == 1 && state.weight.size(3) >= 2 && state.weight.size(3) <= kChannels;
}

WidthUnfoldedConv::WidthUnfoldedConv(const QuantizedConv2dState &state)
    : m_state(state), m_weight(unfoldedWeight(state.weight)), m_engine(currentQuantEngine())
{
    // Packed now, so that an engine that cannot take the layer fails here, not at its first input.
    m_packed.reset(pack());
}

QuantConv2dPacked WidthUnfoldedConv::pack() const
{
    QuantEngineGuard engine(m_engine);
    return quantConv2dPrepack(m_weight, m_state.bias, {m_state.stride[0], 1},
                              {m_state.padding[0], 0}, {m_state.dilation[0], 1}, 1);
}

bool WidthUnfoldedConv::accepts(const torch::Tensor &input)
{
    return input.device().is_cpu() && input.scalar_type() == torch::kQUInt8 &&
           input.qscheme() == torch::kPerTensorAffine && input.dim() == 4 && input.size(1) == 1;
}

torch::Tensor WidthUnfoldedConv::unfold(const torch::Tensor &input) const
{
    const torch::Tensor x = input.contiguous();
    const std::int64_t width = x.size(3);
    const std::int64_t kernel = m_state.weight.size(3);
    const UnfoldShape shape{width,
                            (width + 2 * m_state.padding[1] - m_state.dilation[1] * (kernel - 1) -
                             1) / m_state.stride[1] +
                                1,
                            m_state.stride[1],
                            m_state.padding[1],
                            m_state.dilation[1],
                            static_cast<std::uint8_t>(x.q_zero_point())};
    if (shape.outWidth < 1)
        throw ConfigError("The quantised convolution's kernel is wider than its padded input (" +
                          shapeText(x.sizes().vec()) + ").");
    torch::Tensor output = torch::_empty_affine_quantized(
        {x.size(0), kChannels, x.size(2), shape.outWidth}, x.options(), x.q_scale(),
        x.q_zero_point(), torch::MemoryFormat::ChannelsLast);
    const auto *in = reinterpret_cast<const std::uint8_t *>(x.data_ptr<c10::quint8>());
    auto *out = reinterpret_cast<std::uint8_t *>(output.data_ptr<c10::quint8>());
    const std::int64_t rows = x.size(0) * x.size(2);
    parallelRange(rows, std::max<std::int64_t>(1, 16384 / (shape.outWidth * kChannels)),
                  [&](std::int64_t begin, std::int64_t end) {
                      unfoldRows(in, out, shape, kernel, begin, end);
                  });
    return output;
}

torch::Tensor WidthUnfoldedConv::forward(const torch::Tensor &input) const
{
    const torch::Tensor unfolded = unfold(input);
    return quantConv2d(unfolded, m_packed.get(packedShapeKey(unfolded), [this] { return pack(); }),
                       m_state.output.scale, m_state.output.zeroPoint, m_state.relu);
}

torch::Tensor WidthUnfoldedConv::fasterOf(const torch::Tensor &input,
                                          const std::function<torch::Tensor()> &direct) const
{
    // The processor, its dispatch level and LibTorch cannot change within a process, and the
    // decisions live no longer than it: the key leaves them out. The engine is in it: each
    // engine's kernels are measured among its own layers (see quantmaxpool.cpp).
    const std::string engine = quantEngineName(m_engine);
    const std::string layer = layerText(input, m_state);
    const auto &s = m_state;
    KernelKey key;
    key.device = input.device().str();
    key.threads = at::get_num_threads();
    key.workload = "quint8 conv2d " + layer + " stride " + std::to_string(s.stride[0]) + "," +
                   std::to_string(s.stride[1]) + " padding " + std::to_string(s.padding[0]) + "," +
                   std::to_string(s.padding[1]) + " dilation " + std::to_string(s.dilation[0]) +
                   "," + std::to_string(s.dilation[1]) + " on " + engine;
    const KernelDecision decision = decisions().choose(
        key, {kDirect, kUnfolded},
        [&](const std::string &name) { name == kUnfolded ? forward(input) : direct(); },
        ProcessKernelChoices::Listing{engine, input.size(0), layer});
    return decision.chosen == kUnfolded ? forward(input) : direct();
}

std::string WidthUnfoldedConv::summary(std::int64_t batch)
{
    return decisions().summary(quantEngineName(currentQuantEngine()), batch);
}

} // namespace mf
