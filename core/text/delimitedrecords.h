#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

/// Splits CSV (RFC 4180: fields in double quotes may hold the delimiter, line breaks and doubled
/// quotes) or TSV (no quoting: a tab ends a field, a line break a record) text into records.
/// Lines may end in LF or CRLF. The text must outlive the reader.
class DelimitedRecords
{
public:
    /// `file` names the source in error messages.
    DelimitedRecords(std::string_view text, char delimiter, bool quoting, std::string file);

    /// Reads the next record into `fields` and sets `line` to the 1-based line it starts on.
    /// Returns false at the end of the text. An empty line gives one empty field. Throws
    /// mf::DataError naming the file and line when a quoted field is never closed.
    bool next(std::vector<std::string> &fields, std::uint64_t &line);

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    std::uint64_t m_line = 1;
    char m_delimiter;
    bool m_quoting;
    std::string m_file;
};

} // namespace mf
