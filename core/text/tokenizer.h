#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mf {

/// How Tokenizer cuts text into words. Both follow ICU's word boundaries (Unicode UAX #29:
/// "can't", "3.14", "1,000", "e.g", "example.com" and "snake_case" stay whole, "e-mail" is two
/// words) and both use ICU's dictionaries for Thai, Lao, Khmer and Burmese; they differ on CJK.
enum class Segmentation
{
    /// Every CJK character (Han, kana, Hangul; with its combining marks) is a token of its own,
    /// as TextDocument's character level expects: "北京大学" -> 北, 京, 大, 学. ICU segments the
    /// text between them on its own (so "한국abc" gives 한, 국, abc).
    CjkCharacters,
    /// ICU's words: Chinese and Japanese by ICU's dictionary ("北京大学" -> 北京, 大学), Korean
    /// between its spaces.
    Words,
};

struct TokenizerOptions
{
    /// Full Unicode case folding of the tokens ("Straße" -> "strasse", "ΣΊΣΥΦΟΣ" ->
    /// "σίσυφοσ"; İ -> i). Folding, not lower-casing: equal ignoring case means equal tokens.
    bool lowerCase = true;
    Segmentation segmentation = Segmentation::CjkCharacters;
    /// NFKC normalisation before segmenting: full-width "ＡＢＣ１２３" -> "abc123" (with
    /// lowerCase), "ﬁ" -> "fi", "①" -> "1". Off by default: it changes what the text says
    /// (superscripts, fractions, compatibility ideographs), which a vocabulary may depend on.
    bool nfkc = false;
    /// Punctuation and symbols become tokens too, one character each (with its combining
    /// marks), as BERT's basic tokenizer does: "Wait... what?!" -> wait, ., ., ., what, ?, !.
    /// Short texts often say as much in their punctuation (quotes, dialogue dashes, "Q:") as in
    /// a word. Spaces, controls and U+FFFD still only separate.
    bool punctuation = false;
};

/// Splits UTF-8 text into tokens by ICU's word boundaries (Segmentation): the segments of
/// letters, digits, kana or ideographs become tokens, case-folded unless asked otherwise; an
/// apostrophe inside a word is written as ' ("don’t" -> "don't"). Everything else (punctuation,
/// symbols, emoji, spaces, U+FFFD for invalid bytes) separates tokens, unless
/// TokenizerOptions::punctuation makes each punctuation or symbol character a token as well.
/// Threading: const members may run on several threads at once (each thread keeps its own ICU
/// break iterator).
class Tokenizer
{
public:
    explicit Tokenizer(bool lowerCase = true) { m_options.lowerCase = lowerCase; }
    explicit Tokenizer(const TokenizerOptions &options) : m_options(options) {}

    bool lowerCase() const { return m_options.lowerCase; }
    Segmentation segmentation() const { return m_options.segmentation; }
    bool nfkc() const { return m_options.nfkc; }
    bool punctuation() const { return m_options.punctuation; }
    const TokenizerOptions &options() const { return m_options; }

    std::vector<std::string> tokenize(std::string_view text) const;

    /// True when `token` is made of CJK characters only (unicode::isCjk, with their combining
    /// marks): with Segmentation::CjkCharacters a single character, with Words e.g. "北京".
    static bool isCjkToken(std::string_view token);

private:
    TokenizerOptions m_options;
};

} // namespace mf
