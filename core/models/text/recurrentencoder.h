#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <cstdint>

namespace mf {

/// The cell of a RecurrentEncoder: Elman (torch::nn::RNN with tanh), GRU or LSTM.
enum class RecurrentCell
{
    Elman,
    Gru,
    Lstm
};

struct RecurrentEncoderOptions
{
    RecurrentEncoderOptions(RecurrentCell cell, std::int64_t vocabSize, std::int64_t embeddingDim,
                            std::int64_t hiddenSize)
        : cell_(cell), vocabSize_(vocabSize), embeddingDim_(embeddingDim), hiddenSize_(hiddenSize)
    {
    }
    TORCH_ARG(RecurrentCell, cell);
    TORCH_ARG(std::int64_t, vocabSize);
    TORCH_ARG(std::int64_t, embeddingDim);
    TORCH_ARG(std::int64_t, hiddenSize);
    TORCH_ARG(std::int64_t, layers) = 1;
    TORCH_ARG(bool, bidirectional) = false;
    /// forward() returns every token's state [batch, seq_len, outputSize()] (zeros at the
    /// padding) instead of the final one: what token-level pre-training predicts from.
    TORCH_ARG(bool, perToken) = false;
};

/// Token ids [batch, seq_len] (right-padded with 0, core/models/text/textmasks.h) ->
/// [batch, hiddenSize * directions]: embedding (children "embedding", "rnn"), the sequences
/// packed with their lengths (pack_padded_sequence, enforce_sorted = false) so that padding
/// never reaches the cell, and the final hidden state of the last layer: the forward state at
/// the last real token, for a bidirectional encoder followed by the backward state at the first.
class RecurrentEncoderImpl : public torch::nn::Cloneable<RecurrentEncoderImpl>
{
public:
    explicit RecurrentEncoderImpl(const RecurrentEncoderOptions &options);

    void reset() override;
    torch::Tensor forward(const torch::Tensor &ids);
    void pretty_print(std::ostream &stream) const override;

    std::int64_t outputSize() const;

    RecurrentEncoderOptions options;

private:
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::RNN m_rnn{nullptr};
    torch::nn::GRU m_gru{nullptr};
    torch::nn::LSTM m_lstm{nullptr};
};

TORCH_MODULE(RecurrentEncoder);

} // namespace mf
