#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/text/textaugmentpipeline.h"
#include "core/text/tokenizer.h"
#include "core/text/vocabulary.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mf {

/// A text run's training batches drawn through a text augmentation pipeline (EDA): each
/// document is augmented from its raw text with the draws of (seed, epoch, sample index), as the
/// Augment page previews it, then tokenised and encoded with the run's vocabulary exactly as
/// unaugmented documents are (truncated to the sequence length, right-padded with 0).
/// Threading: operator() may run on several threads at once.
class TextBatchAugmenter
{
public:
    /// `texts`: the documents of the training part as loaded, indexed by sample index.
    TextBatchAugmenter(std::shared_ptr<const TextAugmentPipeline> pipeline,
                       std::shared_ptr<const std::vector<std::string>> texts, Vocabulary vocabulary,
                       TokenizerOptions tokenizer, std::int64_t sequenceLength, std::uint64_t seed);

    /// int64 [B, sequenceLength]: the ids of the augmented documents `sampleIndices` (integer
    /// [B]) for `epoch` (counted from 1). mf::ConfigError for an index outside the texts.
    torch::Tensor operator()(const torch::Tensor &sampleIndices, int epoch) const;

private:
    std::shared_ptr<const TextAugmentPipeline> m_pipeline;
    std::shared_ptr<const std::vector<std::string>> m_texts;
    Vocabulary m_vocabulary;
    Tokenizer m_tokenizer;
    std::int64_t m_length;
    std::uint64_t m_seed;
};

} // namespace mf
