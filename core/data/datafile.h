#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// Largest payload readDataFile accepts, after decompression.
constexpr std::uint64_t kMaxDataFileBytes = std::uint64_t(2) << 30;

/// True when the file starts with the gzip magic bytes 1f 8b (whatever its name).
bool isGzipFile(const std::string &path);

/// Reads a whole data file, inflating it when it is gzip-compressed (detected by content).
/// The buffer grows with the bytes actually read, never by a size a header claims, and stops
/// at `maxBytes`. Throws mf::DataError naming the file and the reason.
std::vector<std::uint8_t> readDataFile(const std::string &path,
                                       std::uint64_t maxBytes = kMaxDataFileBytes);

} // namespace mf
