#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

class Tokenizer;

/// Word level: the units are words (and single CJK characters), written joined by single
/// spaces. Char level: the units are the characters of CJK text (a word of an alphabetic script
/// stays one unit), written without spaces except between two alphabetic words. Auto: char
/// level when more than half of the tokens are CJK characters.
enum class TextLevel
{
    Auto,
    Word,
    Char
};

/// A document as text augmentation works on it: the Tokenizer's tokens in order, each with the
/// sentence it belongs to, so sentences can be reordered after words were swapped or deleted.
/// Punctuation is not kept: the written form is the token stream.
class TextDocument
{
public:
    /// Splits `text` into sentences (at . ! ? followed by a non-word character or the end, and
    /// at the CJK 。！？) and tokenises each; sentences without tokens are dropped. `level` Auto
    /// is resolved from the tokens.
    static TextDocument fromText(std::string_view text, TextLevel level,
                                 const Tokenizer &tokenizer);

    /// The sentences of `text`, terminators included, surrounding white space removed.
    static std::vector<std::string> splitSentences(std::string_view text);

    /// Char when more than half of `tokens` are CJK characters, otherwise Word.
    static TextLevel detectLevel(const std::vector<std::string> &tokens);

    TextLevel level() const { return m_level; }
    std::int64_t size() const { return static_cast<std::int64_t>(m_units.size()); }
    bool empty() const { return m_units.empty(); }
    const std::vector<std::string> &units() const { return m_units; }
    const std::string &unit(std::int64_t index) const;
    /// Sentence number of each unit; equal numbers are contiguous.
    const std::vector<int> &sentences() const { return m_sentenceOf; }
    int sentenceCount() const;

    void setUnit(std::int64_t index, std::string unit);
    /// Replaces the unit at `index` by `units` (at least one), in its sentence.
    void replace(std::int64_t index, const std::vector<std::string> &units);
    /// Inserts `units` before position `index` (0..size()), into the sentence of the unit
    /// before it (the first sentence at position 0).
    void insert(std::int64_t index, const std::vector<std::string> &units);
    void swap(std::int64_t a, std::int64_t b);
    /// Keeps the units whose `keep` entry is true.
    void retain(const std::vector<bool> &keep);
    /// Rewrites the sentences in the order `order` (a permutation of 0..sentenceCount()-1, the
    /// sentences numbered by their current position) and renumbers them.
    void reorderSentences(const std::vector<int> &order);

    /// The written form (see TextLevel).
    std::string text() const;

private:
    std::vector<std::string> m_units;
    std::vector<int> m_sentenceOf;
    TextLevel m_level = TextLevel::Word;
};

} // namespace mf
