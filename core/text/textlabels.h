#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// Class indices for the label texts of a table's rows. When every label is an integer
/// ("3", "-1", "007"), the classes are the distinct values in numeric order, named in decimal
/// ("0".."K-1" give indices equal to the values); otherwise the distinct texts sorted by their
/// bytes. Fills `classNames` and returns one index per label.
std::vector<std::int64_t> assignClasses(const std::vector<std::string> &labels,
                                        std::vector<std::string> &classNames);

/// `text` without leading and trailing ASCII white space.
std::string trimmedText(const std::string &text);

} // namespace mf
