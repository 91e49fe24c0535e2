#include "core/data/csvreader.h"

#include "core/util/atomicfile.h"
#include "core/util/error.h"

#include <charconv>
#include <cmath>
#include <map>

namespace mf {

namespace {

constexpr std::int64_t kMaxIntegerClasses = 65536;

struct Record
{
    std::uint64_t line = 0; ///< 1-based line where the record starts
    std::vector<std::string> fields;
};

/// RFC 4180 fields: commas separate, double quotes enclose (and may hold commas, quotes as ""
/// and line breaks); spaces around unquoted fields are dropped; blank lines are skipped.
class CsvScanner
{
public:
    CsvScanner(const std::string &path, const std::string &text) : m_path(path), m_text(text)
    {
        if (m_text.compare(0, 3, "\xEF\xBB\xBF") == 0)
            m_pos = 3;
    }

    bool next(Record &record)
    {
        while (m_pos < m_text.size() && isLineBreak(m_text[m_pos]))
            skipLineBreak();
        if (m_pos >= m_text.size())
            return false;
        record.line = m_line;
        record.fields.clear();
        while (true) {
            record.fields.push_back(field(record.line));
            if (m_pos >= m_text.size())
                return true;
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            skipLineBreak();
            return true;
        }
    }

private:
    static bool isLineBreak(char c) { return c == '\n' || c == '\r'; }

    void skipLineBreak()
    {
        if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }

    void skipSpaces()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t'))
            ++m_pos;
    }

    std::string field(std::uint64_t recordLine)
    {
        skipSpaces();
        std::string value;
        if (m_pos < m_text.size() && m_text[m_pos] == '"') {
            ++m_pos;
            while (true) {
                if (m_pos >= m_text.size())
                    throw DataError(m_path, DataError::atLine(recordLine),
                                    "quoted field is not closed");
                const char c = m_text[m_pos++];
                if (c == '"') {
                    if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                        value.push_back('"');
                        ++m_pos;
                        continue;
                    }
                    break;
                }
                if (c == '\n')
                    ++m_line;
                value.push_back(c);
            }
            skipSpaces();
            if (m_pos < m_text.size() && m_text[m_pos] != ',' && !isLineBreak(m_text[m_pos]))
                throw DataError(m_path, DataError::atLine(m_line),
                                "unexpected text after a closing quote");
            return value;
        }
        const std::size_t begin = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != ',' && !isLineBreak(m_text[m_pos]))
            ++m_pos;
        value = m_text.substr(begin, m_pos - begin);
        const auto last = value.find_last_not_of(" \t");
        value.erase(last == std::string::npos ? 0 : last + 1);
        return value;
    }

    const std::string &m_path;
    const std::string &m_text;
    std::size_t m_pos = 0;
    std::uint64_t m_line = 1;
};

bool parseNumber(const std::string &text, float &value)
{
    const char *begin = text.data();
    const char *end = text.data() + text.size();
    if (begin != end && *begin == '+')
        ++begin;
    double parsed = 0.0;
    const auto result = std::from_chars(begin, end, parsed);
    if (begin == end || result.ec != std::errc() || result.ptr != end || !std::isfinite(parsed))
        return false;
    value = static_cast<float>(parsed);
    return std::isfinite(value);
}

bool parseClassIndex(const std::string &text, std::int64_t &value)
{
    const char *end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    return !text.empty() && result.ec == std::errc() && result.ptr == end && value >= 0;
}

std::size_t labelColumnIndex(const std::string &path, const std::vector<std::string> &header,
                             const std::string &labelColumn)
{
    for (std::size_t c = 0; c < header.size(); ++c)
        if (header[c] == labelColumn)
            return c;
    if (labelColumn == "label")
        return header.size() - 1;
    std::string columns;
    for (const std::string &name : header)
        columns += (columns.empty() ? "" : ", ") + name;
    throw DataError(path, DataError::atLine(1),
                    "no label column named \"" + labelColumn + "\" (columns: " + columns + ")");
}

} // namespace

Dataset readCsv(const std::string &path, const std::string &labelColumn)
{
    const std::string text = readWholeFile(path);
    CsvScanner scanner(path, text);
    Record header;
    if (!scanner.next(header))
        throw DataError(path, "", "empty file; a header row is required");
    if (header.fields.size() < 2)
        throw DataError(path, DataError::atLine(header.line),
                        "the header has only one column; at least one feature and a label "
                        "are required");
    const std::size_t labelIndex = labelColumnIndex(path, header.fields, labelColumn);
    const std::size_t columns = header.fields.size();

    Dataset dataset;
    dataset.kind = DatasetKind::Table;
    dataset.format = "csv";
    dataset.source = path;
    for (std::size_t c = 0; c < columns; ++c)
        if (c != labelIndex)
            dataset.featureNames.push_back(header.fields[c]);

    std::vector<float> features;
    std::vector<std::string> labelTexts;
    std::vector<std::uint64_t> labelLines;
    Record record;
    while (scanner.next(record)) {
        if (record.fields.size() != columns)
            throw DataError(path, DataError::atLine(record.line),
                            "row has " + std::to_string(record.fields.size()) +
                                (record.fields.size() == 1 ? " field" : " fields") +
                                ", the header has " + std::to_string(columns));
        for (std::size_t c = 0; c < columns; ++c) {
            if (c == labelIndex) {
                labelTexts.push_back(record.fields[c]);
                labelLines.push_back(record.line);
                continue;
            }
            float value = 0.0f;
            if (!parseNumber(record.fields[c], value))
                throw DataError(path, DataError::atLine(record.line),
                                "feature \"" + header.fields[c] + "\" is not a finite number: \"" +
                                    record.fields[c] + "\"");
            features.push_back(value);
        }
    }
    if (labelTexts.empty())
        throw DataError(path, "", "no data rows after the header");

    const auto rows = static_cast<std::int64_t>(labelTexts.size());
    std::vector<std::int64_t> labels(labelTexts.size());
    bool integers = true;
    for (std::size_t r = 0; r < labelTexts.size() && integers; ++r)
        integers = parseClassIndex(labelTexts[r], labels[r]);
    if (integers) {
        std::int64_t maxLabel = 0;
        for (std::size_t r = 0; r < labels.size(); ++r) {
            if (labels[r] >= kMaxIntegerClasses)
                throw DataError(path, DataError::atLine(labelLines[r]),
                                "label " + labelTexts[r] + " exceeds the limit of " +
                                    std::to_string(kMaxIntegerClasses) + " classes");
            maxLabel = std::max(maxLabel, labels[r]);
        }
        for (std::int64_t k = 0; k <= maxLabel; ++k)
            dataset.classNames.push_back(std::to_string(k));
    } else {
        std::map<std::string, std::int64_t> classes;
        for (const std::string &label : labelTexts)
            classes.emplace(label, 0);
        std::int64_t next = 0;
        for (auto &[name, index] : classes) {
            index = next++;
            dataset.classNames.push_back(name);
        }
        for (std::size_t r = 0; r < labelTexts.size(); ++r)
            labels[r] = classes.at(labelTexts[r]);
    }

    const auto featureCount = static_cast<std::int64_t>(columns - 1);
    dataset.inputs =
        torch::from_blob(features.data(), {rows, featureCount}, torch::kFloat32).clone();
    dataset.labels = torch::from_blob(labels.data(), {rows}, torch::kInt64).clone();
    return dataset;
}

} // namespace mf
