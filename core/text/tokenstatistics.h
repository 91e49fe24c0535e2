#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mf {

/// Token frequencies and document lengths of a tokenised corpus: what a vocabulary is built from
/// and what the Datasets page charts (top tokens, document-length histogram).
class TokenStatistics
{
public:
    TokenStatistics() = default;
    explicit TokenStatistics(const std::vector<std::vector<std::string>> &documents);

    /// Counts the tokens of one more document.
    void add(const std::vector<std::string> &tokens);

    std::int64_t documents() const { return static_cast<std::int64_t>(m_lengths.size()); }
    /// Number of tokens of each document, in the order added.
    const std::vector<std::int64_t> &documentLengths() const { return m_lengths; }
    std::int64_t totalTokens() const { return m_total; }
    std::int64_t distinctTokens() const { return static_cast<std::int64_t>(m_counts.size()); }
    /// Occurrences of `token` (0 when never seen).
    std::int64_t count(const std::string &token) const;
    const std::unordered_map<std::string, std::int64_t> &counts() const { return m_counts; }

    /// Every token with its count, most frequent first, ties in byte order of the token text.
    std::vector<std::pair<std::string, std::int64_t>> ranked() const;
    /// The `n` most frequent tokens with their counts, ordered as ranked().
    std::vector<std::pair<std::string, std::int64_t>> topTokens(std::size_t n) const;

private:
    std::unordered_map<std::string, std::int64_t> m_counts;
    std::vector<std::int64_t> m_lengths;
    std::int64_t m_total = 0;
};

} // namespace mf
