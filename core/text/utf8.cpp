#include "core/text/utf8.h"

namespace mf::utf8 {

namespace {

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

} // namespace

char32_t next(std::string_view bytes, std::size_t &pos, bool *valid)
{
    const auto lead = static_cast<unsigned char>(bytes[pos]);
    if (valid)
        *valid = true;
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    int length = 0;
    char32_t value = 0;
    // Allowed range of the second byte, which rules out overlong forms, surrogates and values
    // above U+10FFFF (Unicode table 3-7).
    unsigned char lo = 0x80, hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0F;
        if (lead == 0xE0)
            lo = 0xA0;
        else if (lead == 0xED)
            hi = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07;
        if (lead == 0xF0)
            lo = 0x90;
        else if (lead == 0xF4)
            hi = 0x8F;
    }
    std::size_t at = pos + 1;
    bool ok = length > 0;
    for (int i = 1; ok && i < length; ++i, ++at) {
        if (at >= bytes.size()) {
            ok = false;
            break;
        }
        const auto byte = static_cast<unsigned char>(bytes[at]);
        const bool inRange = i == 1 ? byte >= lo && byte <= hi : isContinuation(byte);
        if (!inRange) {
            ok = false;
            break;
        }
        value = (value << 6) | (byte & 0x3F);
    }
    if (!ok) {
        // The maximal subpart: the lead byte plus the continuation bytes that were acceptable.
        pos = length > 0 ? at : pos + 1;
        if (valid)
            *valid = false;
        return kReplacement;
    }
    pos = at;
    return value;
}

bool isValid(std::string_view bytes)
{
    std::size_t pos = 0;
    bool valid = true;
    while (pos < bytes.size()) {
        next(bytes, pos, &valid);
        if (!valid)
            return false;
    }
    return true;
}

std::string sanitize(std::string_view bytes, std::int64_t *replaced)
{
    if (isValid(bytes))
        return std::string(bytes);
    std::string out;
    out.reserve(bytes.size() + 16);
    std::size_t pos = 0;
    std::int64_t count = 0;
    while (pos < bytes.size()) {
        const std::size_t start = pos;
        bool valid = true;
        const char32_t codePoint = next(bytes, pos, &valid);
        if (valid) {
            out.append(bytes.data() + start, pos - start);
        } else {
            append(out, codePoint);
            ++count;
        }
    }
    if (replaced)
        *replaced += count;
    return out;
}

std::vector<char32_t> decode(std::string_view bytes)
{
    std::vector<char32_t> codePoints;
    codePoints.reserve(bytes.size());
    std::size_t pos = 0;
    while (pos < bytes.size())
        codePoints.push_back(next(bytes, pos));
    return codePoints;
}

void append(std::string &out, char32_t codePoint)
{
    if ((codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF)
        codePoint = kReplacement;
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

std::string encode(char32_t codePoint)
{
    std::string out;
    append(out, codePoint);
    return out;
}

std::string encode(const std::vector<char32_t> &codePoints)
{
    std::string out;
    out.reserve(codePoints.size());
    for (char32_t codePoint : codePoints)
        append(out, codePoint);
    return out;
}

} // namespace mf::utf8
