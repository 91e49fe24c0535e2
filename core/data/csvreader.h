#pragma once

#include "core/data/dataset.h"

#include <string>

namespace mf {

/// Reads a CSV table with a header row (format "csv"): float32 features [N, F] and one label
/// column. `labelColumn` names the label column; when no column has that name and it is the
/// default "label", the last column is the label. Labels that are all non-negative integers
/// give classes 0..max; otherwise each distinct string is a class, sorted by name.
/// Fields may be quoted ("a,b", "say ""hi"""); features must be finite numbers.
Dataset readCsv(const std::string &path, const std::string &labelColumn = "label");

} // namespace mf
