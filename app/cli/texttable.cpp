#include "app/cli/texttable.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace mf::cli {

namespace {

bool looksNumeric(const std::string &cell)
{
    return !cell.empty() && cell.find_first_not_of("0123456789.-+e%") == std::string::npos;
}

} // namespace

TextTable::TextTable(std::vector<std::string> header) : m_header(std::move(header)) {}

void TextTable::addRow(std::vector<std::string> cells)
{
    cells.resize(m_header.size());
    m_rows.push_back(std::move(cells));
}

void TextTable::print(std::ostream &out) const
{
    std::vector<std::size_t> widths(m_header.size());
    for (std::size_t c = 0; c < m_header.size(); ++c) {
        widths[c] = m_header[c].size();
        for (const auto &row : m_rows)
            widths[c] = std::max(widths[c], row[c].size());
    }
    auto printRow = [&](const std::vector<std::string> &row) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string padding(widths[c] - row[c].size(), ' ');
            if (c > 0)
                out << "  ";
            if (looksNumeric(row[c]))
                out << padding << row[c];
            else if (c + 1 < row.size())
                out << row[c] << padding;
            else
                out << row[c];
        }
        out << '\n';
    };
    printRow(m_header);
    for (const auto &row : m_rows)
        printRow(row);
}

std::string formatNumber(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string formatDurationMs(long long milliseconds)
{
    if (milliseconds <= 0)
        return "-";
    const long long seconds = milliseconds / 1000;
    char text[32];
    if (seconds >= 3600)
        std::snprintf(text, sizeof text, "%lldh %02lldm", seconds / 3600, (seconds / 60) % 60);
    else if (seconds >= 60)
        std::snprintf(text, sizeof text, "%lldm %02llds", seconds / 60, seconds % 60);
    else
        std::snprintf(text, sizeof text, "%llds", seconds);
    return text;
}

std::string formatTimestamp(long long milliseconds)
{
    if (milliseconds <= 0)
        return "-";
    const std::time_t seconds = static_cast<std::time_t>(milliseconds / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return text;
}

} // namespace mf::cli
