#include "core/models/text/transformertextencoder.h"

#include "core/models/activation.h"
#include "core/models/text/textmasks.h"
#include "core/util/error.h"

#include <functional>

namespace mf {

TransformerTextEncoderImpl::TransformerTextEncoderImpl(const TransformerTextEncoderOptions &options)
    : options(options)
{
    reset();
}

void TransformerTextEncoderImpl::reset()
{
    using namespace torch::nn;
    const auto dim = options.embeddingDim();
    if (options.heads() < 1 || dim % options.heads() != 0)
        throw ConfigError("model.heads: must divide embedding_dim (" + std::to_string(dim) +
                          ") evenly, not " + std::to_string(options.heads()));
    m_embedding = register_module(
        "embedding", Embedding(EmbeddingOptions(options.vocabSize(), dim).padding_idx(0)));
    m_positions = register_module("positions", Embedding(options.maxLength(), dim));
    m_dropout = register_module("drop", GeneratorDropout(options.dropout()));
    // activation_t is c10::variant in LibTorch 1.13 and std::variant in 2.x: assign its
    // alternatives one by one, which both accept.
    TransformerEncoderLayerOptions layer(dim, options.heads());
    layer.dim_feedforward(options.ffDim()).dropout(0.0);
    const Activation activation = activationFromName(options.activation());
    if (activation == Activation::Relu) {
        layer.activation(torch::kReLU);
    } else if (activation == Activation::Gelu) {
        layer.activation(torch::kGELU);
    } else {
        layer.activation(std::function<torch::Tensor(const torch::Tensor &)>(
            [activation](const torch::Tensor &x) { return activate(activation, x); }));
    }
    m_encoder = register_module("encoder", TransformerEncoder(TransformerEncoderOptions(
                                               TransformerEncoderLayer(layer), options.layers())));
}

torch::Tensor TransformerTextEncoderImpl::forward(const torch::Tensor &ids)
{
    checkTokenIds(ids, "transformer encoder");
    const auto length = ids.size(1);
    if (length > options.maxLength())
        throw ConfigError("model.max_length: " + std::to_string(length) +
                          " tokens are more than the transformer's max_length of " +
                          std::to_string(options.maxLength()));
    const torch::Tensor tokens = ids.to(torch::kLong);
    const torch::Tensor valid = validMask(tokens); // [B, L]
    const auto positions = torch::arange(length, tokens.options());
    torch::Tensor x = m_embedding(tokens) + m_positions(positions).unsqueeze(0); // [B, L, D]
    x = m_dropout(x);
    // LibTorch 1.13's C++ TransformerEncoder has no batch_first: it takes [L, B, D].
    x = m_encoder(x.transpose(0, 1), /*src_mask=*/torch::Tensor(),
                  /*src_key_padding_mask=*/valid.logical_not())
            .transpose(0, 1);
    if (options.perToken())
        return x;
    const torch::Tensor weights = valid.unsqueeze(2).to(x.scalar_type()); // [B, L, 1]
    return (x * weights).sum(1) / weights.sum(1);
}

void TransformerTextEncoderImpl::pretty_print(std::ostream &stream) const
{
    stream << "mf::TransformerTextEncoder(vocab=" << options.vocabSize()
           << ", embedding=" << options.embeddingDim() << ", max_length=" << options.maxLength()
           << ", layers=" << options.layers() << ", heads=" << options.heads()
           << ", ff=" << options.ffDim() << ", activation=" << options.activation() << ")";
}

} // namespace mf
