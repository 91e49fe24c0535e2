#pragma once

#include <string>

namespace mf {

/// `text` as one CSV field (RFC 4180): quoted, with its quotes doubled, when it holds a comma,
/// a quote or a line break; as it is otherwise.
std::string csvField(const std::string &text);

} // namespace mf
