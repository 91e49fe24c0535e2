#pragma once

#include <cstdint>
#include <string>

namespace mf {

/// The whole file as valid UTF-8: a leading byte order mark is dropped and invalid byte
/// sequences are replaced by U+FFFD, their number added to `replaced`. Gzip-compressed files
/// are inflated. Throws mf::DataError naming the file when it cannot be read.
std::string readTextFile(const std::string &path, std::int64_t &replaced);

/// At most the first `maxBytes` of the file, treated as readTextFile() does (no inflation);
/// empty when the file cannot be read.
std::string readTextFileStart(const std::string &path, std::size_t maxBytes);

/// The last component of `path` ("reviews.csv"), for messages about rows.
std::string fileNameOf(const std::string &path);

} // namespace mf
