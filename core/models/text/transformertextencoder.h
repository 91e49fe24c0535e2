#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/models/generatordropout.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace mf {

struct TransformerTextEncoderOptions
{
    TransformerTextEncoderOptions(std::int64_t vocabSize, std::int64_t embeddingDim)
        : vocabSize_(vocabSize), embeddingDim_(embeddingDim)
    {
    }
    TORCH_ARG(std::int64_t, vocabSize);
    TORCH_ARG(std::int64_t, embeddingDim);
    TORCH_ARG(std::int64_t, maxLength) = 256;
    TORCH_ARG(std::int64_t, layers) = 2;
    TORCH_ARG(std::int64_t, heads) = 4;
    TORCH_ARG(std::int64_t, ffDim) = 256;
    /// "relu" and "gelu" as LibTorch's own; "sigmoid", "tanh" as functions.
    TORCH_ARG(std::string, activation) = "relu";
    /// Of the GeneratorDropout after the embeddings.
    TORCH_ARG(double, dropout) = 0.0;
    /// forward() returns every token's output [batch, seq_len, embeddingDim] instead of their
    /// mean: what token-level pre-training predicts from.
    TORCH_ARG(bool, perToken) = false;
};

/// Token ids [batch, seq_len] (right-padded with 0, core/models/text/textmasks.h; seq_len at
/// most maxLength, otherwise mf::ConfigError) -> [batch, embeddingDim]: token embedding
/// ("embedding") plus learned position embedding ("positions"), GeneratorDropout ("drop"), a
/// torch::nn::TransformerEncoder ("encoder"; post-norm layers whose own dropout is 0, since
/// LibTorch's draws from the process-wide generator) with the padding masked as keys
/// (src_key_padding_mask), and the mean of its outputs at the real tokens. Padding therefore
/// never changes the result (in eval mode, up to rounding).
class TransformerTextEncoderImpl : public torch::nn::Cloneable<TransformerTextEncoderImpl>
{
public:
    explicit TransformerTextEncoderImpl(const TransformerTextEncoderOptions &options);

    void reset() override;
    torch::Tensor forward(const torch::Tensor &ids);
    void pretty_print(std::ostream &stream) const override;

    TransformerTextEncoderOptions options;

private:
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::Embedding m_positions{nullptr};
    GeneratorDropout m_dropout{nullptr};
    torch::nn::TransformerEncoder m_encoder{nullptr};
};

TORCH_MODULE(TransformerTextEncoder);

} // namespace mf
