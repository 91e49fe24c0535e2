#include "core/text/textdocument.h"

#include "core/text/tokenizer.h"
#include "core/text/unicode.h"
#include "core/text/utf8.h"
#include "core/util/error.h"

namespace mf {

namespace {

bool isAsciiTerminator(char32_t c)
{
    return c == '.' || c == '!' || c == '?';
}

bool isCjkTerminator(char32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F; // 。！？
}

std::string trimmedSentence(const std::string &text)
{
    const std::vector<char32_t> codePoints = utf8::decode(text);
    std::size_t begin = 0, end = codePoints.size();
    while (begin < end && unicode::isSpace(codePoints[begin]))
        ++begin;
    while (end > begin && unicode::isSpace(codePoints[end - 1]))
        --end;
    return utf8::encode(
        std::vector<char32_t>(codePoints.begin() + begin, codePoints.begin() + end));
}

} // namespace

std::vector<std::string> TextDocument::splitSentences(std::string_view text)
{
    const std::vector<char32_t> codePoints = utf8::decode(text);
    std::vector<std::string> sentences;
    std::vector<char32_t> current;
    auto flush = [&] {
        std::string sentence = trimmedSentence(utf8::encode(current));
        if (!sentence.empty())
            sentences.push_back(std::move(sentence));
        current.clear();
    };
    for (std::size_t i = 0; i < codePoints.size(); ++i) {
        const char32_t c = codePoints[i];
        current.push_back(c);
        if (!isAsciiTerminator(c) && !isCjkTerminator(c))
            continue;
        // Take the whole run of terminators ("?!", "...", "。。").
        bool cjk = isCjkTerminator(c);
        while (i + 1 < codePoints.size() &&
               (isAsciiTerminator(codePoints[i + 1]) || isCjkTerminator(codePoints[i + 1]))) {
            current.push_back(codePoints[++i]);
            cjk = cjk || isCjkTerminator(codePoints[i]);
        }
        // "3.5" and "e.g" do not end a sentence.
        if (cjk || i + 1 == codePoints.size() || !unicode::isWordCharacter(codePoints[i + 1]))
            flush();
    }
    flush();
    return sentences;
}

TextLevel TextDocument::detectLevel(const std::vector<std::string> &tokens)
{
    std::size_t cjk = 0;
    for (const std::string &token : tokens)
        cjk += Tokenizer::isCjkToken(token) ? 1 : 0;
    return 2 * cjk > tokens.size() ? TextLevel::Char : TextLevel::Word;
}

TextDocument TextDocument::fromText(std::string_view text, TextLevel level,
                                    const Tokenizer &tokenizer)
{
    TextDocument document;
    int sentence = 0;
    for (const std::string &piece : splitSentences(text)) {
        const std::vector<std::string> tokens = tokenizer.tokenize(piece);
        if (tokens.empty())
            continue;
        document.m_units.insert(document.m_units.end(), tokens.begin(), tokens.end());
        document.m_sentenceOf.insert(document.m_sentenceOf.end(), tokens.size(), sentence++);
    }
    document.m_level = level == TextLevel::Auto ? detectLevel(document.m_units) : level;
    return document;
}

const std::string &TextDocument::unit(std::int64_t index) const
{
    return m_units.at(static_cast<std::size_t>(index));
}

int TextDocument::sentenceCount() const
{
    int count = 0;
    for (std::size_t i = 0; i < m_sentenceOf.size(); ++i)
        count += i == 0 || m_sentenceOf[i] != m_sentenceOf[i - 1] ? 1 : 0;
    return count;
}

void TextDocument::setUnit(std::int64_t index, std::string unit)
{
    m_units.at(static_cast<std::size_t>(index)) = std::move(unit);
}

void TextDocument::replace(std::int64_t index, const std::vector<std::string> &units)
{
    if (units.empty())
        throw Error("a unit cannot be replaced by nothing");
    setUnit(index, units.front());
    const int sentence = m_sentenceOf[static_cast<std::size_t>(index)];
    m_units.insert(m_units.begin() + index + 1, units.begin() + 1, units.end());
    m_sentenceOf.insert(m_sentenceOf.begin() + index + 1, units.size() - 1, sentence);
}

void TextDocument::insert(std::int64_t index, const std::vector<std::string> &units)
{
    if (index < 0 || index > size())
        throw Error("insertion position " + std::to_string(index) + " is outside the text of " +
                    std::to_string(size()) + " units");
    const int sentence = m_sentenceOf.empty() ? 0
                         : index > 0          ? m_sentenceOf[static_cast<std::size_t>(index - 1)]
                                              : m_sentenceOf.front();
    m_units.insert(m_units.begin() + index, units.begin(), units.end());
    m_sentenceOf.insert(m_sentenceOf.begin() + index, units.size(), sentence);
}

void TextDocument::swap(std::int64_t a, std::int64_t b)
{
    std::swap(m_units.at(static_cast<std::size_t>(a)), m_units.at(static_cast<std::size_t>(b)));
}

void TextDocument::retain(const std::vector<bool> &keep)
{
    std::size_t out = 0;
    for (std::size_t i = 0; i < m_units.size(); ++i) {
        if (!keep.at(i))
            continue;
        if (out != i) {
            m_units[out] = std::move(m_units[i]);
            m_sentenceOf[out] = m_sentenceOf[i];
        }
        ++out;
    }
    m_units.resize(out);
    m_sentenceOf.resize(out);
}

void TextDocument::reorderSentences(const std::vector<int> &order)
{
    // Start of each sentence run, by current position.
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < m_sentenceOf.size(); ++i)
        if (i == 0 || m_sentenceOf[i] != m_sentenceOf[i - 1])
            starts.push_back(i);
    if (order.size() != starts.size())
        throw Error("a sentence order must list each of the " + std::to_string(starts.size()) +
                    " sentences once");
    std::vector<bool> used(order.size(), false);
    for (int sentence : order) {
        if (sentence < 0 || sentence >= static_cast<int>(order.size()) || used[sentence])
            throw Error("a sentence order must list each sentence once");
        used[sentence] = true;
    }
    starts.push_back(m_units.size());
    std::vector<std::string> units;
    std::vector<int> sentenceOf;
    for (std::size_t position = 0; position < order.size(); ++position) {
        const int sentence = order[position];
        for (std::size_t i = starts[sentence]; i < starts[sentence + 1]; ++i) {
            units.push_back(std::move(m_units[i]));
            sentenceOf.push_back(static_cast<int>(position));
        }
    }
    m_units = std::move(units);
    m_sentenceOf = std::move(sentenceOf);
}

std::string TextDocument::text() const
{
    std::string out;
    for (std::size_t i = 0; i < m_units.size(); ++i) {
        if (i > 0 && (m_level == TextLevel::Word || (!Tokenizer::isCjkToken(m_units[i - 1]) &&
                                                     !Tokenizer::isCjkToken(m_units[i]))))
            out += ' ';
        out += m_units[i];
    }
    return out;
}

} // namespace mf
