#include "core/train/textbatchaugmenter.h"

#include "core/util/error.h"

#include <algorithm>

namespace mf {

TextBatchAugmenter::TextBatchAugmenter(std::shared_ptr<const TextAugmentPipeline> pipeline,
                                       std::shared_ptr<const std::vector<std::string>> texts,
                                       Vocabulary vocabulary, TokenizerOptions tokenizer,
                                       std::int64_t sequenceLength, std::uint64_t seed)
    : m_pipeline(std::move(pipeline)), m_texts(std::move(texts)),
      m_vocabulary(std::move(vocabulary)), m_tokenizer(tokenizer), m_length(sequenceLength),
      m_seed(seed)
{
}

torch::Tensor TextBatchAugmenter::operator()(const torch::Tensor &sampleIndices, int epoch) const
{
    const torch::Tensor indices = sampleIndices.to(torch::kCPU, torch::kLong).contiguous();
    const std::int64_t count = indices.numel();
    torch::Tensor ids = torch::empty({count, m_length}, torch::kLong);
    std::int64_t *out = ids.data_ptr<std::int64_t>();
    const std::int64_t *index = indices.data_ptr<std::int64_t>();
    for (std::int64_t i = 0; i < count; ++i) {
        const std::int64_t sample = index[i];
        if (sample < 0 || sample >= static_cast<std::int64_t>(m_texts->size()))
            throw ConfigError("text augmentation: sample " + std::to_string(sample) +
                              " is not one of the " + std::to_string(m_texts->size()) +
                              " training documents");
        const std::string augmented =
            m_pipeline->apply((*m_texts)[static_cast<std::size_t>(sample)], m_seed, epoch, sample);
        const std::vector<std::int64_t> row =
            m_vocabulary.encodeText(augmented, m_tokenizer, m_length);
        std::copy(row.begin(), row.end(), out + i * m_length);
    }
    return ids;
}

} // namespace mf
