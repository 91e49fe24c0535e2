#include "core/text/delimitedrecords.h"

#include "core/util/error.h"

namespace mf {

DelimitedRecords::DelimitedRecords(std::string_view text, char delimiter, bool quoting,
                                   std::string file)
    : m_text(text), m_delimiter(delimiter), m_quoting(quoting), m_file(std::move(file))
{
}

bool DelimitedRecords::next(std::vector<std::string> &fields, std::uint64_t &line)
{
    fields.clear();
    if (m_pos >= m_text.size())
        return false;
    line = m_line;
    std::string field;
    bool quoted = false;
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos++];
        if (quoted) {
            if (c == '"') {
                if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                    field += '"';
                    ++m_pos;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++m_line;
                field += c;
            }
        } else if (c == m_delimiter) {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            ++m_line;
            if (!field.empty() && field.back() == '\r')
                field.pop_back();
            fields.push_back(std::move(field));
            return true;
        } else if (c == '"' && m_quoting && field.empty()) {
            quoted = true;
        } else {
            field += c;
        }
    }
    if (quoted)
        throw DataError(m_file, DataError::atLine(line),
                        "the quoted field that starts here is never closed");
    if (!field.empty() && field.back() == '\r')
        field.pop_back();
    fields.push_back(std::move(field));
    return true;
}

} // namespace mf
