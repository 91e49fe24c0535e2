#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// A tensor shape as error messages show it: "[2, 3, 28]" ("[]" for a scalar).
std::string shapeText(const std::vector<std::int64_t> &shape);

} // namespace mf
