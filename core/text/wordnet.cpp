#include "core/text/wordnet.h"

#include "core/text/unicode.h"
#include "core/util/error.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string_view>

namespace mf {

namespace {

using Pos = WordNet::PartOfSpeech;

struct PosFiles
{
    Pos partOfSpeech;
    const char *data;
    const char *exceptions;
    const char *types; ///< synset types allowed in the data file
};

constexpr PosFiles kFiles[] = {
    {Pos::Noun, "data.noun", "noun.exc", "n"},
    {Pos::Verb, "data.verb", "verb.exc", "v"},
    {Pos::Adjective, "data.adj", "adj.exc", "as"},
    {Pos::Adverb, "data.adv", "adv.exc", "r"},
};

struct SuffixRule
{
    Pos partOfSpeech;
    std::string_view suffix;
    std::string_view ending;
};

// WordNet's morphy detachment rules (morph.c), in its order.
constexpr SuffixRule kRules[] = {
    {Pos::Noun, "s", ""},        {Pos::Noun, "ses", "s"},      {Pos::Noun, "xes", "x"},
    {Pos::Noun, "zes", "z"},     {Pos::Noun, "ches", "ch"},    {Pos::Noun, "shes", "sh"},
    {Pos::Noun, "men", "man"},   {Pos::Noun, "ies", "y"},      {Pos::Verb, "s", ""},
    {Pos::Verb, "ies", "y"},     {Pos::Verb, "es", "e"},       {Pos::Verb, "es", ""},
    {Pos::Verb, "ed", "e"},      {Pos::Verb, "ed", ""},        {Pos::Verb, "ing", "e"},
    {Pos::Verb, "ing", ""},      {Pos::Adjective, "er", ""},   {Pos::Adjective, "est", ""},
    {Pos::Adjective, "er", "e"}, {Pos::Adjective, "est", "e"},
};

/// Lower case, spaces for underscores, no adjective marker.
std::string normalizedWord(std::string_view raw)
{
    if (!raw.empty() && raw.back() == ')') {
        const std::size_t open = raw.rfind('(');
        if (open != std::string_view::npos && open > 0)
            raw = raw.substr(0, open);
    }
    std::string word = unicode::toLower(raw);
    std::replace(word.begin(), word.end(), '_', ' ');
    return word;
}

std::string readWholeFile(const std::string &path, bool required)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (!required)
            return {};
        throw DataError(path, "",
                        "the WordNet file is missing or unreadable (Debian installs it with the "
                        "wordnet-base package)");
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad())
        throw DataError(path, "", "the WordNet file cannot be read");
    return std::move(bytes).str();
}

/// Splits a line into its space-separated fields, one at a time.
class Fields
{
public:
    explicit Fields(std::string_view line) : m_line(line) {}

    bool next(std::string_view &field)
    {
        while (m_pos < m_line.size() && m_line[m_pos] == ' ')
            ++m_pos;
        if (m_pos >= m_line.size())
            return false;
        const std::size_t end = std::min(m_line.find(' ', m_pos), m_line.size());
        field = m_line.substr(m_pos, end - m_pos);
        m_pos = end;
        return true;
    }

private:
    std::string_view m_line;
    std::size_t m_pos = 0;
};

bool isDigits(std::string_view text, std::size_t length, int base)
{
    if (text.size() != length)
        return false;
    for (char c : text) {
        const bool digit = c >= '0' && c <= '9';
        const bool hex = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!digit && !(base == 16 && hex))
            return false;
    }
    return true;
}

int hexValue(std::string_view text)
{
    int value = 0;
    for (char c : text)
        value = value * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    return value;
}

template <typename Function> void forEachLine(const std::string &content, Function function)
{
    const std::string_view all(content);
    std::size_t start = 0;
    for (std::uint64_t line = 1; start < all.size(); ++line) {
        std::size_t end = all.find('\n', start);
        if (end == std::string_view::npos)
            end = all.size();
        std::string_view text = all.substr(start, end - start);
        if (!text.empty() && text.back() == '\r')
            text.remove_suffix(1);
        function(text, line);
        start = end + 1;
    }
}

void readDataFile(WordNet &wordNet, const std::string &path, const PosFiles &files)
{
    const std::string content = readWholeFile(path, true);
    std::int64_t synsets = 0;
    std::vector<std::string> words;
    forEachLine(content, [&](std::string_view line, std::uint64_t number) {
        // The licence header: every line of it starts with two spaces.
        if (line.empty() || line.substr(0, 2) == "  ")
            return;
        auto fail = [&](const std::string &reason) {
            throw DataError(path, DataError::atLine(number), reason);
        };
        Fields fields(line);
        std::string_view offset, lexFile, type, count, field;
        if (!fields.next(offset) || !isDigits(offset, 8, 10))
            fail("the synset offset is not an 8-digit number");
        if (!fields.next(lexFile) || !isDigits(lexFile, 2, 10))
            fail("the lexicographer file number is not a 2-digit number");
        if (!fields.next(type) || type.size() != 1 ||
            std::string_view(files.types).find(type[0]) == std::string_view::npos)
            fail("the synset type \"" + std::string(type) + "\" does not belong in " + files.data);
        if (!fields.next(count) || !isDigits(count, 2, 16) || hexValue(count) == 0)
            fail("the word count is not a 2-digit hexadecimal number above 0");
        words.clear();
        for (int i = 0, n = hexValue(count); i < n; ++i) {
            if (!fields.next(field) || field == "|")
                fail("the synset lists fewer words than its count " + std::string(count));
            words.push_back(std::string(field));
            if (!fields.next(field) || !isDigits(field, 1, 16))
                fail("the word \"" + words.back() + "\" has no hexadecimal lexical id");
        }
        if (!fields.next(field) || !isDigits(field, 3, 10))
            fail("the pointer count after the words is not a 3-digit number");
        wordNet.addSynset(files.partOfSpeech, words);
        ++synsets;
    });
    if (synsets == 0)
        throw DataError(path, "", "the WordNet file holds no synset");
}

void readExceptionFile(WordNet &wordNet, const std::string &path, Pos partOfSpeech)
{
    const std::string content = readWholeFile(path, false);
    forEachLine(content, [&](std::string_view line, std::uint64_t number) {
        Fields fields(line);
        std::string_view inflected, base;
        if (!fields.next(inflected))
            return;
        if (!fields.next(base))
            throw DataError(path, DataError::atLine(number),
                            "the exception \"" + std::string(inflected) + "\" has no base form");
        do
            wordNet.addException(partOfSpeech, std::string(inflected), std::string(base));
        while (fields.next(base));
    });
}

} // namespace

std::string WordNet::defaultDirectory()
{
    const char *dir = std::getenv("WNSEARCHDIR");
    return dir && *dir ? std::string(dir) : std::string("/usr/share/wordnet");
}

WordNet WordNet::load(const std::string &dir)
{
    WordNet wordNet;
    wordNet.m_ids.reserve(1 << 18); // WordNet 3.0 has 147306 distinct lemmas
    for (const PosFiles &files : kFiles) {
        readDataFile(wordNet, (std::filesystem::path(dir) / files.data).string(), files);
        readExceptionFile(wordNet, (std::filesystem::path(dir) / files.exceptions).string(),
                          files.partOfSpeech);
    }
    return wordNet;
}

const WordNet &WordNet::shared()
{
    static const WordNet instance = load(defaultDirectory());
    return instance;
}

std::uint32_t WordNet::wordId(const std::string &word)
{
    const auto [it, added] = m_ids.emplace(word, static_cast<std::uint32_t>(m_words.size()));
    if (added) {
        m_words.push_back(word);
        m_synsetsOfWord.emplace_back();
    }
    return it->second;
}

void WordNet::addSynset(PartOfSpeech partOfSpeech, const std::vector<std::string> &words)
{
    const auto synset = static_cast<std::uint32_t>(m_synsetPos.size());
    m_synsetPos.push_back(static_cast<std::uint32_t>(m_synsetWords.size()));
    m_synsetType.push_back(partOfSpeech);
    for (const std::string &raw : words) {
        const std::string word = normalizedWord(raw);
        if (word.empty())
            continue;
        const std::uint32_t id = wordId(word);
        std::vector<std::uint32_t> &synsets = m_synsetsOfWord[id];
        if (!synsets.empty() && synsets.back() == synset)
            continue; // the same word twice in one synset
        synsets.push_back(synset);
        m_synsetWords.push_back(id);
    }
}

void WordNet::addException(PartOfSpeech partOfSpeech, const std::string &inflected,
                           const std::string &base)
{
    m_exceptions[normalizedWord(inflected)].emplace_back(partOfSpeech, normalizedWord(base));
}

bool WordNet::contains(const std::string &word) const
{
    return m_ids.count(normalizedWord(word)) != 0;
}

bool WordNet::hasPartOfSpeech(const std::string &word, PartOfSpeech partOfSpeech) const
{
    const auto it = m_ids.find(word);
    if (it == m_ids.end())
        return false;
    for (std::uint32_t synset : m_synsetsOfWord[it->second])
        if (m_synsetType[synset] == partOfSpeech)
            return true;
    return false;
}

void WordNet::collect(std::uint32_t wordId, const PartOfSpeech *only,
                      std::vector<std::uint32_t> &out) const
{
    for (std::uint32_t synset : m_synsetsOfWord[wordId]) {
        if (only && m_synsetType[synset] != *only)
            continue;
        const std::uint32_t begin = m_synsetPos[synset];
        const std::uint32_t end = synset + 1 < m_synsetPos.size()
                                      ? m_synsetPos[synset + 1]
                                      : static_cast<std::uint32_t>(m_synsetWords.size());
        out.insert(out.end(), m_synsetWords.begin() + begin, m_synsetWords.begin() + end);
    }
}

std::vector<std::pair<WordNet::PartOfSpeech, std::string>>
WordNet::baseForms(const std::string &word) const
{
    const std::string normalized = normalizedWord(word);
    std::vector<std::pair<PartOfSpeech, std::string>> forms;
    auto consider = [&](PartOfSpeech partOfSpeech, const std::string &base) {
        const std::pair<PartOfSpeech, std::string> form(partOfSpeech, base);
        if (base != normalized && hasPartOfSpeech(base, partOfSpeech) &&
            std::find(forms.begin(), forms.end(), form) == forms.end())
            forms.push_back(form);
    };
    const auto exceptions = m_exceptions.find(normalized);
    if (exceptions != m_exceptions.end())
        for (const auto &[partOfSpeech, base] : exceptions->second)
            consider(partOfSpeech, base);
    const std::string_view view(normalized);
    for (const SuffixRule &rule : kRules) {
        if (view.size() <= rule.suffix.size() ||
            view.substr(view.size() - rule.suffix.size()) != rule.suffix)
            continue;
        consider(rule.partOfSpeech, std::string(view.substr(0, view.size() - rule.suffix.size())) +
                                        std::string(rule.ending));
    }
    return forms;
}

std::vector<std::string> WordNet::synonyms(const std::string &word) const
{
    const std::string normalized = normalizedWord(word);
    std::vector<std::uint32_t> ids;
    std::vector<std::string> excluded{normalized};
    const auto it = m_ids.find(normalized);
    if (it != m_ids.end()) {
        collect(it->second, nullptr, ids);
    } else {
        for (const auto &[partOfSpeech, base] : baseForms(normalized)) {
            collect(m_ids.at(base), &partOfSpeech, ids);
            excluded.push_back(base);
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<std::string> words;
    for (std::uint32_t id : ids)
        if (std::find(excluded.begin(), excluded.end(), m_words[id]) == excluded.end())
            words.push_back(m_words[id]);
    std::sort(words.begin(), words.end());
    return words;
}

} // namespace mf
