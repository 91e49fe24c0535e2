#pragma once

#include <string>
#include <string_view>

namespace mf {

/// Lower-case hex SHA-256 of a byte string (OpenSSL's libcrypto).
std::string sha256Hex(std::string_view bytes);

/// Lower-case hex SHA-256 of a file's contents, read in chunks; throws mf::DataError.
std::string sha256OfFile(const std::string &path);

} // namespace mf
