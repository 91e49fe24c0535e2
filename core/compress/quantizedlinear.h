#pragma once

#include "core/compress/quantops.h"
#include "core/compress/quantparams.h"
#include "core/compress/quantweight.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace mf {

/// Dynamic: activations are quantised at each call from their own range, float in and out.
/// Static: activations use parameters calibrated beforehand (QuantObserver).
enum class QuantMode
{
    Dynamic,
    Static
};

/// Everything a quantised linear layer is made of, as saved and reloaded.
struct QuantizedLinearState
{
    QuantMode mode = QuantMode::Dynamic;
    torch::Tensor weight; ///< qint8 [out, in], per tensor or per output channel (axis 0)
    torch::Tensor bias;   ///< float32 [out], or undefined
    QuantParams input;    ///< static: the quint8 parameters of the input
    QuantParams output;   ///< static: the quint8 parameters of the output
    bool relu = false;    ///< a following ReLU fused in (linear_relu, linear_relu_dynamic)
};

/// A linear layer that runs LibTorch's int8 kernels (quantized::linear*). Its weights are packed
/// on the engine selected when it is built (setQuantEngine) and keep running there; prepack()
/// packs them again for the engine selected now. Not copyable by clone(): build another one
/// from state().
class QuantizedLinearImpl : public torch::nn::Module
{
public:
    /// Checks the state (throws ConfigError) and packs the weights.
    explicit QuantizedLinearImpl(QuantizedLinearState state);

    /// Float in, float out, in either mode: a static layer quantises the input with its
    /// calibrated parameters and dequantises its output. [*, in] -> [*, out].
    torch::Tensor forward(const torch::Tensor &input);
    /// Static only: quint8 in (its own scale and zero point are used), quint8 out with the
    /// calibrated output parameters, so that a chain of static layers stays int8.
    torch::Tensor forwardQuantized(const torch::Tensor &input);
    /// forwardQuantized() of a quint8 [N, C, H, W] activation stored channels-last, flattened
    /// in its storage order (H, W, C) without a copy: the layer multiplies it by its weight with
    /// the columns permuted to that order, packed once per geometry and engine. The result is
    /// that of forwardQuantized(input.contiguous().flatten(1)), without reordering the
    /// activation. Throws ConfigError where C * H * W is not inFeatures().
    torch::Tensor forwardQuantizedChannelsLast(const torch::Tensor &input);
    /// Static only: a float input as quint8 with the calibrated input parameters.
    torch::Tensor quantizeInput(const torch::Tensor &input) const;

    void prepack();
    c10::QEngine engine() const { return m_engine; }
    const QuantizedLinearState &state() const { return m_state; }
    std::int64_t inFeatures() const { return m_state.weight.size(1); }
    std::int64_t outFeatures() const { return m_state.weight.size(0); }

    /// Writes state() as plain tensors (int8 weights), about a quarter of the float layer;
    /// torch::save(layer, path) calls it.
    void save(torch::serialize::OutputArchive &archive) const override;
    /// Replaces the state with the one save() wrote and packs it for the engine selected now;
    /// torch::load(layer, path) calls it. Throws Error for an archive that holds none.
    void load(torch::serialize::InputArchive &archive) override;
    /// The state that save() wrote to `path`, to build a layer from; throws Error as load().
    static QuantizedLinearState loadState(const std::string &path);

    void pretty_print(std::ostream &stream) const override;

private:
    /// Throws ConfigError for a state that cannot make a layer.
    static void check(const QuantizedLinearState &state);
    /// `weight` (m_state's, or its columns reordered) and the bias packed on the layer's engine.
    QuantLinearPacked pack(const torch::Tensor &weight) const;
    /// The weight packed for `input`'s shape (PackedPerShape).
    QuantLinearPacked packedFor(const torch::Tensor &input);
    static QuantizedLinearState readState(torch::serialize::InputArchive &archive);

    QuantizedLinearState m_state;
    c10::QEngine m_engine = c10::QEngine::NoQEngine;
    /// m_state's weight packed for each input shape.
    PackedPerShape<QuantLinearPacked> m_packedPerShape;
    /// The weight with its columns in channels-last order, packed for each input shape.
    PackedPerShape<QuantLinearPacked> m_packedChannelsLast;
};

TORCH_MODULE(QuantizedLinear);

/// `linear` with qint8 weights, activations quantised at each call.
QuantizedLinear quantizeLinearDynamic(const torch::nn::Linear &linear,
                                      QuantGranularity granularity = QuantGranularity::PerChannel,
                                      bool relu = false);
/// `linear` with per-channel qint8 weights and calibrated input and output parameters; with
/// `relu` it also computes the ReLU that follows it, and `output` is calibrated after it.
QuantizedLinear quantizeLinearStatic(const torch::nn::Linear &linear, QuantParams input,
                                     QuantParams output, bool relu = false);

} // namespace mf
