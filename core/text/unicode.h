#pragma once
// The few Unicode character properties text processing needs, by code point range (no ICU).

#include <string>
#include <string_view>

namespace mf::unicode {

/// CJK Unified Ideographs (with extension A, the supplementary-plane extensions and the
/// compatibility ideographs), Hiragana, Katakana (with the half-width forms) and Hangul.
bool isCjk(char32_t codePoint);

/// Letters, digits and combining marks of any script (everything but ASCII punctuation and
/// symbols, white space, control characters and the Unicode punctuation, symbol and emoji
/// blocks). U+FFFD is not a word character.
bool isWordCharacter(char32_t codePoint);

/// White space (ASCII, no-break space, the U+2000 spaces, line/paragraph separators,
/// ideographic space).
bool isSpace(char32_t codePoint);

/// Apostrophes that may join two parts of a word ("don't", "don’t").
bool isApostrophe(char32_t codePoint);

/// The lower-case form of an upper-case letter of the Basic Latin, Latin-1, Latin Extended-A/B,
/// Latin Extended Additional, Greek, Cyrillic and full-width Latin blocks; others unchanged.
char32_t toLower(char32_t codePoint);

/// `text` (UTF-8) with every code point lower-cased; invalid bytes become U+FFFD.
std::string toLower(std::string_view text);

} // namespace mf::unicode
