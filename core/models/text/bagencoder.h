#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <cstdint>

namespace mf {

/// How a BagEncoder pools the embeddings of a text's tokens.
enum class BagPooling
{
    Mean,
    Max
};

struct BagEncoderOptions
{
    BagEncoderOptions(std::int64_t vocabSize, std::int64_t embeddingDim)
        : vocabSize_(vocabSize), embeddingDim_(embeddingDim)
    {
    }
    TORCH_ARG(std::int64_t, vocabSize);
    TORCH_ARG(std::int64_t, embeddingDim);
    TORCH_ARG(BagPooling, pooling) = BagPooling::Mean;
};

/// Token ids [batch, seq_len] (right-padded with 0, core/models/text/textmasks.h) ->
/// [batch, embeddingDim]: the mean or the element-wise max of the embeddings (child
/// "embedding") of the real tokens; padding takes no part. An all-padding row gives zeros.
class BagEncoderImpl : public torch::nn::Cloneable<BagEncoderImpl>
{
public:
    explicit BagEncoderImpl(const BagEncoderOptions &options);

    void reset() override;
    torch::Tensor forward(const torch::Tensor &ids);
    void pretty_print(std::ostream &stream) const override;

    BagEncoderOptions options;

private:
    torch::nn::Embedding m_embedding{nullptr};
};

TORCH_MODULE(BagEncoder);

} // namespace mf
