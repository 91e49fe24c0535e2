#include "core/compress/quantmaxpool.h"

#include "core/compress/quantengine.h"
#include "core/kernels/processkernelchoices.h"
#include "core/util/parallelrange.h"
#include "core/util/shapetext.h"
#include "core/util/vectorclones.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace mf {

namespace {

ProcessKernelChoices &decisions()
{
    static ProcessKernelChoices instance;
    return instance;
}

bool singlePassApplies(const torch::Tensor &input, std::int64_t size)
{
    return input.device().is_cpu() && input.scalar_type() == torch::kQUInt8 && input.dim() == 4 &&
           input.is_contiguous(torch::MemoryFormat::ChannelsLast) && size >= 1 &&
           input.size(2) >= size && input.size(3) >= size;
}

QuantPoolKernel kernelFromName(const std::string &name)
{
    return name == quantPoolKernelName(QuantPoolKernel::SinglePass) ? QuantPoolKernel::SinglePass
                                                                    : QuantPoolKernel::Aten;
}

struct PoolShape
{
    std::int64_t channels, height, width, outHeight, outWidth, size;
};

template <int K>
MF_ALWAYS_INLINE void poolRowsOf(const std::uint8_t *in, std::uint8_t *out, const PoolShape &s,
                                 std::int64_t begin, std::int64_t end)
{
    const std::int64_t size = K > 0 ? K : s.size;
    const std::int64_t c = s.channels;
    const std::int64_t rowStride = s.width * c;
    for (std::int64_t row = begin; row < end; ++row) {
        const std::int64_t n = row / s.outHeight, oh = row % s.outHeight;
        const std::uint8_t *top = in + (n * s.height + oh * size) * rowStride;
        std::uint8_t *target = out + row * s.outWidth * c;
        for (std::int64_t ow = 0; ow < s.outWidth; ++ow, target += c) {
            const std::uint8_t *window = top + ow * size * c;
            for (std::int64_t k = 0; k < c; ++k)
                target[k] = window[k];
            for (std::int64_t i = 0; i < size; ++i)
                for (std::int64_t j = i == 0 ? 1 : 0; j < size; ++j) {
                    const std::uint8_t *from = window + i * rowStride + j * c;
                    for (std::int64_t k = 0; k < c; ++k)
                        target[k] = std::max(target[k], from[k]);
                }
        }
    }
}

// Compiled for each vector width; the loops over the channels vectorise, and the common 2x2
// window is unrolled.
MF_VECTOR_CLONES void poolRows(const std::uint8_t *in, std::uint8_t *out, const PoolShape &s,
                               std::int64_t begin, std::int64_t end)
{
    if (s.size == 2)
        poolRowsOf<2>(in, out, s, begin, end);
    else
        poolRowsOf<0>(in, out, s, begin, end);
}

torch::Tensor poolInOnePass(const torch::Tensor &input, std::int64_t size)
{
    const PoolShape shape{input.size(1),        input.size(2),        input.size(3),
                          input.size(2) / size, input.size(3) / size, size};
    torch::Tensor output = torch::_empty_affine_quantized(
        {input.size(0), shape.channels, shape.outHeight, shape.outWidth}, input.options(),
        input.q_scale(), input.q_zero_point(), torch::MemoryFormat::ChannelsLast);
    const auto *in = reinterpret_cast<const std::uint8_t *>(input.data_ptr<c10::quint8>());
    auto *out = reinterpret_cast<std::uint8_t *>(output.data_ptr<c10::quint8>());
    const std::int64_t rows = input.size(0) * shape.outHeight;
    const std::int64_t perRow = shape.outWidth * shape.channels * size * size;
    parallelRange(
        rows, std::max<std::int64_t>(1, 32768 / std::max<std::int64_t>(perRow, 1)),
        [&](std::int64_t begin, std::int64_t end) { poolRows(in, out, shape, begin, end); });
    return output;
}

} // namespace

const char *quantPoolKernelName(QuantPoolKernel kernel)
{
    return kernel == QuantPoolKernel::SinglePass ? "single-pass" : "aten";
}

torch::Tensor QuantMaxPool::pool(const torch::Tensor &input, std::int64_t size,
                                 QuantPoolKernel kernel)
{
    if (kernel == QuantPoolKernel::SinglePass && singlePassApplies(input, size))
        return poolInOnePass(input, size);
    return torch::max_pool2d(input, {size, size}, {size, size}, {0, 0}, {1, 1});
}

torch::Tensor QuantMaxPool::pool(const torch::Tensor &input, std::int64_t size)
{
    if (!singlePassApplies(input, size))
        return pool(input, size, QuantPoolKernel::Aten);
    // The processor, its dispatch level and LibTorch cannot change within a process, and the
    // decisions live no longer than it: the key leaves them out. The int8 engine is in it: the
    // pooling does not run on it, but it is timed between the engine's layers, and QNNPACK's
    // worker threads keep spinning there (both kernels took 4 ms on two cores, 0.02-0.06 ms
    // between oneDNN's layers), so a model on another engine measures again.
    const std::string engine = quantEngineName(currentQuantEngine());
    KernelKey key;
    key.device = input.device().str();
    key.threads = at::get_num_threads();
    key.workload = "quint8 max pool " + std::to_string(size) + " channels-last " +
                   shapeText(input.sizes().vec()) + " among " + engine + " layers";
    const KernelDecision decision = decisions().choose(
        key,
        {quantPoolKernelName(QuantPoolKernel::Aten),
         quantPoolKernelName(QuantPoolKernel::SinglePass)},
        [&](const std::string &name) { pool(input, size, kernelFromName(name)); },
        ProcessKernelChoices::Listing{engine, input.size(0), shapeText(input.sizes().vec())});
    return pool(input, size, kernelFromName(decision.chosen));
}

std::string QuantMaxPool::summary(std::int64_t batch)
{
    return decisions().summary(quantEngineName(currentQuantEngine()), batch);
}

} // namespace mf
