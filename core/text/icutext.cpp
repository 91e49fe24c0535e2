#include "core/text/icutext.h"

#include "core/text/utf8.h"
#include "core/util/error.h"

#include <unicode/normalizer2.h>
#include <unicode/utf16.h>

#include <cstdint>
#include <limits>

namespace mf::icutext {

icu::UnicodeString fromUtf8(std::string_view bytes)
{
    if (bytes.size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
        throw Error("a text of 2 GiB or more cannot be processed as Unicode");
    // Every code point takes at least as many UTF-8 bytes as UTF-16 units.
    const auto capacity = static_cast<std::int32_t>(bytes.size());
    icu::UnicodeString text;
    char16_t *out = text.getBuffer(capacity);
    if (!out)
        throw Error("out of memory converting a text of " + std::to_string(bytes.size()) +
                    " bytes to UTF-16");
    std::int32_t length = 0;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const auto byte = static_cast<unsigned char>(bytes[pos]);
        if (byte < 0x80) {
            out[length++] = byte;
            ++pos;
            continue;
        }
        const auto c = static_cast<UChar32>(utf8::next(bytes, pos));
        U16_APPEND_UNSAFE(out, length, c);
    }
    text.releaseBuffer(length);
    return text;
}

void foldCase(icu::UnicodeString &text)
{
    // CaseFolding.txt folds İ to "i" + U+0307, which matches neither "istanbul" nor the dotless
    // spellings users type; the Turkic folding (and the tables before ICU) give a plain "i".
    if (text.indexOf(char16_t(0x130)) >= 0)
        text.findAndReplace(icu::UnicodeString(char16_t(0x130)), icu::UnicodeString(u'i'));
    text.foldCase(U_FOLD_CASE_DEFAULT);
}

void normalizeNfkc(icu::UnicodeString &text)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status))
        throw Error(std::string("ICU's NFKC normalisation is unavailable: ") + u_errorName(status));
    if (nfkc->isNormalized(text, status) && U_SUCCESS(status))
        return;
    status = U_ZERO_ERROR;
    icu::UnicodeString normalized = nfkc->normalize(text, status);
    if (U_FAILURE(status))
        throw Error(std::string("NFKC normalisation failed: ") + u_errorName(status));
    text = std::move(normalized);
}

} // namespace mf::icutext
