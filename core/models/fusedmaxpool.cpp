#include "core/models/fusedmaxpool.h"

#include "core/util/parallelrange.h"
#include "core/util/vectorclones.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdint>

namespace mf {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

/// Marks an output that ReLU zeroed: no window position, so no gradient flows back.
constexpr std::uint8_t kZeroed = 255;
/// The largest window whose positions (size x size) fit below kZeroed in one byte.
constexpr std::int64_t kLargestSize = 15;

struct PoolGeometry
{
    std::int64_t batch = 0;
    std::int64_t channels = 0;
    std::int64_t height = 0;
    std::int64_t width = 0;
    std::int64_t size = 0;
    std::int64_t outHeight() const { return height / size; }
    std::int64_t outWidth() const { return width / size; }
};

/// Rows per parallel chunk: ATen's grain size in elements, `perRow` elements a row.
std::int64_t grainRows(std::int64_t perRow)
{
    return std::max<std::int64_t>(1, at::internal::GRAIN_SIZE / std::max<std::int64_t>(1, perRow));
}

// The kernels below are compiled for each vector width (MF_VECTOR_CLONES); the loops over
// channels (channels-last) or columns (NCHW) vectorise in each. The window loops are unrolled
// for the common 2x2 window (K = 2); K = 0 takes the size from the geometry.

/// Folds window position `j`, holding `value`, into a window's maximum `best` found at `where`,
/// by ATen's rule: a larger value or a NaN replaces it, so the first of equal maxima and the
/// last NaN win.
MF_ALWAYS_INLINE void fold(float value, int j, float &best, int &where)
{
    const bool take = value > best || value != value;
    best = take ? value : best;
    where = take ? j : where;
}

/// ReLU on a window's maximum: one at or below zero becomes 0, with no input to route a
/// gradient to.
MF_ALWAYS_INLINE void rectify(float &best, int &where)
{
    const bool zeroed = best <= 0.0f;
    best = zeroed ? 0.0f : best;
    where = zeroed ? kZeroed : where;
}

// Channels-last: a window position is a run of `channels` floats.
template <int K, bool Relu>
MF_ALWAYS_INLINE void forwardChannelsLastRows(const float *__restrict in, float *__restrict out,
                                              std::uint8_t *__restrict arg, const PoolGeometry &g,
                                              std::int64_t begin, std::int64_t end)
{
    // The geometry in locals: the stores through `arg` (bytes) could alias it otherwise.
    const std::int64_t c = g.channels, k = K > 0 ? K : g.size, oh = g.outHeight(),
                       ow = g.outWidth(), height = g.height, width = g.width;
    for (std::int64_t row = begin; row < end; ++row) {
        const std::int64_t n = row / oh, y = row % oh;
        for (std::int64_t x = 0; x < ow; ++x) {
            const std::int64_t o = (row * ow + x) * c;
            const float *window = in + ((n * height + y * k) * width + x * k) * c;
            for (std::int64_t i = 0; i < c; ++i) {
                float best = window[i];
                int where = 0;
                for (int j = 1; j < k * k; ++j)
                    fold(window[((j / k) * width + j % k) * c + i], j, best, where);
                if (Relu)
                    rectify(best, where);
                out[o + i] = best;
                arg[o + i] = static_cast<std::uint8_t>(where);
            }
        }
    }
}

// NCHW: rows of one plane; the loop over output columns reads the window's columns strided.
template <int K, bool Relu>
MF_ALWAYS_INLINE void forwardContiguousRows(const float *__restrict in, float *__restrict out,
                                            std::uint8_t *__restrict arg, const PoolGeometry &g,
                                            std::int64_t begin, std::int64_t end)
{
    const std::int64_t k = K > 0 ? K : g.size, oh = g.outHeight(), ow = g.outWidth(),
                       height = g.height, width = g.width;
    for (std::int64_t row = begin; row < end; ++row) {
        const std::int64_t plane = row / oh, y = row % oh;
        const float *source = in + (plane * height + y * k) * width;
        float *__restrict best = out + row * ow;
        std::uint8_t *__restrict where = arg + row * ow;
        for (std::int64_t x = 0; x < ow; ++x) {
            const float *window = source + x * k;
            float b = window[0];
            int w = 0;
            for (int j = 1; j < k * k; ++j)
                fold(window[(j / k) * width + j % k], j, b, w);
            if (Relu)
                rectify(b, w);
            best[x] = b;
            where[x] = static_cast<std::uint8_t>(w);
        }
    }
}

// The backward passes write every element of the input's gradient once, row by row of the
// input: the window's maximum gets the output's gradient, the rest of the window and the rows
// and columns no window covers get zero.
template <int K>
MF_ALWAYS_INLINE void backwardChannelsLastRows(const float *__restrict gradOut,
                                               const std::uint8_t *__restrict arg,
                                               float *__restrict gradIn, const PoolGeometry &g,
                                               std::int64_t begin, std::int64_t end)
{
    // The geometry in locals: the stores through `arg` (bytes) could alias it otherwise.
    const std::int64_t c = g.channels, k = K > 0 ? K : g.size, oh = g.outHeight(),
                       ow = g.outWidth(), height = g.height, width = g.width;
    for (std::int64_t row = begin; row < end; ++row) {
        const std::int64_t n = row / height, inY = row % height;
        float *__restrict dst = gradIn + row * width * c;
        const std::int64_t y = inY / k;
        std::int64_t covered = 0;
        if (y < oh) {
            const std::int64_t kh = inY % k;
            for (std::int64_t x = 0; x < ow; ++x) {
                const std::int64_t o = ((n * oh + y) * ow + x) * c;
                const float *__restrict grad = gradOut + o;
                const std::uint8_t *__restrict where = arg + o;
                for (std::int64_t kw = 0; kw < k; ++kw) {
                    const auto j = static_cast<std::uint8_t>(kh * k + kw);
                    float *__restrict d = dst + (x * k + kw) * c;
                    for (std::int64_t i = 0; i < c; ++i)
                        d[i] = where[i] == j ? grad[i] : 0.0f;
                }
            }
            covered = ow * k * c;
        }
        std::fill(dst + covered, dst + width * c, 0.0f);
    }
}

template <int K>
MF_ALWAYS_INLINE void backwardContiguousRows(const float *__restrict gradOut,
                                             const std::uint8_t *__restrict arg,
                                             float *__restrict gradIn, const PoolGeometry &g,
                                             std::int64_t begin, std::int64_t end)
{
    const std::int64_t k = K > 0 ? K : g.size, oh = g.outHeight(), ow = g.outWidth(),
                       height = g.height, width = g.width;
    for (std::int64_t row = begin; row < end; ++row) {
        const std::int64_t plane = row / height, inY = row % height;
        float *__restrict dst = gradIn + row * width;
        const std::int64_t y = inY / k;
        std::int64_t covered = 0;
        if (y < oh) {
            const std::int64_t kh = inY % k;
            const float *__restrict grad = gradOut + (plane * oh + y) * ow;
            const std::uint8_t *__restrict where = arg + (plane * oh + y) * ow;
            for (std::int64_t x = 0; x < ow; ++x)
                for (std::int64_t kw = 0; kw < k; ++kw)
                    dst[x * k + kw] =
                        where[x] == static_cast<std::uint8_t>(kh * k + kw) ? grad[x] : 0.0f;
            covered = ow * k;
        }
        std::fill(dst + covered, dst + width, 0.0f);
    }
}

MF_VECTOR_CLONES void forwardRows(bool channelsLast, bool relu, const float *in, float *out,
                                  std::uint8_t *arg, const PoolGeometry &g, std::int64_t begin,
                                  std::int64_t end)
{
    if (channelsLast) {
        if (g.size == 2)
            relu ? forwardChannelsLastRows<2, true>(in, out, arg, g, begin, end)
                 : forwardChannelsLastRows<2, false>(in, out, arg, g, begin, end);
        else
            relu ? forwardChannelsLastRows<0, true>(in, out, arg, g, begin, end)
                 : forwardChannelsLastRows<0, false>(in, out, arg, g, begin, end);
    } else {
        if (g.size == 2)
            relu ? forwardContiguousRows<2, true>(in, out, arg, g, begin, end)
                 : forwardContiguousRows<2, false>(in, out, arg, g, begin, end);
        else
            relu ? forwardContiguousRows<0, true>(in, out, arg, g, begin, end)
                 : forwardContiguousRows<0, false>(in, out, arg, g, begin, end);
    }
}

MF_VECTOR_CLONES void backwardRows(bool channelsLast, const float *gradOut, const std::uint8_t *arg,
                                   float *gradIn, const PoolGeometry &g, std::int64_t begin,
                                   std::int64_t end)
{
    if (channelsLast)
        g.size == 2 ? backwardChannelsLastRows<2>(gradOut, arg, gradIn, g, begin, end)
                    : backwardChannelsLastRows<0>(gradOut, arg, gradIn, g, begin, end);
    else
        g.size == 2 ? backwardContiguousRows<2>(gradOut, arg, gradIn, g, begin, end)
                    : backwardContiguousRows<0>(gradOut, arg, gradIn, g, begin, end);
}

class FusedMaxPool : public torch::autograd::Function<FusedMaxPool>
{
public:
    static torch::Tensor forward(AutogradContext *context, const torch::Tensor &input,
                                 std::int64_t size, bool relu)
    {
        TORCH_CHECK(input.dim() == 4 && fusedMaxPoolRuns(input.device(), input.scalar_type(), size),
                    "fusedMaxPool2d: expected a 4-D float CPU tensor and a window of 1 to ",
                    kLargestSize, ", not ", size);
        const bool channelsLast = input.suggest_memory_format() == at::MemoryFormat::ChannelsLast;
        const auto format =
            channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
        const torch::Tensor x = input.contiguous(format);
        const PoolGeometry g{x.size(0), x.size(1), x.size(2), x.size(3), size};
        TORCH_CHECK(g.outHeight() >= 1 && g.outWidth() >= 1, "fusedMaxPool2d: a ", g.height, "x",
                    g.width, " input is smaller than the ", size, "x", size, " window");
        const std::vector<std::int64_t> outSizes{g.batch, g.channels, g.outHeight(), g.outWidth()};
        torch::Tensor out = torch::empty(outSizes, x.options().memory_format(format));
        torch::Tensor arg =
            torch::empty(outSizes, x.options().dtype(torch::kUInt8).memory_format(format));
        const float *in = x.data_ptr<float>();
        float *pooled = out.data_ptr<float>();
        std::uint8_t *where = arg.data_ptr<std::uint8_t>();
        // Rows of the output: (n, y) channels-last, (n, c, y) NCHW.
        const std::int64_t rows = g.batch * g.outHeight() * (channelsLast ? 1 : g.channels);
        const std::int64_t perRow = g.outWidth() * size * size * (channelsLast ? g.channels : 1);
        parallelRange(rows, grainRows(perRow), [&](std::int64_t begin, std::int64_t end) {
            forwardRows(channelsLast, relu, in, pooled, where, g, begin, end);
        });
        context->save_for_backward({arg});
        context->saved_data["height"] = g.height;
        context->saved_data["width"] = g.width;
        context->saved_data["size"] = size;
        context->saved_data["channels_last"] = channelsLast;
        context->mark_non_differentiable({arg});
        return out;
    }

    static variable_list backward(AutogradContext *context, variable_list gradients)
    {
        const torch::Tensor arg = context->get_saved_variables().at(0);
        const bool channelsLast = context->saved_data["channels_last"].toBool();
        const auto format =
            channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
        const PoolGeometry g{arg.size(0), arg.size(1), context->saved_data["height"].toInt(),
                             context->saved_data["width"].toInt(),
                             context->saved_data["size"].toInt()};
        const torch::Tensor gradOut = gradients.at(0).contiguous(format);
        torch::Tensor gradIn = torch::empty({g.batch, g.channels, g.height, g.width},
                                            gradOut.options().memory_format(format));
        const float *grad = gradOut.data_ptr<float>();
        const std::uint8_t *where = arg.data_ptr<std::uint8_t>();
        float *result = gradIn.data_ptr<float>();
        // Rows of the input: (n, y) channels-last, (n, c, y) NCHW.
        const std::int64_t rows = g.batch * g.height * (channelsLast ? 1 : g.channels);
        const std::int64_t perRow = g.width * (channelsLast ? g.channels : 1);
        parallelRange(rows, grainRows(perRow), [&](std::int64_t begin, std::int64_t end) {
            backwardRows(channelsLast, grad, where, result, g, begin, end);
        });
        return {gradIn, torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

bool fusedMaxPoolRuns(torch::Device device, torch::ScalarType dtype, std::int64_t size)
{
    return device.is_cpu() && dtype == torch::kFloat32 && size >= 1 && size <= kLargestSize;
}

torch::Tensor fusedMaxPool2d(const torch::Tensor &input, std::int64_t size, bool relu)
{
    return FusedMaxPool::apply(input, size, relu);
}

} // namespace mf
