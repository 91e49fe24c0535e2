#include "core/data/tablesummary.h"

#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "core/util/recordscanner.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_set>

namespace mf {

namespace {

constexpr std::size_t kMalformedSample = 5;

bool isMissing(const std::string &cell)
{
    if (cell.empty())
        return true;
    if (cell.size() > 4)
        return false;
    std::string lower = cell;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == "na" || lower == "n/a" || lower == "nan" || lower == "null" ||
           lower == "none" || lower == "?";
}

/// A finite number; `integral` tells whether it is written as a whole number.
bool parseNumber(const std::string &text, double &value, bool &integral)
{
    const char *begin = text.data();
    const char *end = text.data() + text.size();
    if (begin != end && *begin == '+')
        ++begin;
    const auto result = std::from_chars(begin, end, value);
    if (begin == end || result.ec != std::errc() || result.ptr != end || !std::isfinite(value))
        return false;
    integral = text.find_first_of(".eE") == std::string::npos;
    return true;
}

struct ColumnAccumulator
{
    bool sawText = false, sawReal = false;
    std::int64_t numbers = 0;
    double sum = 0.0, min = 0.0, max = 0.0;
    std::unordered_set<std::string> values;
};

int labelColumnIndex(const std::string &path, const std::vector<std::string> &header,
                     const std::string &labelColumn)
{
    for (std::size_t c = 0; c < header.size(); ++c)
        if (header[c] == labelColumn)
            return static_cast<int>(c);
    if (labelColumn == "label")
        return header.size() > 1 ? static_cast<int>(header.size()) - 1 : -1;
    throw DataError(path, DataError::atLine(1), "no label column named \"" + labelColumn + "\"");
}

} // namespace

const char *columnTypeName(ColumnSummary::Type type)
{
    switch (type) {
    case ColumnSummary::Type::Integer:
        return "integer";
    case ColumnSummary::Type::Real:
        return "real";
    case ColumnSummary::Type::Text:
        return "text";
    case ColumnSummary::Type::Empty:
        break;
    }
    return "empty";
}

TableSummary summarizeCsvTable(const std::string &path, const std::string &labelColumn)
{
    const std::string text = readWholeFile(path);
    // Lenient where readCsv refuses: text after a closing quote joins the field and an
    // unclosed quote runs to the end of the file.
    RecordScanOptions options;
    options.textAfterQuoteThrows = false;
    options.unclosedQuoteThrows = false;
    RecordScanner scanner(text, path, options);
    std::vector<std::string> header;
    std::uint64_t line = 0;
    if (!scanner.next(header, line))
        throw DataError(path, "", "empty file; a header row is required");

    TableSummary summary;
    summary.path = path;
    summary.labelColumn = labelColumnIndex(path, header, labelColumn);
    std::vector<ColumnAccumulator> accumulators(header.size());
    summary.columns.resize(header.size());
    for (std::size_t c = 0; c < header.size(); ++c)
        summary.columns[c].name = header[c];
    std::map<std::string, std::int64_t> labels;

    std::vector<std::string> fields;
    while (scanner.next(fields, line)) {
        if (fields.size() != header.size()) {
            if (summary.malformedSample.size() < kMalformedSample)
                summary.malformedSample.push_back("line " + std::to_string(line) + ": " +
                                                  std::to_string(fields.size()) +
                                                  (fields.size() == 1 ? " field" : " fields") +
                                                  ", expected " + std::to_string(header.size()));
            ++summary.malformedRows;
            continue;
        }
        ++summary.rows;
        for (std::size_t c = 0; c < fields.size(); ++c) {
            const std::string &cell = fields[c];
            ColumnSummary &column = summary.columns[c];
            ColumnAccumulator &acc = accumulators[c];
            if (static_cast<int>(c) == summary.labelColumn)
                ++labels[isMissing(cell) ? std::string() : cell];
            if (isMissing(cell)) {
                ++column.missing;
                continue;
            }
            if (static_cast<std::int64_t>(acc.values.size()) < ColumnSummary::kDistinctLimit)
                acc.values.insert(cell);
            else if (!acc.values.count(cell))
                column.distinctCapped = true;
            double value = 0.0;
            bool integral = false;
            if (acc.sawText || !parseNumber(cell, value, integral)) {
                acc.sawText = true;
                continue;
            }
            acc.sawReal = acc.sawReal || !integral;
            acc.min = acc.numbers == 0 ? value : std::min(acc.min, value);
            acc.max = acc.numbers == 0 ? value : std::max(acc.max, value);
            acc.sum += value;
            ++acc.numbers;
        }
    }

    for (std::size_t c = 0; c < summary.columns.size(); ++c) {
        ColumnSummary &column = summary.columns[c];
        const ColumnAccumulator &acc = accumulators[c];
        column.distinct = static_cast<std::int64_t>(acc.values.size());
        if (column.missing == summary.rows)
            column.type = ColumnSummary::Type::Empty;
        else if (acc.sawText)
            column.type = ColumnSummary::Type::Text;
        else
            column.type = acc.sawReal ? ColumnSummary::Type::Real : ColumnSummary::Type::Integer;
        if (column.type == ColumnSummary::Type::Integer ||
            column.type == ColumnSummary::Type::Real) {
            column.min = acc.min;
            column.max = acc.max;
            column.mean = acc.sum / static_cast<double>(acc.numbers);
        }
    }

    summary.labelCounts.assign(labels.begin(), labels.end());
    if (summary.labelColumn >= 0 &&
        summary.columns[static_cast<std::size_t>(summary.labelColumn)].type ==
            ColumnSummary::Type::Integer)
        std::stable_sort(summary.labelCounts.begin(), summary.labelCounts.end(),
                         [](const auto &a, const auto &b) {
                             if (a.first.empty() || b.first.empty())
                                 return !a.first.empty() && b.first.empty();
                             return std::stod(a.first) < std::stod(b.first);
                         });
    return summary;
}

} // namespace mf
