#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

struct TextCnnEncoderOptions
{
    TextCnnEncoderOptions(std::int64_t vocabSize, std::int64_t embeddingDim)
        : vocabSize_(vocabSize), embeddingDim_(embeddingDim)
    {
    }
    TORCH_ARG(std::int64_t, vocabSize);
    TORCH_ARG(std::int64_t, embeddingDim);
    TORCH_ARG(std::vector<std::int64_t>, kernelSizes) = std::vector<std::int64_t>{3, 4, 5};
    TORCH_ARG(std::int64_t, filters) = 64;
    TORCH_ARG(std::string, activation) = "relu";
};

/// Kim's sentence CNN. Token ids [batch, seq_len] (right-padded with 0,
/// core/models/text/textmasks.h) -> [batch, filters * kernel sizes]: embedding (child
/// "embedding"; padding positions are zero vectors), one Conv1d per kernel size (children
/// "convs.0", "convs.1", ...; no padding), the activation, then each filter's maximum over the
/// windows that lie entirely inside the real tokens. A text shorter than a kernel is extended
/// with zero vectors to that kernel's size, so that it has one window; padding therefore never
/// changes the result and any seq_len works.
class TextCnnEncoderImpl : public torch::nn::Cloneable<TextCnnEncoderImpl>
{
public:
    explicit TextCnnEncoderImpl(const TextCnnEncoderOptions &options);

    void reset() override;
    torch::Tensor forward(const torch::Tensor &ids);
    void pretty_print(std::ostream &stream) const override;

    std::int64_t outputSize() const;

    TextCnnEncoderOptions options;

private:
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::ModuleList m_convs{nullptr};
    torch::nn::AnyModule m_activation;
};

TORCH_MODULE(TextCnnEncoder);

} // namespace mf
