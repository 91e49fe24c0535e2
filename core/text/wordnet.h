#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace mf {

/// Synonym sets of the WordNet 3.0 lexical database, read from its data.noun, data.verb,
/// data.adj and data.adv files (Debian's wordnet-base installs them in /usr/share/wordnet).
/// Words are lower-cased with underscores written as spaces ("ice_cream" -> "ice cream") and
/// adjective position markers ("(a)", "(p)", "(ip)") removed.
/// Threading: const members may run on several threads at once.
class WordNet
{
public:
    enum class PartOfSpeech : std::uint8_t
    {
        Noun,
        Verb,
        Adjective,
        Adverb
    };

    /// An empty database.
    WordNet() = default;

    /// Reads the four data files of `dir`, and the morphological exception lists (noun.exc,
    /// verb.exc, adj.exc, adv.exc) where present. Throws mf::DataError naming the file when a
    /// data file is missing or a synset line is malformed.
    static WordNet load(const std::string &dir = defaultDirectory());

    /// The database of defaultDirectory(), loaded on first use and shared by the whole process
    /// (thread-safe). Throws mf::DataError as load() does; the next call then tries again.
    static const WordNet &shared();

    /// $WNSEARCHDIR when set (WordNet's own variable), otherwise "/usr/share/wordnet".
    static std::string defaultDirectory();

    /// Adds one synset; `words` are written as in the data files or plainly.
    void addSynset(PartOfSpeech partOfSpeech, const std::vector<std::string> &words);
    /// Adds an irregular inflection ("geese" of "goose") used by baseForms().
    void addException(PartOfSpeech partOfSpeech, const std::string &inflected,
                      const std::string &base);

    std::int64_t synsetCount() const { return static_cast<std::int64_t>(m_synsetPos.size()); }
    std::int64_t wordCount() const { return static_cast<std::int64_t>(m_words.size()); }
    /// True when `word` (any case) is a lemma of some synset.
    bool contains(const std::string &word) const;

    /// The words sharing a synset with `word` (any case; spaces or underscores), without the
    /// word itself, deduplicated and sorted. A word that is not itself a lemma ("cats",
    /// "running") is looked up by its base forms, which are then left out as well.
    std::vector<std::string> synonyms(const std::string &word) const;

    /// Base forms of an inflected word found in the database, WordNet's "morphy": the exception
    /// lists, then the regular suffix rules of each part of speech.
    std::vector<std::pair<PartOfSpeech, std::string>> baseForms(const std::string &word) const;

private:
    std::uint32_t wordId(const std::string &word);
    /// Appends the words of `word`'s synsets of the given part of speech (any when null).
    void collect(std::uint32_t wordId, const PartOfSpeech *only,
                 std::vector<std::uint32_t> &out) const;
    bool hasPartOfSpeech(const std::string &word, PartOfSpeech partOfSpeech) const;

    std::unordered_map<std::string, std::uint32_t> m_ids;
    std::vector<std::string> m_words;
    std::vector<std::vector<std::uint32_t>> m_synsetsOfWord;
    std::vector<std::uint32_t> m_synsetPos;   ///< start of each synset in m_synsetWords
    std::vector<std::uint32_t> m_synsetWords; ///< word ids, synset after synset
    std::vector<PartOfSpeech> m_synsetType;
    std::unordered_map<std::string, std::vector<std::pair<PartOfSpeech, std::string>>> m_exceptions;
};

} // namespace mf
