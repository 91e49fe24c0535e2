#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/compress/quantizedlinear.h"
#include "core/models/text/recurrentencoder.h"

#include <torch/torch.h>

#include <vector>

namespace mf {

/// A RecurrentEncoder (Elman RNN, GRU or LSTM; layers, bidirectional) with dynamic int8 weights:
/// both projections of every layer and direction run through LibTorch's
/// quantized::linear_dynamic (QuantizedLinear, per-channel qint8 weights, the activations
/// quantised at each call), the cell's gate arithmetic in float, as PyTorch's dynamically
/// quantised LSTM and GRU do. The input projection of a whole sequence is one call; the
/// recurrent one runs per time step. The embedding stays float (a lookup has no matmul to
/// speed up). Each sequence stops at its last real token as the packed float encoder does, so
/// padding never changes a result. Token ids [batch, seq_len] -> the float encoder's output.
class QuantizedRecurrentEncoderImpl : public torch::nn::Module
{
public:
    /// The weights of `source`, quantised. Per-token encoders are refused (mf::ConfigError):
    /// the int8 form serves classifiers.
    explicit QuantizedRecurrentEncoderImpl(const RecurrentEncoderImpl &source);

    torch::Tensor forward(const torch::Tensor &ids);
    /// The tensors it keeps (int8 weights a byte an element), for size reports.
    std::vector<torch::Tensor> weights() const;
    void pretty_print(std::ostream &stream) const override;

private:
    struct Direction
    {
        QuantizedLinear input{nullptr};     ///< W_ih x + b_ih, all gates
        QuantizedLinear recurrent{nullptr}; ///< W_hh h + b_hh, all gates
    };

    /// Runs one direction of one layer over `x` [B, T, in]; returns the outputs [B, T, H] and
    /// writes the state after each sequence's last real token (first, going backwards) to
    /// `last`.
    torch::Tensor run(Direction &direction, const torch::Tensor &x, const torch::Tensor &lengths,
                      bool reverse, torch::Tensor &last);
    /// h' (and c' for an LSTM) from the projections of one step.
    torch::Tensor cell(const torch::Tensor &inputGates, const torch::Tensor &hiddenGates,
                       torch::Tensor &c) const;

    RecurrentEncoderOptions m_options;
    torch::nn::Embedding m_embedding{nullptr};
    std::vector<Direction> m_directions; ///< layer-major: layer 0 forward, layer 0 backward, ...
};

TORCH_MODULE(QuantizedRecurrentEncoder);

} // namespace mf
