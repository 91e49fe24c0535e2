#include "core/util/recordscanner.h"

#include "core/util/error.h"

namespace mf {

RecordScanner::RecordScanner(std::string_view text, std::string file, RecordScanOptions options)
    : m_text(text), m_file(std::move(file)), m_options(options)
{
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF")
        m_pos = 3;
}

bool RecordScanner::next(std::vector<std::string> &fields, std::uint64_t &line)
{
    fields.clear();
    if (m_options.skipBlankLines)
        while (m_pos < m_text.size() && lineBreakAt(m_pos) > 0)
            skipLineBreak();
    if (m_pos >= m_text.size())
        return false;
    line = m_line;
    while (true) {
        fields.push_back(field());
        if (m_pos >= m_text.size())
            return true;
        if (m_text[m_pos] == m_options.delimiter) {
            ++m_pos;
            continue;
        }
        skipLineBreak();
        return true;
    }
}

std::size_t RecordScanner::lineBreakAt(std::size_t pos) const
{
    if (m_text[pos] == '\n')
        return 1;
    if (m_text[pos] != '\r')
        return 0;
    if (pos + 1 < m_text.size() && m_text[pos + 1] == '\n')
        return 2;
    return m_options.loneCrEndsLine || pos + 1 == m_text.size() ? 1 : 0;
}

bool RecordScanner::atFieldEnd() const
{
    return m_pos >= m_text.size() || m_text[m_pos] == m_options.delimiter || lineBreakAt(m_pos) > 0;
}

void RecordScanner::skipLineBreak()
{
    m_pos += lineBreakAt(m_pos);
    ++m_line;
}

void RecordScanner::skipSpaces()
{
    while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t') &&
           m_text[m_pos] != m_options.delimiter)
        ++m_pos;
}

std::string RecordScanner::field()
{
    if (m_options.trimSpaces)
        skipSpaces();
    if (!m_options.quoting || m_pos >= m_text.size() || m_text[m_pos] != '"')
        return unquotedPart();
    std::string value = quotedPart();
    if (m_options.trimSpaces)
        skipSpaces();
    if (!atFieldEnd()) {
        if (m_options.textAfterQuoteThrows)
            throw DataError(m_file, DataError::atLine(m_line),
                            "unexpected text after a closing quote");
        value += unquotedPart();
    }
    return value;
}

std::string RecordScanner::quotedPart()
{
    const std::uint64_t opened = m_line;
    ++m_pos;
    std::string value;
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos++];
        if (c == '"') {
            if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                value.push_back('"');
                ++m_pos;
                continue;
            }
            return value;
        }
        if (c == '\n')
            ++m_line;
        value.push_back(c);
    }
    if (m_options.unclosedQuoteThrows)
        throw DataError(m_file, DataError::atLine(opened), "quoted field is not closed");
    return value;
}

std::string RecordScanner::unquotedPart()
{
    const std::size_t begin = m_pos;
    while (!atFieldEnd())
        ++m_pos;
    std::string value(m_text.substr(begin, m_pos - begin));
    if (m_options.trimSpaces) {
        const auto last = value.find_last_not_of(" \t");
        value.erase(last == std::string::npos ? 0 : last + 1);
    }
    return value;
}

} // namespace mf
