#pragma once

#include <string>
#include <string_view>

namespace mf {

/// Writes `bytes` to `path` so that readers see either the old file or the complete new one:
/// a temporary file in the same directory, fsync, rename over the target, fsync of the directory.
/// Throws mf::Error naming the path and the system's reason.
void writeFileAtomically(const std::string &path, std::string_view bytes);

/// Reads a whole file; throws mf::DataError when it cannot.
std::string readWholeFile(const std::string &path);

} // namespace mf
