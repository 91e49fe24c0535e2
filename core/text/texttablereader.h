#pragma once

#include "core/text/textdataset.h"

#include <string>
#include <vector>

namespace mf {

/// Reads a CSV (RFC 4180 quoting) or TSV (tab separated, no quoting) file whose header row
/// names the text and label columns. Rows without a text or a label are skipped and listed.
/// Throws mf::DataError for an empty file, a missing header or column, an unclosed quote, or a
/// file without one usable row.
TextDataset readTextTable(const std::string &path, bool tsv, const TextLoadOptions &options);

/// The column names in the first row of a CSV or TSV file (white space trimmed); empty when the
/// file cannot be read or its first row is blank. Reads only the start of the file.
std::vector<std::string> readTableHeader(const std::string &path, bool tsv);

} // namespace mf
