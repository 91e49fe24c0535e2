#include "core/text/edaoperations.h"

#include "core/augment/augmentrandom.h"
#include "core/text/stopwords.h"
#include "core/text/textdocument.h"
#include "core/text/tokenizer.h"
#include "core/text/wordnet.h"
#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace mf {

namespace {

constexpr std::int64_t kRow = 0;
constexpr int kInsertionTries = 10;

/// WordNet synonyms usable as units: those the tokenizer splits exactly at their spaces (no
/// punctuation, digits glued to letters or capitals), cached per word.
class SynonymLookup
{
public:
    SynonymLookup(const WordNet &wordNet, const Tokenizer &tokenizer)
        : m_wordNet(wordNet), m_tokenizer(tokenizer)
    {
    }

    const std::vector<std::string> &of(const std::string &word)
    {
        const auto found = m_cache.find(word);
        if (found != m_cache.end())
            return found->second;
        std::vector<std::string> usable;
        for (const std::string &synonym : m_wordNet.synonyms(word))
            if (m_tokenizer.tokenize(synonym) == words(synonym))
                usable.push_back(synonym);
        return m_cache.emplace(word, std::move(usable)).first->second;
    }

    /// The space-separated words of a synonym.
    static std::vector<std::string> words(const std::string &synonym)
    {
        std::vector<std::string> parts;
        std::size_t start = 0;
        while (start <= synonym.size()) {
            const std::size_t end = std::min(synonym.find(' ', start), synonym.size());
            parts.push_back(synonym.substr(start, end - start));
            start = end + 1;
        }
        return parts;
    }

private:
    const WordNet &m_wordNet;
    const Tokenizer &m_tokenizer;
    std::unordered_map<std::string, std::vector<std::string>> m_cache;
};

const WordNet &requireWordNet(const WordNet *wordNet)
{
    if (!wordNet)
        throw Error("word-level synonym operations need the WordNet database");
    return *wordNet;
}

std::int64_t drawIndex(AugmentRandom &rng, std::size_t count)
{
    return rng.integer(kRow, 0, static_cast<std::int64_t>(count) - 1);
}

} // namespace

std::int64_t edaChangeCount(double alpha, std::int64_t words)
{
    return std::max<std::int64_t>(1, std::llround(alpha * static_cast<double>(words)));
}

nlohmann::json synonymReplacement(TextDocument &document, double alpha, const WordNet *wordNet,
                                  const Tokenizer &tokenizer, AugmentRandom &rng)
{
    const std::int64_t n = edaChangeCount(alpha, document.size());
    nlohmann::json drawn = {{"n", n}, {"replaced", nlohmann::json::array()}};
    if (document.level() == TextLevel::Char) {
        drawn["skipped"] = "no synonym dictionary for character-level text";
        return drawn;
    }
    SynonymLookup synonyms(requireWordNet(wordNet), tokenizer);
    std::vector<std::int64_t> candidates;
    for (std::int64_t i = 0; i < document.size(); ++i)
        if (!isEdaStopWord(document.unit(i)) && !synonyms.of(document.unit(i)).empty())
            candidates.push_back(i);

    // A partial Fisher-Yates shuffle draws n distinct candidates.
    struct Replacement
    {
        std::int64_t index;
        std::string synonym;
    };
    std::vector<Replacement> replacements;
    const auto count = std::min<std::size_t>(static_cast<std::size_t>(n), candidates.size());
    for (std::size_t k = 0; k < count; ++k) {
        const auto j = static_cast<std::size_t>(rng.integer(
            kRow, static_cast<std::int64_t>(k), static_cast<std::int64_t>(candidates.size()) - 1));
        std::swap(candidates[k], candidates[j]);
        const std::string &word = document.unit(candidates[k]);
        const std::vector<std::string> &choices = synonyms.of(word);
        const std::string &synonym =
            choices[static_cast<std::size_t>(drawIndex(rng, choices.size()))];
        drawn["replaced"].push_back(
            {{"index", candidates[k]}, {"word", word}, {"synonym", synonym}});
        replacements.push_back({candidates[k], synonym});
    }
    // From the back, so a several-word synonym does not move the positions still to replace.
    std::sort(replacements.begin(), replacements.end(),
              [](const Replacement &a, const Replacement &b) { return a.index > b.index; });
    for (const Replacement &replacement : replacements)
        document.replace(replacement.index, SynonymLookup::words(replacement.synonym));
    return drawn;
}

nlohmann::json randomInsertion(TextDocument &document, double alpha, const WordNet *wordNet,
                               const Tokenizer &tokenizer, AugmentRandom &rng)
{
    const std::int64_t n = edaChangeCount(alpha, document.size());
    nlohmann::json drawn = {{"n", n}, {"inserted", nlohmann::json::array()}};
    if (document.empty())
        return drawn;
    if (document.level() == TextLevel::Char) {
        for (std::int64_t t = 0; t < n; ++t) {
            const std::string character = document.unit(drawIndex(rng, document.units().size()));
            const std::int64_t position = rng.integer(kRow, 0, document.size());
            document.insert(position, {character});
            drawn["inserted"].push_back({{"character", character}, {"position", position}});
        }
        return drawn;
    }
    SynonymLookup synonyms(requireWordNet(wordNet), tokenizer);
    for (std::int64_t t = 0; t < n; ++t) {
        std::vector<std::string> words;
        for (const std::string &unit : document.units())
            if (!isEdaStopWord(unit))
                words.push_back(unit);
        if (words.empty())
            break;
        for (int attempt = 0; attempt < kInsertionTries; ++attempt) {
            const std::string word = words[static_cast<std::size_t>(drawIndex(rng, words.size()))];
            const std::vector<std::string> &choices = synonyms.of(word);
            if (choices.empty())
                continue;
            const std::string synonym =
                choices[static_cast<std::size_t>(drawIndex(rng, choices.size()))];
            const std::int64_t position = rng.integer(kRow, 0, document.size());
            document.insert(position, SynonymLookup::words(synonym));
            drawn["inserted"].push_back(
                {{"word", word}, {"synonym", synonym}, {"position", position}});
            break;
        }
    }
    return drawn;
}

nlohmann::json randomSwap(TextDocument &document, double alpha, AugmentRandom &rng)
{
    const std::int64_t n = edaChangeCount(alpha, document.size());
    nlohmann::json drawn = {{"n", n}, {"swaps", nlohmann::json::array()}};
    const std::int64_t size = document.size();
    if (size < 2)
        return drawn;
    for (std::int64_t t = 0; t < n; ++t) {
        const std::int64_t a = rng.integer(kRow, 0, size - 1);
        std::int64_t b = rng.integer(kRow, 0, size - 2);
        if (b >= a)
            ++b;
        document.swap(a, b);
        drawn["swaps"].push_back({a, b});
    }
    return drawn;
}

nlohmann::json randomDeletion(TextDocument &document, double p, AugmentRandom &rng)
{
    nlohmann::json drawn = {{"p", p}, {"deleted", nlohmann::json::array()}};
    const std::int64_t size = document.size();
    if (size <= 1)
        return drawn;
    std::vector<bool> keep(static_cast<std::size_t>(size));
    bool anyKept = false;
    for (std::size_t i = 0; i < keep.size(); ++i) {
        keep[i] = !(rng.uniform(kRow) < p);
        anyKept = anyKept || keep[i];
    }
    if (!anyKept) {
        const std::int64_t kept = rng.integer(kRow, 0, size - 1);
        keep[static_cast<std::size_t>(kept)] = true;
        drawn["kept"] = kept;
    }
    for (std::size_t i = 0; i < keep.size(); ++i)
        if (!keep[i])
            drawn["deleted"].push_back(i);
    document.retain(keep);
    return drawn;
}

nlohmann::json sentenceReorder(TextDocument &document, AugmentRandom &rng)
{
    std::vector<int> order(static_cast<std::size_t>(document.sentenceCount()));
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    for (std::size_t i = order.size(); i-- > 1;)
        std::swap(
            order[i],
            order[static_cast<std::size_t>(rng.integer(kRow, 0, static_cast<std::int64_t>(i)))]);
    document.reorderSentences(order);
    return {{"order", order}};
}

} // namespace mf
