#include "core/text/tokenstatistics.h"

#include <algorithm>

namespace mf {

namespace {

using Entry = std::pair<std::string, std::int64_t>;

bool ranksBefore(const Entry &a, const Entry &b)
{
    return a.second != b.second ? a.second > b.second : a.first < b.first;
}

} // namespace

TokenStatistics::TokenStatistics(const std::vector<std::vector<std::string>> &documents)
{
    for (const std::vector<std::string> &tokens : documents)
        add(tokens);
}

void TokenStatistics::add(const std::vector<std::string> &tokens)
{
    for (const std::string &token : tokens)
        ++m_counts[token];
    m_lengths.push_back(static_cast<std::int64_t>(tokens.size()));
    m_total += static_cast<std::int64_t>(tokens.size());
}

std::int64_t TokenStatistics::count(const std::string &token) const
{
    const auto it = m_counts.find(token);
    return it == m_counts.end() ? 0 : it->second;
}

std::vector<Entry> TokenStatistics::ranked() const
{
    std::vector<Entry> entries(m_counts.begin(), m_counts.end());
    std::sort(entries.begin(), entries.end(), ranksBefore);
    return entries;
}

std::vector<Entry> TokenStatistics::topTokens(std::size_t n) const
{
    std::vector<Entry> entries(m_counts.begin(), m_counts.end());
    n = std::min(n, entries.size());
    std::partial_sort(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(n),
                      entries.end(), ranksBefore);
    entries.resize(n);
    return entries;
}

} // namespace mf
