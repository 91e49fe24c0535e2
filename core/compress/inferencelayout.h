#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace mf {

using InferenceForward = std::function<torch::Tensor(const torch::Tensor &)>;

/// An fp32 model's forward pass for inference (no gradients), in the memory layout measured
/// faster for it on this machine: images as given (NCHW) or channels-last (NHWC), whose
/// convolutions oneDNN runs without reordering. Which one wins depends on the processor and on
/// the layer widths (a pruned network can differ from its source), so each model is timed in
/// both at batch 64 instead of assuming one. The result is the same either way: only the
/// storage order of the input changes.
class InferenceLayout
{
public:
    /// Times `model` on `sampleShape` inputs; models of other than image input ([C, H, W]) keep
    /// the plain forward pass, untimed.
    static InferenceLayout choose(torch::nn::Sequential model,
                                  const std::vector<std::int64_t> &sampleShape);

    InferenceForward forward() const;
    bool channelsLast() const { return m_channelsLast; }
    /// "inference layout channels-last: 1.21 ms at batch 64, NCHW 3.83 ms"; empty when untimed.
    const std::string &note() const { return m_note; }

private:
    torch::nn::Sequential m_model{nullptr};
    bool m_channelsLast = false;
    std::string m_note;
};

} // namespace mf
