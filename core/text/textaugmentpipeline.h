#pragma once

#include "core/text/textdocument.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mf {

class WordNet;

enum class TextAugmentKind
{
    SynonymReplacement, ///< "synonym_replacement" (EDA SR)
    RandomInsertion,    ///< "random_insertion" (EDA RI)
    RandomSwap,         ///< "random_swap" (EDA RS)
    RandomDeletion,     ///< "random_deletion" (EDA RD, p = alpha)
    SentenceReorder,    ///< "sentence_reorder" (no alpha)
};

/// One step of a text pipeline. `alpha` is EDA's strength: SR, RI and RS change
/// n = max(1, round(alpha * words)) words, RD deletes each word with probability alpha.
struct TextAugmentOp
{
    TextAugmentKind kind = TextAugmentKind::SynonymReplacement;
    bool enabled = true;
    double probability = 1.0; ///< chance that a sample gets this operation
    double alpha = 0.1;

    /// The JSON identifier ("random_swap").
    std::string name() const;
    bool usesAlpha() const { return kind != TextAugmentKind::SentenceReorder; }

    bool operator==(const TextAugmentOp &other) const;
    bool operator!=(const TextAugmentOp &other) const { return !(*this == other); }

    static std::optional<TextAugmentKind> kindNamed(const std::string &name);
    /// Every operation identifier, in TextAugmentKind order.
    static const std::vector<std::string> &names();
};

/// An ordered list of text augmentation operations (EDA and sentence reordering), the text
/// counterpart of AugmentPipeline. Every random draw is a pure function of (seed, epoch, sample
/// index, operation index), so a sample comes out the same in training and in a preview.
/// Threading: const members may run on several threads at once.
///
/// JSON: {"level": "auto", "operations": [{"op": "synonym_replacement", "enabled": true,
///        "probability": 1, "alpha": 0.1}, ...]}; "level" is "auto" (char level for mostly CJK
///        text), "word" or "char" (see TextLevel).
class TextAugmentPipeline
{
public:
    TextAugmentPipeline() = default;
    explicit TextAugmentPipeline(std::vector<TextAugmentOp> ops, TextLevel level = TextLevel::Auto);

    void add(const TextAugmentOp &op);
    const std::vector<TextAugmentOp> &ops() const { return m_ops; }
    std::vector<TextAugmentOp> &ops() { return m_ops; }
    TextLevel level() const { return m_level; }
    void setLevel(TextLevel level) { m_level = level; }

    /// The synonym database of SR and RI; without one they use WordNet::shared(), loaded the
    /// first time a word-level synonym operation runs.
    void setWordNet(std::shared_ptr<const WordNet> wordNet) { m_wordNet = std::move(wordNet); }

    nlohmann::json toJson() const;
    /// Unknown operations, unknown keys and bad values throw mf::ConfigError naming the key,
    /// e.g. "operations[2].alpha: must be in [0, 1] (got 1.5)"; `prefix` is put before every key.
    static TextAugmentPipeline fromJson(const nlohmann::json &json, const std::string &prefix = {});

    /// The augmented text: the enabled operations in order, each with its probability. When no
    /// operation applies the text comes back unchanged; otherwise it is written as its
    /// TextDocument (tokens joined by single spaces at word level, without spaces at char
    /// level). `drawn`, when given, receives one JSON object per applied operation:
    /// {"op", "index", "level", drawn parameters...}. Throws mf::DataError when a word-level
    /// synonym operation needs the shared WordNet and it cannot be loaded.
    std::string apply(const std::string &text, std::uint64_t seed, int epoch,
                      std::int64_t sampleIndex, std::vector<nlohmann::json> *drawn = nullptr) const;

    static std::string levelName(TextLevel level);

private:
    std::vector<TextAugmentOp> m_ops;
    TextLevel m_level = TextLevel::Auto;
    std::shared_ptr<const WordNet> m_wordNet;
};

} // namespace mf
