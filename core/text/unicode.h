#pragma once
// The Unicode character properties, case mappings and normalisation text processing needs, from
// ICU (the Unicode version of the installed libicu). UTF-8 in and out; invalid bytes become
// U+FFFD. Threading: every function may run on several threads at once.

#include <string>
#include <string_view>

namespace mf::unicode {

/// A letter, digit or combining mark of the Han, Hiragana, Katakana or Hangul scripts (by
/// Script_Extensions, so also the prolonged sound mark ー and the kana voicing marks).
/// CJK punctuation and symbols are not.
bool isCjk(char32_t codePoint);

/// A letter, number or combining mark of any script (general categories L, N and M).
/// Punctuation, symbols, spaces, controls, emoji, U+FFFD and non-characters are not.
bool isWordCharacter(char32_t codePoint);

/// White space by the Unicode White_Space property (ASCII spaces and controls, NEL, no-break
/// space, the U+2000 spaces, line/paragraph separators, ideographic space).
bool isSpace(char32_t codePoint);

/// Apostrophes that may join two parts of a word ("don't", "don’t"): ' and the typographic
/// ’ and ‘ and the full-width ＇ (the apostrophes among UAX #29's MidNumLet).
bool isApostrophe(char32_t codePoint);

/// The simple (one code point) lower-case mapping.
char32_t toLower(char32_t codePoint);

/// `text` (UTF-8) lower-cased by the full, language-independent mapping ("ẞ" -> "ß", "ΑΣ" ->
/// "ας" with a final sigma). For comparing text, foldCase() is the better choice.
std::string toLower(std::string_view text);

/// `text` (UTF-8) with full case folding ("Straße" -> "strasse", "ΣΊΣΥΦΟΣ" -> "σίσυφοσ", "Ｋ" ->
/// "ｋ"): two spellings that differ only in case fold to the same string. U+0130 (İ) folds to
/// a plain "i" (Unicode's full folding gives "i" + U+0307).
std::string foldCase(std::string_view text);

/// `text` (UTF-8) in Normalization Form KC: compatibility characters replaced ("ＡＢＣ１２３" ->
/// "ABC123", "ﬁ" -> "fi", "①" -> "1") and accents composed.
std::string normalizeNfkc(std::string_view text);

} // namespace mf::unicode
