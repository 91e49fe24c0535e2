#include "core/text/tokenizer.h"

#include "core/text/icutext.h"
#include "core/text/unicode.h"
#include "core/text/utf8.h"
#include "core/util/error.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <memory>

namespace mf {

namespace {

/// This thread's ICU word break iterator. ICU's iterators are not thread-safe, and making one
/// costs ~2.5 us (the process's first ~1.5 ms, loading the rules), ten times the segmentation
/// of a short sentence, so each thread makes one and keeps it instead of one per call.
icu::BreakIterator &wordBreaker()
{
    thread_local const std::unique_ptr<icu::BreakIterator> iterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> made(
            icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !made)
            throw Error(std::string("ICU's word segmentation is unavailable: ") +
                        u_errorName(status));
        return made;
    }();
    return *iterator;
}

/// A combining mark or a Hangul vowel/trailing jamo: part of the character before it.
bool continuesCharacter(UChar32 c)
{
    if (U_GET_GC_MASK(c) & U_GC_M_MASK)
        return true;
    const auto type = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
    return type == U_HST_VOWEL_JAMO || type == U_HST_TRAILING_JAMO;
}

bool isAsciiAlphanumeric(char16_t unit)
{
    return (unit >= '0' && unit <= '9') || (unit >= 'a' && unit <= 'z') ||
           (unit >= 'A' && unit <= 'Z');
}

/// Writes the tokens of `text` (valid UTF-16, as icutext::fromUtf8() makes it).
class TokenWriter
{
public:
    TokenWriter(const TokenizerOptions &options, const icu::UnicodeString &text,
                std::vector<std::string> &tokens)
        : m_options(options), m_text(text), m_units(text.getBuffer()), m_tokens(tokens)
    {
    }

    void addAll()
    {
        if (m_options.segmentation == Segmentation::Words)
            addWords(0, m_text.length());
        else
            addSplittingCjk();
    }

private:
    UChar32 next(std::int32_t &i, std::int32_t end) const
    {
        UChar32 c;
        U16_NEXT(m_units, i, end, c);
        return c;
    }

    /// Each CJK character (with its marks) as a token, and ICU's words between them. Giving ICU
    /// only the text between saves its dictionary segmentation of the CJK runs, which would be
    /// thrown away (nine times slower on Chinese).
    void addSplittingCjk()
    {
        const std::int32_t length = m_text.length();
        std::int32_t run = 0;
        for (std::int32_t i = 0; i < length;) {
            const std::int32_t character = i;
            if (m_units[i] < 0x1100) {
                ++i;
                continue;
            }
            if (!unicode::isCjk(next(i, length)))
                continue;
            for (std::int32_t after = i; after < length && continuesCharacter(next(after, length));)
                i = after;
            addWords(run, character);
            addCharacter(character, i);
            run = i;
        }
        addWords(run, length);
    }

    /// One character as written (NFKC already applied): CJK scripts have no case, and
    /// punctuation and symbols are kept as they are.
    void addCharacter(std::int32_t start, std::int32_t end)
    {
        std::string token;
        for (std::int32_t i = start; i < end;)
            utf8::append(token, static_cast<char32_t>(next(i, end)));
        m_tokens.push_back(std::move(token));
    }

    /// The tokens of ICU's word segments of [start, end).
    void addWords(std::int32_t start, std::int32_t end)
    {
        if (start == end)
            return;
        UErrorCode status = U_ZERO_ERROR;
        UText text = UTEXT_INITIALIZER;
        utext_openUChars(&text, m_units + start, end - start, &status);
        icu::BreakIterator &breaker = wordBreaker();
        breaker.setText(&text, status); // a shallow clone of `text`, reading m_units
        utext_close(&text);
        if (U_FAILURE(status))
            throw Error(std::string("ICU's word segmentation failed: ") + u_errorName(status));
        std::int32_t from = breaker.first();
        for (std::int32_t to = breaker.next(); to != icu::BreakIterator::DONE;
             from = to, to = breaker.next())
            if (breaker.getRuleStatus() >= UBRK_WORD_NONE_LIMIT &&
                hasWordCharacter(start + from, start + to))
                add(start + from, start + to);
            else if (m_options.punctuation)
                addSymbols(start + from, start + to);
        // The iterator outlives the text: leave it on one that lives as long.
        static const icu::UnicodeString kNoText;
        breaker.setText(kNoText);
    }

    /// Each punctuation or symbol character of a segment that is not a word, with the marks
    /// that follow it (an emoji's variation selector), as a token.
    void addSymbols(std::int32_t start, std::int32_t end)
    {
        for (std::int32_t i = start; i < end;) {
            const std::int32_t character = i;
            const UChar32 c = next(i, end);
            if (!(U_GET_GC_MASK(c) & (U_GC_P_MASK | U_GC_S_MASK)) || c == 0xFFFD)
                continue;
            for (std::int32_t after = i; after < end && continuesCharacter(next(after, end));)
                i = after;
            if (unicode::isApostrophe(c))
                m_tokens.emplace_back("'");
            else
                addCharacter(character, i);
        }
    }

    /// Not a run of underscores only, which ICU calls a word.
    bool hasWordCharacter(std::int32_t start, std::int32_t end) const
    {
        for (std::int32_t i = start; i < end;) {
            if (m_units[i] < 0x80) {
                if (isAsciiAlphanumeric(m_units[i++]))
                    return true;
            } else if (unicode::isWordCharacter(next(i, end))) {
                return true;
            }
        }
        return false;
    }

    void add(std::int32_t start, std::int32_t end)
    {
        std::string token;
        if (isAscii(start, end)) {
            token.resize(static_cast<std::size_t>(end - start));
            for (std::int32_t i = start; i < end; ++i) {
                char byte = static_cast<char>(m_units[i]);
                if (m_options.lowerCase && byte >= 'A' && byte <= 'Z')
                    byte = static_cast<char>(byte - 'A' + 'a');
                token[static_cast<std::size_t>(i - start)] = byte;
            }
        } else {
            icu::UnicodeString word(m_text, start, end - start);
            if (m_options.lowerCase) {
                icutext::foldCase(word);
                if (m_options.nfkc) // folding can undo NFKC ("ΐ" folds to three code points)
                    icutext::normalizeNfkc(word);
            }
            for (std::int32_t i = 0; i < word.length(); ++i)
                if (unicode::isApostrophe(word.charAt(i)))
                    word.setCharAt(i, u'\'');
            word.toUTF8String(token);
        }
        m_tokens.push_back(std::move(token));
    }

    bool isAscii(std::int32_t start, std::int32_t end) const
    {
        for (std::int32_t i = start; i < end; ++i)
            if (m_units[i] >= 0x80)
                return false;
        return true;
    }

    const TokenizerOptions &m_options;
    const icu::UnicodeString &m_text;
    const char16_t *m_units;
    std::vector<std::string> &m_tokens;
};

} // namespace

std::vector<std::string> Tokenizer::tokenize(std::string_view text) const
{
    std::vector<std::string> tokens;
    if (text.empty())
        return tokens;
    icu::UnicodeString unicode = icutext::fromUtf8(text);
    if (m_options.nfkc)
        icutext::normalizeNfkc(unicode);
    TokenWriter(m_options, unicode, tokens).addAll();
    return tokens;
}

bool Tokenizer::isCjkToken(std::string_view token)
{
    if (token.empty())
        return false;
    std::size_t pos = 0;
    if (!unicode::isCjk(utf8::next(token, pos)))
        return false;
    while (pos < token.size()) {
        const char32_t c = utf8::next(token, pos);
        if (!unicode::isCjk(c) && !continuesCharacter(static_cast<UChar32>(c)))
            return false;
    }
    return true;
}

} // namespace mf
