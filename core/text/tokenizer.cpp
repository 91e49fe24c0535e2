#include "core/text/tokenizer.h"

#include "core/text/unicode.h"
#include "core/text/utf8.h"

namespace mf {

std::vector<std::string> Tokenizer::tokenize(std::string_view text) const
{
    const std::vector<char32_t> codePoints = utf8::decode(text);
    std::vector<std::string> tokens;
    std::string word;
    auto flush = [&] {
        if (!word.empty())
            tokens.push_back(std::move(word));
        word.clear();
    };
    auto isWordLetter = [](char32_t c) {
        return unicode::isWordCharacter(c) && !unicode::isCjk(c);
    };
    for (std::size_t i = 0; i < codePoints.size(); ++i) {
        const char32_t c = codePoints[i];
        if (unicode::isCjk(c)) {
            flush();
            tokens.push_back(utf8::encode(c));
        } else if (unicode::isWordCharacter(c)) {
            utf8::append(word, m_lowerCase ? unicode::toLower(c) : c);
        } else if (unicode::isApostrophe(c) && !word.empty() && i + 1 < codePoints.size() &&
                   isWordLetter(codePoints[i + 1])) {
            word += '\'';
        } else {
            flush();
        }
    }
    flush();
    return tokens;
}

bool Tokenizer::isCjkToken(std::string_view token)
{
    if (token.empty())
        return false;
    std::size_t pos = 0;
    const char32_t c = utf8::next(token, pos);
    return pos == token.size() && unicode::isCjk(c);
}

} // namespace mf
