#include "core/text/unicode.h"

#include "core/text/icutext.h"
#include "core/text/utf8.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

namespace mf::unicode {

namespace {

constexpr char32_t kMaxCodePoint = 0x10FFFF;

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char byte) { return static_cast<unsigned char>(byte) < 0x80; });
}

std::string asciiLower(std::string_view text)
{
    std::string out(text);
    for (char &byte : out)
        if (byte >= 'A' && byte <= 'Z')
            byte = static_cast<char>(byte - 'A' + 'a');
    return out;
}

std::string toUtf8(const icu::UnicodeString &text)
{
    std::string out;
    text.toUTF8String(out);
    return out;
}

} // namespace

bool isCjk(char32_t c)
{
    if (c < 0x1100 || !isWordCharacter(c))
        return false;
    const auto cp = static_cast<UChar32>(c);
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(cp, &status);
    if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
        script == USCRIPT_HANGUL)
        return true;
    if (script != USCRIPT_COMMON && script != USCRIPT_INHERITED)
        return false;
    // Shared by several scripts (ー, the kana voicing marks): by Script_Extensions.
    return uscript_hasScript(cp, USCRIPT_HAN) || uscript_hasScript(cp, USCRIPT_HIRAGANA) ||
           uscript_hasScript(cp, USCRIPT_KATAKANA) || uscript_hasScript(cp, USCRIPT_HANGUL);
}

bool isWordCharacter(char32_t c)
{
    if (c > kMaxCodePoint)
        return false;
    constexpr std::uint32_t kWordCategories = U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK;
    return (U_GET_GC_MASK(static_cast<UChar32>(c)) & kWordCategories) != 0;
}

bool isSpace(char32_t c)
{
    return c <= kMaxCodePoint && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE);
}

bool isApostrophe(char32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0xFF07;
}

char32_t toLower(char32_t c)
{
    return c > kMaxCodePoint ? c : static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

std::string toLower(std::string_view text)
{
    if (isAscii(text))
        return asciiLower(text);
    icu::UnicodeString unicode = icutext::fromUtf8(text);
    unicode.toLower(icu::Locale::getRoot());
    return toUtf8(unicode);
}

std::string foldCase(std::string_view text)
{
    if (isAscii(text))
        return asciiLower(text);
    icu::UnicodeString unicode = icutext::fromUtf8(text);
    icutext::foldCase(unicode);
    return toUtf8(unicode);
}

std::string normalizeNfkc(std::string_view text)
{
    if (isAscii(text))
        return std::string(text);
    icu::UnicodeString unicode = icutext::fromUtf8(text);
    icutext::normalizeNfkc(unicode);
    return toUtf8(unicode);
}

} // namespace mf::unicode
