#include "core/models/text/textcnnencoder.h"

#include "core/models/activation.h"
#include "core/models/text/textmasks.h"
#include "core/util/error.h"

#include <algorithm>
#include <limits>

namespace mf {

TextCnnEncoderImpl::TextCnnEncoderImpl(const TextCnnEncoderOptions &options) : options(options)
{
    reset();
}

void TextCnnEncoderImpl::reset()
{
    using namespace torch::nn;
    if (options.kernelSizes().empty())
        throw ConfigError("model.kernel_sizes: must not be empty");
    m_embedding = register_module(
        "embedding",
        Embedding(EmbeddingOptions(options.vocabSize(), options.embeddingDim()).padding_idx(0)));
    m_convs = register_module("convs", ModuleList());
    for (const auto kernel : options.kernelSizes())
        m_convs->push_back(
            Conv1d(Conv1dOptions(options.embeddingDim(), options.filters(), kernel)));
    m_activation = makeActivation(options.activation());
    register_module("act", m_activation.ptr());
}

std::int64_t TextCnnEncoderImpl::outputSize() const
{
    return options.filters() * static_cast<std::int64_t>(options.kernelSizes().size());
}

torch::Tensor TextCnnEncoderImpl::forward(const torch::Tensor &ids)
{
    checkTokenIds(ids, "textcnn encoder");
    const auto &kernels = options.kernelSizes();
    const std::int64_t longest = *std::max_element(kernels.begin(), kernels.end());
    const torch::Tensor valid = validMask(ids); // [B, L]
    const torch::Tensor lengths = tokenLengths(ids);
    // [B, D, L], zero at the padding, extended with zeros to the longest kernel.
    torch::Tensor x = m_embedding(ids.to(torch::kLong))
                          .masked_fill(valid.logical_not().unsqueeze(2), 0.0)
                          .transpose(1, 2);
    if (x.size(2) < longest)
        x = torch::constant_pad_nd(x, {0, longest - x.size(2)}, 0.0);
    std::vector<torch::Tensor> pooled;
    pooled.reserve(kernels.size());
    for (std::size_t i = 0; i < kernels.size(); ++i) {
        const std::int64_t k = kernels[i];
        torch::Tensor y = m_activation.forward(m_convs[i]->as<torch::nn::Conv1d>()->forward(x));
        // Window t covers tokens [t, t + k): valid while t + k <= max(length, k).
        const auto windows = torch::arange(y.size(2), lengths.options());
        const torch::Tensor inside =
            windows.unsqueeze(0).le((lengths.clamp_min(k) - k).unsqueeze(1)); // [B, T]
        y = y.masked_fill(inside.logical_not().unsqueeze(1),
                          -std::numeric_limits<float>::infinity());
        pooled.push_back(std::get<0>(y.max(2)));
    }
    return torch::cat(pooled, 1);
}

void TextCnnEncoderImpl::pretty_print(std::ostream &stream) const
{
    stream << "mf::TextCnnEncoder(vocab=" << options.vocabSize()
           << ", embedding=" << options.embeddingDim() << ", kernels=[";
    for (std::size_t i = 0; i < options.kernelSizes().size(); ++i)
        stream << (i ? "," : "") << options.kernelSizes()[i];
    stream << "], filters=" << options.filters() << ", activation=" << options.activation() << ")";
}

} // namespace mf
