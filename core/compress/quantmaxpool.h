#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/kernels/kerneldecision.h"

#include <torch/torch.h>

#include <string>

namespace mf {

/// The two ways to max-pool a quint8 tensor in windows of size x size with stride size (no
/// padding, floor mode). Both give the same bytes: the largest code of each window, with the
/// input's scale and zero point, in the input's memory format.
enum class QuantPoolKernel
{
    Aten,      ///< max_pool2d on the quantized tensor
    SinglePass ///< one pass over channels-last input, vectorised over the channels
};

/// "aten", "single-pass".
const char *quantPoolKernelName(QuantPoolKernel kernel);

/// Max pooling between int8 layers. In the Fashion-MNIST CNN's int8 forward at batch 64 on two
/// Zen 5 cores, ATen's quint8 max_pool2d took 0.058 and 0.027 ms for the two pools, the single
/// pass 0.039-0.047 and 0.019 ms, which took the forward from 0.75 to 0.72 ms. The single pass
/// reads each window's rows of channels as vectors and keeps their maximum. Which is faster
/// depends on the build, the processor and the shape, so the kernel for each shape is measured
/// on its first tensor among the layers of each int8 engine (KernelChooser, in memory, for the
/// process) and reused; input that is not channels-last goes to ATen.
class QuantMaxPool
{
public:
    /// `input` (quint8 [N, C, H, W]) pooled by the kernel measured faster for its shape.
    static torch::Tensor pool(const torch::Tensor &input, std::int64_t size);
    /// The same by the kernel named; SinglePass falls back to Aten where it does not apply.
    static torch::Tensor pool(const torch::Tensor &input, std::int64_t size,
                              QuantPoolKernel kernel);
    /// The decisions measured for inputs of `batch` images among the layers of the int8 engine
    /// selected now (setQuantEngine), in words, one per shape:
    /// "[64, 32, 28, 28] single-pass used (aten 0.075 ms, single-pass 0.015 ms)"; empty when none.
    static std::string summary(std::int64_t batch);
};

} // namespace mf
