#pragma once
// The bridge between the engine's UTF-8 text and ICU's UTF-16 strings, for core/text's own
// sources: ICU's headers stay out of the public headers.

#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace mf::icutext {

/// `bytes` (UTF-8) as UTF-16; invalid subsequences become U+FFFD as in utf8::decode().
/// Throws Error for texts of 2 GiB or more (ICU indexes strings with int32_t).
icu::UnicodeString fromUtf8(std::string_view bytes);

/// Full case folding (U_FOLD_CASE_DEFAULT: "Straße" -> "strasse", final sigma -> σ), except
/// that U+0130 (İ) folds to a plain "i", not "i" + U+0307.
void foldCase(icu::UnicodeString &text);

/// `text` in Normalization Form KC (full-width "Ａ１" -> "A1", "ﬁ" -> "fi").
void normalizeNfkc(icu::UnicodeString &text);

} // namespace mf::icutext
