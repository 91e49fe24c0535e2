#include "core/text/stopwords.h"

#include <algorithm>

namespace mf {

const std::vector<std::string> &edaStopWords()
{
    static const std::vector<std::string> words = {
        "i",       "me",      "my",      "myself",   "we",         "our",    "ours",    "ourselves",
        "you",     "your",    "yours",   "yourself", "yourselves", "he",     "him",     "his",
        "himself", "she",     "her",     "hers",     "herself",    "it",     "its",     "itself",
        "they",    "them",    "their",   "theirs",   "themselves", "what",   "which",   "who",
        "whom",    "this",    "that",    "these",    "those",      "am",     "is",      "are",
        "was",     "were",    "be",      "been",     "being",      "have",   "has",     "had",
        "having",  "do",      "does",    "did",      "doing",      "a",      "an",      "the",
        "and",     "but",     "if",      "or",       "because",    "as",     "until",   "while",
        "of",      "at",      "by",      "for",      "with",       "about",  "against", "between",
        "into",    "through", "during",  "before",   "after",      "above",  "below",   "to",
        "from",    "up",      "down",    "in",       "out",        "on",     "off",     "over",
        "under",   "again",   "further", "then",     "once",       "here",   "there",   "when",
        "where",   "why",     "how",     "all",      "any",        "both",   "each",    "few",
        "more",    "most",    "other",   "some",     "such",       "no",     "nor",     "not",
        "only",    "own",     "same",    "so",       "than",       "too",    "very",    "s",
        "t",       "can",     "will",    "just",     "don",        "should", "now",
    };
    return words;
}

bool isEdaStopWord(std::string_view word)
{
    static const std::vector<std::string> sorted = [] {
        std::vector<std::string> words = edaStopWords();
        std::sort(words.begin(), words.end());
        return words;
    }();
    return std::binary_search(sorted.begin(), sorted.end(), word, [](const auto &a, const auto &b) {
        return std::string_view(a) < std::string_view(b);
    });
}

} // namespace mf
