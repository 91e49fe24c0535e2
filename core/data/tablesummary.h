#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace mf {

/// One column of a CSV table as found in its cells.
struct ColumnSummary
{
    enum class Type
    {
        Integer, ///< every present cell is a whole number
        Real,    ///< every present cell is a finite number
        Text,    ///< some present cell is not a number
        Empty    ///< no cell is present
    };

    std::string name;
    Type type = Type::Empty;
    std::int64_t missing = 0;  ///< empty cells and NA, N/A, NaN, null, None, ? (any case)
    std::int64_t distinct = 0; ///< distinct present values, counted up to kDistinctLimit
    bool distinctCapped = false;
    double min = 0.0, max = 0.0, mean = 0.0; ///< of the numeric cells (Integer and Real)

    static constexpr std::int64_t kDistinctLimit = 10000;
};

const char *columnTypeName(ColumnSummary::Type type); ///< "integer", "real", "text", "empty"

/// A CSV table read leniently, for inspection: no cell stops the scan, unlike readCsv, so a
/// table the reader refuses still shows what is in it (and where the trouble is).
struct TableSummary
{
    std::string path;
    std::int64_t rows = 0; ///< data rows with the header's number of fields
    std::vector<ColumnSummary> columns;
    int labelColumn = -1; ///< index into columns; -1 when the table has one column only
    /// Rows per label value (missing labels under ""), numeric order for integer labels.
    std::vector<std::pair<std::string, std::int64_t>> labelCounts;
    std::int64_t malformedRows = 0;           ///< rows whose field count differs from the header
    std::vector<std::string> malformedSample; ///< the first few: "line 12: 3 fields, expected 4"
};

/// Reads the table at `path` (header row, RFC 4180 quoting as readCsv). The label column is
/// chosen as readCsv chooses it: the column named `labelColumn`, else the last column when that
/// name is the default "label". Throws mf::DataError when the file cannot be read, has no
/// header row, or names a label column it does not have.
TableSummary summarizeCsvTable(const std::string &path, const std::string &labelColumn = "label");

} // namespace mf
