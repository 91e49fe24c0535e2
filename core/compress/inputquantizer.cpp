#include "core/compress/inputquantizer.h"

#include "core/compress/quantengine.h"
#include "core/kernels/processkernelchoices.h"
#include "core/util/parallelrange.h"
#include "core/util/shapetext.h"
#include "core/util/vectorclones.h"

#include <ATen/Parallel.h>

#include <cstdint>

namespace mf {

namespace {

ProcessKernelChoices &decisions()
{
    static ProcessKernelChoices instance;
    return instance;
}

KernelKey keyFor(const torch::Tensor &input)
{
    // The processor, its dispatch level and LibTorch cannot change within a process, and the
    // decisions live no longer than it: the key leaves them out (reading them costs more than
    // the quantisation of a small batch).
    KernelKey key;
    key.device = input.device().str();
    key.threads = at::get_num_threads();
    std::string layout = "strided";
    if (input.is_contiguous())
        layout = "contiguous";
    else if (input.dim() == 4 && input.is_contiguous(torch::MemoryFormat::ChannelsLast))
        layout = "channels-last";
    // Timed before the first layer of the int8 engine selected now: QNNPACK's worker threads
    // keep spinning after its layers (see quantmaxpool.cpp), so each engine measures its own.
    key.workload = "quantize quint8 " + std::string(c10::toString(input.scalar_type())) + " " +
                   shapeText(input.sizes().vec()) + " " + layout + " for " +
                   quantEngineName(currentQuantEngine()) + " layers";
    return key;
}

QuantizeKernel kernelFromName(const std::string &name)
{
    return name == quantizeKernelName(QuantizeKernel::SinglePass) ? QuantizeKernel::SinglePass
                                                                  : QuantizeKernel::Aten;
}

// ATen's quantize_val: zeroPoint + nearbyint(x * (1.0f / scale)), clamped to [0, 255].
// Clamping x * inverse to one step beyond the codes first changes no code and keeps it under
// 2^22, where adding and subtracting 1.5 * 2^23 rounds to the nearest integer, half to even, as
// nearbyint does, without a call to nearbyint for each element; the loop vectorises.
MF_VECTOR_CLONES void quantizeRange(const float *source, std::uint8_t *target, std::int64_t begin,
                                    std::int64_t end, float inverse, float zeroPoint)
{
    const float lowest = -zeroPoint - 1.0f;
    const float highest = 256.0f - zeroPoint;
    constexpr float kRounder = 12582912.0f;
    for (std::int64_t i = begin; i < end; ++i) {
        float value = source[i] * inverse;
        value = value < lowest ? lowest : (value > highest ? highest : value);
        value = (value + kRounder) - kRounder + zeroPoint;
        value = value < 0.0f ? 0.0f : (value > 255.0f ? 255.0f : value);
        target[i] = static_cast<std::uint8_t>(static_cast<std::int32_t>(value));
    }
}

torch::Tensor quantizeInOnePass(const torch::Tensor &input, const QuantParams &params)
{
    const auto format = input.suggest_memory_format();
    const torch::Tensor x = input.to(torch::kFloat32).contiguous(format);
    torch::Tensor quantized = torch::_empty_affine_quantized(
        x.sizes(), x.options().dtype(torch::kQUInt8), params.scale, params.zeroPoint, format);
    const float *source = x.data_ptr<float>();
    auto *target = reinterpret_cast<std::uint8_t *>(quantized.data_ptr<c10::quint8>());
    const float inverse = 1.0f / static_cast<float>(params.scale);
    const auto zeroPoint = static_cast<float>(params.zeroPoint);
    parallelRange(x.numel(), 16384, [&](std::int64_t begin, std::int64_t end) {
        quantizeRange(source, target, begin, end, inverse, zeroPoint);
    });
    return quantized;
}

} // namespace

const char *quantizeKernelName(QuantizeKernel kernel)
{
    return kernel == QuantizeKernel::SinglePass ? "single-pass" : "aten";
}

torch::Tensor InputQuantizer::quantize(const torch::Tensor &input, const QuantParams &params,
                                       QuantizeKernel kernel)
{
    if (kernel == QuantizeKernel::Aten || !input.device().is_cpu())
        return torch::quantize_per_tensor(input.to(torch::kFloat32), params.scale, params.zeroPoint,
                                          torch::kQUInt8);
    return quantizeInOnePass(input, params);
}

torch::Tensor InputQuantizer::quantize(const torch::Tensor &input, const QuantParams &params)
{
    if (!input.device().is_cpu())
        return quantize(input, params, QuantizeKernel::Aten);
    const KernelDecision decision = decisions().choose(
        keyFor(input),
        {quantizeKernelName(QuantizeKernel::Aten), quantizeKernelName(QuantizeKernel::SinglePass)},
        [&](const std::string &name) { quantize(input, params, kernelFromName(name)); });
    return quantize(input, params, kernelFromName(decision.chosen));
}

std::optional<KernelDecision> InputQuantizer::decisionFor(const torch::Tensor &input)
{
    return decisions().find(keyFor(input));
}

std::string InputQuantizer::summary(const torch::Tensor &input)
{
    const std::optional<KernelDecision> decision = decisionFor(input);
    return decision ? decision->usedText() : std::string();
}

} // namespace mf
