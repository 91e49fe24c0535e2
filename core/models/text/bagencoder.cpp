#include "core/models/text/bagencoder.h"

#include "core/models/text/textmasks.h"

#include <limits>

namespace mf {

BagEncoderImpl::BagEncoderImpl(const BagEncoderOptions &options) : options(options)
{
    reset();
}

void BagEncoderImpl::reset()
{
    using namespace torch::nn;
    m_embedding = register_module(
        "embedding",
        Embedding(EmbeddingOptions(options.vocabSize(), options.embeddingDim()).padding_idx(0)));
}

torch::Tensor BagEncoderImpl::forward(const torch::Tensor &ids)
{
    checkTokenIds(ids, "bag encoder");
    const torch::Tensor embedded = m_embedding(ids.to(torch::kLong)); // [B, L, D]
    const torch::Tensor real = tokenMask(ids).unsqueeze(2);           // [B, L, 1]
    if (options.pooling() == BagPooling::Mean) {
        const torch::Tensor sum = embedded.masked_fill(real.logical_not(), 0.0).sum(1);
        const torch::Tensor count = real.sum(1).clamp_min(1).to(sum.scalar_type());
        return sum / count;
    }
    const torch::Tensor masked =
        embedded.masked_fill(real.logical_not(), -std::numeric_limits<float>::infinity());
    const torch::Tensor pooled = std::get<0>(masked.max(1));
    // An all-padding row: zeros rather than -inf.
    return pooled.masked_fill(real.any(1).logical_not(), 0.0);
}

void BagEncoderImpl::pretty_print(std::ostream &stream) const
{
    stream << "mf::BagEncoder(vocab=" << options.vocabSize()
           << ", embedding=" << options.embeddingDim()
           << ", pooling=" << (options.pooling() == BagPooling::Mean ? "mean" : "max") << ")";
}

} // namespace mf
