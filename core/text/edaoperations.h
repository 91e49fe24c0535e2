#pragma once
// The text augmentation operations of EDA (Wei & Zou 2019, "EDA: Easy Data Augmentation
// Techniques for Boosting Performance on Text Classification Tasks") and sentence reordering,
// on a TextDocument. Each draws from row 0 of `rng`, changes the document and returns what it
// drew as a JSON object. At char level (CJK text) the units are characters: insertion copies a
// character of the same text and synonym replacement has no dictionary to draw from.

#include <nlohmann/json.hpp>

#include <cstdint>

namespace mf {

class AugmentRandom;
class TextDocument;
class Tokenizer;
class WordNet;

/// n = max(1, round(alpha * words)): the number of changes of SR, RI and RS.
std::int64_t edaChangeCount(double alpha, std::int64_t words);

/// SR: n distinct positions, drawn among the non-stop words that have synonyms, each replaced
/// by one of its synonyms drawn at random. {"n", "replaced": [{"index", "word", "synonym"}]}
/// (indices into the document as it was). `wordNet` may be null at char level only.
nlohmann::json synonymReplacement(TextDocument &document, double alpha, const WordNet *wordNet,
                                  const Tokenizer &tokenizer, AugmentRandom &rng);

/// RI, n times: a random synonym of a random non-stop word (up to 10 words tried), or at char
/// level a copy of a random character, inserted at a random position 0..size.
/// {"n", "inserted": [{"word", "synonym", "position"}]} or [{"character", "position"}].
nlohmann::json randomInsertion(TextDocument &document, double alpha, const WordNet *wordNet,
                               const Tokenizer &tokenizer, AugmentRandom &rng);

/// RS, n times: swaps the units at two different random positions. {"n", "swaps": [[i, j]]}
nlohmann::json randomSwap(TextDocument &document, double alpha, AugmentRandom &rng);

/// RD: deletes each unit with probability p; a one-unit text is left alone and when every unit
/// would go, one drawn at random stays. {"p", "deleted": [indices], "kept": index (only then)}
nlohmann::json randomDeletion(TextDocument &document, double p, AugmentRandom &rng);

/// Shuffles the sentences (Fisher-Yates). {"order": [original sentence of each position]}
nlohmann::json sentenceReorder(TextDocument &document, AugmentRandom &rng);

} // namespace mf
