#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/kernels/kernelplan.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace mf {

using InferenceForward = std::function<torch::Tensor(const torch::Tensor &)>;

/// An fp32 model's forward pass for inference (no gradients), its input and its convolution
/// weights in the layout measured faster for it on this machine (layoutCandidates(): NCHW, and
/// NHWC where it has a convolution), and each layer that has more than one kernel
/// (plannableLayers(): convolutions, max pooling) running the kernel measured fastest for it in
/// that layout, forward only, chosen by KernelChooser at batch 64. Which ones win depends on the
/// processor and on the layer widths (a pruned network can differ from its source), so each model
/// is timed rather than assumed. The result is the same either way: only the input's storage order
/// and the order of the sums change.
class InferenceLayout
{
public:
    /// Times `model` on `sampleShape` inputs and leaves it in the layout (applyLayout()) and with
    /// the layer kernels chosen; a model
    /// without image input [C, H, W], or with one candidate layout and no layer kernel to
    /// choose, keeps NCHW and its kernels, untimed.
    static InferenceLayout choose(torch::nn::Sequential model,
                                  const std::vector<std::int64_t> &sampleShape);

    InferenceForward forward() const;
    TensorLayout layout() const { return m_layout; }
    bool channelsLast() const { return m_layout == TensorLayout::Nhwc; }
    /// "inference layout at batch 64: nhwc 1.2 ms < nchw 3.8 ms (measured now); kernels conv1
    /// aten, pool1 fused, ...", the fastest layout first; empty when untimed.
    const std::string &note() const { return m_note; }

private:
    torch::nn::Sequential m_model{nullptr};
    TensorLayout m_layout = TensorLayout::Nchw;
    std::string m_note;
};

} // namespace mf
