#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/compress/quantparams.h"
#include "core/kernels/kerneldecision.h"

#include <torch/torch.h>

#include <optional>
#include <string>

namespace mf {

/// The two ways to quantise a float tensor to quint8 per tensor. Both compute
/// clamp(round(x * (1 / scale)) + zeroPoint, 0, 255), rounding half to even, to the same bytes
/// wherever round(x / scale) fits in 64 bits; beyond that (infinities) ATen's cast to an integer
/// overflows, where the single pass saturates to 0 or 255.
enum class QuantizeKernel
{
    Aten,      ///< quantize_per_tensor: vectorised where LibTorch has FBGEMM, else a scalar loop
    SinglePass ///< one vectorised pass, split over the intra-op threads (parallelRange)
};

/// "aten", "single-pass".
const char *quantizeKernelName(QuantizeKernel kernel);

/// Quantises float activations where a float layer hands over to an int8 one. Without FBGEMM
/// (Debian's LibTorch), quantize_per_tensor calls nearbyint element by element: at batch 64 it
/// took 0.18 ms of the Fashion-MNIST CNN's 1.4 ms int8 forward on two Zen 5 cores, where the
/// single pass takes 0.01 ms; with FBGEMM it is vectorised. Which is faster depends on the build,
/// the processor and the size, so the kernel for each shape is measured on its first tensor for
/// each int8 engine (KernelChooser, in memory, for the process) and reused.
class InputQuantizer
{
public:
    /// `input` (converted to float32) quantised with `params`, keeping its memory format, by
    /// the kernel measured faster for its shape and strides.
    static torch::Tensor quantize(const torch::Tensor &input, const QuantParams &params);
    /// The same by the kernel named.
    static torch::Tensor quantize(const torch::Tensor &input, const QuantParams &params,
                                  QuantizeKernel kernel);
    /// The decision measured for tensors shaped like `input` for the int8 engine selected now
    /// (setQuantEngine), if one has been.
    static std::optional<KernelDecision> decisionFor(const torch::Tensor &input);
    /// That decision in words, "single-pass used (aten 0.178 ms, single-pass 0.022 ms)"; empty
    /// when there is none.
    static std::string summary(const torch::Tensor &input);
};

} // namespace mf
