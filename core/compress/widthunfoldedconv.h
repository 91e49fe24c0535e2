#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/compress/quantizedconv2d.h"

#include <torch/torch.h>

#include <functional>
#include <string>

namespace mf {

/// A quantised convolution over one input channel (a grayscale image), computed as a
/// convolution over four: the image and copies of it shifted by each kernel column, with the
/// kernel's columns moved into those channels (a kh x 1 kernel). oneDNN's int8 kernels multiply
/// four input channels at a time (VNNI), so a single channel leaves three quarters of each
/// multiply empty: at batch 64 the Fashion-MNIST CNN's first int8 convolution took 0.16 ms as it
/// is and 0.12 ms unfolded, the unfolding included, on two Zen 5 cores. The products and their
/// int32 sums are the same, so the output is the same bytes; columns beyond the image and the
/// fourth channel's unused taps hold the input's zero point (real zero). Which way is faster
/// depends on the engine, the processor and the shape, so the layer measures both on the first
/// input of each shape among the layers of each int8 engine (KernelChooser, in memory, for the
/// process) and keeps the faster one.
class WidthUnfoldedConv
{
public:
    /// The channels each pixel is unfolded into: one VNNI group, room for a kernel 4 wide.
    static constexpr std::int64_t kChannels = 4;

    /// Whether `state` is a convolution this applies to: one input channel, no groups, a kernel
    /// 2 to 4 columns wide.
    static bool appliesTo(const QuantizedConv2dState &state);

    /// Packs the unfolded weights on the engine selected now; `state` must satisfy appliesTo().
    explicit WidthUnfoldedConv(const QuantizedConv2dState &state);

    /// Whether `input` (quint8) is one this can take: four-dimensional, one channel, on the CPU.
    static bool accepts(const torch::Tensor &input);

    /// `input` (quint8 [N, 1, H, W]) unfolded: quint8 [N, 4, H, W'] channels-last with the
    /// input's scale and zero point, W' the convolution's output width; channel j of column x
    /// holds the input column the kernel's column j reads for output column x.
    torch::Tensor unfold(const torch::Tensor &input) const;

    /// The convolution of `input` (as accepts()) by unfolding: quint8 with the state's output
    /// parameters, the bytes quantized::conv2d(_relu) gives for the layer.
    torch::Tensor forward(const torch::Tensor &input) const;

    /// forward() or `direct`, whichever was measured faster for the input's shape, measuring
    /// both on the first input of each shape and engine.
    torch::Tensor fasterOf(const torch::Tensor &input,
                           const std::function<torch::Tensor()> &direct) const;

    /// The decisions measured for inputs of `batch` images among the layers of the int8 engine
    /// selected now, in words, one per layer shape: "[64, 1, 28, 28] to 32 channels, 3x3
    /// width-unfolded used (direct 0.173 ms, width-unfolded 0.109 ms)"; empty when none.
    static std::string summary(std::int64_t batch);

private:
    /// The unfolded weights packed on the layer's engine.
    QuantConv2dPacked pack() const;

    QuantizedConv2dState m_state;
    torch::Tensor m_weight; ///< qint8 [out, 4, kh, 1]
    mutable PackedPerShape<QuantConv2dPacked> m_packed;
    c10::QEngine m_engine = c10::QEngine::NoQEngine;
};

} // namespace mf
