#pragma once
// UTF-8 validation, repair, decoding and encoding, without any locale or library support.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mf::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

/// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or values above
/// U+10FFFF).
bool isValid(std::string_view bytes);

/// `bytes` with every maximal invalid subsequence replaced by U+FFFD (the Unicode "substitution
/// of maximal subparts" practice). Adds the number of replacements to `*replaced` when given.
std::string sanitize(std::string_view bytes, std::int64_t *replaced = nullptr);

/// The code points of `bytes`; invalid subsequences decode to U+FFFD as in sanitize().
std::vector<char32_t> decode(std::string_view bytes);

/// Appends the UTF-8 form of `codePoint` (U+FFFD for surrogates and values above U+10FFFF).
void append(std::string &out, char32_t codePoint);
std::string encode(char32_t codePoint);
std::string encode(const std::vector<char32_t> &codePoints);

/// Decodes one code point at `bytes[pos]` and advances `pos` past it (past the maximal invalid
/// subsequence, returning U+FFFD and setting `*valid` false, when the bytes there are not UTF-8).
/// Requires pos < bytes.size().
char32_t next(std::string_view bytes, std::size_t &pos, bool *valid = nullptr);

} // namespace mf::utf8
