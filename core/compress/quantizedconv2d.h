#pragma once

#include "core/compress/quantops.h"
#include "core/compress/quantparams.h"

#include <torch/torch.h>

#include <array>
#include <memory>
#include <string>

namespace mf {

class WidthUnfoldedConv;

/// Everything a quantised 2-D convolution is made of, as saved and reloaded.
struct QuantizedConv2dState
{
    torch::Tensor weight; ///< qint8 [out, in / groups, kh, kw], per tensor or per channel (axis 0)
    torch::Tensor bias;   ///< float32 [out], or undefined
    std::array<std::int64_t, 2> stride = {1, 1};
    std::array<std::int64_t, 2> padding = {0, 0}; ///< zeros (the input's zero point)
    std::array<std::int64_t, 2> dilation = {1, 1};
    std::int64_t groups = 1;
    QuantParams input;  ///< the quint8 parameters of the input
    QuantParams output; ///< the quint8 parameters of the output
    bool relu = false;  ///< a following ReLU fused in (quantized::conv2d_relu)
};

/// A statically quantised 2-D convolution on LibTorch's int8 kernels (quantized::conv2d*).
/// Its weights are packed on the engine selected when it is built (setQuantEngine) and keep
/// running there; prepack() packs them again for the engine selected now. Not copyable by
/// clone(): build another one from state().
class QuantizedConv2dImpl : public torch::nn::Module
{
public:
    /// Checks the state (throws ConfigError) and packs the weights.
    explicit QuantizedConv2dImpl(QuantizedConv2dState state);

    /// Float NCHW (or CHW) in, float out: quantises the input with the calibrated parameters
    /// and dequantises the output.
    torch::Tensor forward(const torch::Tensor &input);
    /// quint8 in (its own scale and zero point are used), quint8 out with the calibrated output
    /// parameters, so that a chain of quantised layers stays int8.
    torch::Tensor forwardQuantized(const torch::Tensor &input);
    /// A float input as quint8 with the calibrated input parameters.
    torch::Tensor quantizeInput(const torch::Tensor &input) const;

    void prepack();
    c10::QEngine engine() const { return m_engine; }
    const QuantizedConv2dState &state() const { return m_state; }

    /// Writes state() as plain tensors (int8 weights), about a quarter of the float layer;
    /// torch::save(layer, path) calls it.
    void save(torch::serialize::OutputArchive &archive) const override;
    /// Replaces the state with the one save() wrote and packs it for the engine selected now;
    /// torch::load(layer, path) calls it. Throws Error for an archive that holds none.
    void load(torch::serialize::InputArchive &archive) override;
    /// The state that save() wrote to `path`, to build a layer from; throws Error as load().
    static QuantizedConv2dState loadState(const std::string &path);

    void pretty_print(std::ostream &stream) const override;

private:
    /// Throws ConfigError for a state that cannot make a layer.
    static void check(const QuantizedConv2dState &state);
    static QuantizedConv2dState readState(torch::serialize::InputArchive &archive);
    /// The weights packed on the layer's engine.
    QuantConv2dPacked pack() const;

    QuantizedConv2dState m_state;
    /// The weights packed for each input shape.
    PackedPerShape<QuantConv2dPacked> m_packedPerShape;
    /// The same convolution unfolded over the kernel's columns, where that applies (one input
    /// channel); forwardQuantized() runs whichever of the two was measured faster.
    std::shared_ptr<const WidthUnfoldedConv> m_unfolded;
    c10::QEngine m_engine = c10::QEngine::NoQEngine;
};

TORCH_MODULE(QuantizedConv2d);

/// `conv` with per-channel qint8 weights and calibrated input and output parameters; with
/// `relu` it also computes the ReLU that follows it, and `output` is calibrated after it.
/// Throws ConfigError for padding other than zeros and for "same" padding that would have to
/// be uneven.
QuantizedConv2d quantizeConv2d(const torch::nn::Conv2d &conv, QuantParams input, QuantParams output,
                               bool relu = false);

} // namespace mf
