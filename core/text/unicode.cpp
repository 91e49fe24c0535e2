#include "core/text/unicode.h"

#include "core/text/utf8.h"

namespace mf::unicode {

namespace {

bool in(char32_t c, char32_t lo, char32_t hi)
{
    return c >= lo && c <= hi;
}

bool isEven(char32_t c)
{
    return c % 2 == 0;
}

/// Blocks (or parts of them) that hold punctuation, symbols, spaces and controls only.
bool isPunctuationOrSymbol(char32_t c)
{
    if (in(c, 0x80, 0xBF)) // Latin-1 controls, punctuation and symbols, but its letters
        return c != 0xAA && c != 0xB5 && c != 0xBA && c != 0xB2 && c != 0xB3 && c != 0xB9 &&
               !in(c, 0xBC, 0xBE);
    if (c == 0xD7 || c == 0xF7)
        return true;
    if (c == 0x37E || c == 0x387 || in(c, 0x55A, 0x55F) || c == 0x589 || c == 0x5BE || c == 0x5C0 ||
        c == 0x5C3 || c == 0x5C6 || in(c, 0x5F3, 0x5F4) || in(c, 0x600, 0x60F) || c == 0x61B ||
        in(c, 0x61D, 0x61F) || in(c, 0x66A, 0x66D) || c == 0x6D4 || in(c, 0x964, 0x965) ||
        c == 0xE3F || c == 0xE4F || in(c, 0xE5A, 0xE5B))
        return true;
    return in(c, 0x2000, 0x2BFF) || // general punctuation up to miscellaneous symbols/arrows
           in(c, 0x2E00, 0x2E7F) || // supplemental punctuation
           in(c, 0x3000, 0x3004) || // ideographic space and CJK punctuation...
           in(c, 0x3008, 0x3020) || // ...brackets and marks (keeping 々 and 〆)
           c == 0x3030 || c == 0x303D || c == 0x30FB || in(c, 0xFE10, 0xFE1F) || // vertical forms
           in(c, 0xFE30, 0xFE6F) || // CJK compatibility forms, small form variants
           in(c, 0xFF01, 0xFF0F) || // full-width punctuation
           in(c, 0xFF1A, 0xFF20) || in(c, 0xFF3B, 0xFF40) || in(c, 0xFF5B, 0xFF65) ||
           in(c, 0xFFE0, 0xFFEF) ||   // full-width signs
           in(c, 0xFFF0, 0xFFFF) ||   // specials, including U+FFFD
           in(c, 0xE000, 0xF8FF) ||   // private use
           in(c, 0xD800, 0xDFFF) ||   // surrogates (never valid scalar values)
           in(c, 0x1F000, 0x1FAFF) || // mahjong, cards, emoji, pictographs, symbols
           c > 0x10FFFF;
}

} // namespace

bool isCjk(char32_t c)
{
    return in(c, 0x4E00, 0x9FFF) || in(c, 0x3400, 0x4DBF) || in(c, 0x20000, 0x2FA1F) ||
           in(c, 0xF900, 0xFAFF) || in(c, 0x3040, 0x309F) || in(c, 0x30A0, 0x30FA) ||
           in(c, 0x30FC, 0x30FF) || in(c, 0x31F0, 0x31FF) || in(c, 0xFF66, 0xFF9F) ||
           in(c, 0xAC00, 0xD7AF) || in(c, 0x1100, 0x11FF) || in(c, 0x3130, 0x318F) || c == 0x3005 ||
           c == 0x3006;
}

bool isWordCharacter(char32_t c)
{
    if (c < 0x80)
        return in(c, '0', '9') || in(c, 'a', 'z') || in(c, 'A', 'Z');
    return !isSpace(c) && !isPunctuationOrSymbol(c);
}

bool isSpace(char32_t c)
{
    return c == ' ' || in(c, 0x09, 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           in(c, 0x2000, 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

bool isApostrophe(char32_t c)
{
    return c == '\'' || c == 0x2019;
}

char32_t toLower(char32_t c)
{
    if (c < 0x80)
        return in(c, 'A', 'Z') ? c + 0x20 : c;
    if (in(c, 0xC0, 0xDE) && c != 0xD7)
        return c + 0x20;
    if (in(c, 0x100, 0x17F)) { // Latin Extended-A
        if (c == 0x130)
            return 'i';
        if (c == 0x178)
            return 0xFF;
        if (in(c, 0x139, 0x148) || in(c, 0x179, 0x17E))
            return isEven(c) ? c : c + 1;
        if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F)
            return c;
        return isEven(c) ? c + 1 : c;
    }
    if (in(c, 0x180, 0x24F)) { // Latin Extended-B: the regular pairs
        if (c == 0x1C4 || c == 0x1C5)
            return 0x1C6;
        if (c == 0x1C7 || c == 0x1C8)
            return 0x1C9;
        if (c == 0x1CA || c == 0x1CB)
            return 0x1CC;
        if (c == 0x1F1 || c == 0x1F2)
            return 0x1F3;
        if (in(c, 0x1CD, 0x1DC))
            return isEven(c) ? c : c + 1;
        if (in(c, 0x1DE, 0x1EF) || in(c, 0x1F8, 0x21F) || in(c, 0x222, 0x233) ||
            in(c, 0x246, 0x24F))
            return isEven(c) ? c + 1 : c;
        return c;
    }
    if (c == 0x1E9E) // capital sharp s
        return 0xDF;
    if (in(c, 0x1E00, 0x1E95) || in(c, 0x1EA0, 0x1EFF)) // Latin Extended Additional
        return isEven(c) ? c + 1 : c;
    if (in(c, 0x391, 0x3AB) && c != 0x3A2) // Greek capitals
        return c + 0x20;
    if (c == 0x386)
        return 0x3AC;
    if (in(c, 0x388, 0x38A))
        return c + 37;
    if (c == 0x38C)
        return 0x3CC;
    if (in(c, 0x38E, 0x38F))
        return c + 63;
    if (in(c, 0x410, 0x42F)) // Cyrillic
        return c + 0x20;
    if (in(c, 0x400, 0x40F))
        return c + 0x50;
    if (in(c, 0x460, 0x481) || in(c, 0x48A, 0x4BF) || in(c, 0x4D0, 0x52F))
        return isEven(c) ? c + 1 : c;
    if (c == 0x4C0)
        return 0x4CF;
    if (in(c, 0x4C1, 0x4CE))
        return isEven(c) ? c : c + 1;
    if (in(c, 0xFF21, 0xFF3A)) // full-width Latin
        return c + 0x20;
    return c;
}

std::string toLower(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        bool valid = true;
        const char32_t c = utf8::next(text, pos, &valid);
        const char32_t lower = toLower(c);
        if (valid && lower == c)
            out.append(text.data() + start, pos - start);
        else
            utf8::append(out, lower);
    }
    return out;
}

} // namespace mf::unicode
