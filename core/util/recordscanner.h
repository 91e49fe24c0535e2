#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

/// How RecordScanner reads a delimited text. The defaults read a CSV table strictly.
struct RecordScanOptions
{
    char delimiter = ',';
    /// A field that opens with a double quote is quoted (RFC 4180): it may hold the delimiter,
    /// line breaks and doubled quotes. Without quoting a quote is an ordinary character (TSV).
    bool quoting = true;
    /// Spaces and tabs around a field are dropped (inside quotes they are kept).
    bool trimSpaces = true;
    /// Lines holding nothing are passed over; otherwise such a line is a record of one empty
    /// field.
    bool skipBlankLines = true;
    /// A CR on its own ends a line, as LF and CRLF do; otherwise it is part of the field (a CR
    /// at the very end of the text still ends the last line).
    bool loneCrEndsLine = true;
    /// Text after a closing quote throws; otherwise it joins the field ("ab"c reads abc).
    bool textAfterQuoteThrows = true;
    /// A quote never closed throws; otherwise the field runs to the end of the text.
    bool unclosedQuoteThrows = true;
};

/// Splits delimited text (CSV, TSV) into records of fields, line by line; a quoted field may
/// span lines. A UTF-8 byte order mark at the start is skipped. The text must outlive the
/// scanner.
class RecordScanner
{
public:
    /// `file` names the source in error messages.
    RecordScanner(std::string_view text, std::string file, RecordScanOptions options = {});

    /// Reads the next record into `fields` and sets `line` to the 1-based line it starts on;
    /// returns false at the end of the text. Throws mf::DataError naming the file and line
    /// for a quote never closed ("quoted field is not closed", at the line the quote opens)
    /// and for text after a closing quote, where the options make those errors.
    bool next(std::vector<std::string> &fields, std::uint64_t &line);

private:
    std::size_t lineBreakAt(std::size_t pos) const;
    bool atFieldEnd() const;
    void skipLineBreak();
    void skipSpaces();
    std::string field();
    std::string quotedPart();
    std::string unquotedPart();

    std::string_view m_text;
    std::string m_file;
    RecordScanOptions m_options;
    std::size_t m_pos = 0;
    std::uint64_t m_line = 1;
};

} // namespace mf
