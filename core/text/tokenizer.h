#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mf {

/// Splits UTF-8 text into tokens: runs of letters and digits of alphabetic scripts become
/// lower-cased words (an apostrophe between two letters stays inside: "don't"; the typographic
/// ’ is written as '), and every CJK character (ideographs, kana, Hangul) is a token of its own.
/// Everything else (punctuation, symbols, spaces, U+FFFD) separates tokens.
/// Threading: const members may run on several threads at once.
class Tokenizer
{
public:
    explicit Tokenizer(bool lowerCase = true) : m_lowerCase(lowerCase) {}

    bool lowerCase() const { return m_lowerCase; }

    std::vector<std::string> tokenize(std::string_view text) const;

    /// True when `token` is a single CJK character (as tokenize() makes them).
    static bool isCjkToken(std::string_view token);

private:
    bool m_lowerCase;
};

} // namespace mf
