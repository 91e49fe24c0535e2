#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mf::cli {

/// A plain-text table with columns padded to their widest cell; numbers right-aligned.
class TextTable
{
public:
    explicit TextTable(std::vector<std::string> header);
    void addRow(std::vector<std::string> cells);
    void print(std::ostream &out) const;

private:
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
};

/// Fixed-point text for a number, e.g. formatNumber(0.91234, 4) == "0.9123".
std::string formatNumber(double value, int decimals);
/// "1h 02m", "3m 05s", "12s".
std::string formatDurationMs(long long milliseconds);
/// Local time "2026-11-28 12:09" from milliseconds since the epoch.
std::string formatTimestamp(long long milliseconds);

} // namespace mf::cli
