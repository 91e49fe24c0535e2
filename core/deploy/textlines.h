#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// One document of a file that holds a document per line.
struct TextLine
{
    std::int64_t line = 0; ///< counted from 1
    std::string text;
};

/// The documents of `path`, one per line (LF or CR LF), as valid UTF-8 (readTextFile: a byte
/// order mark dropped, invalid bytes replaced). Blank lines are skipped, as the dataset readers
/// skip rows without text. DataError naming the file when it cannot be read or holds no
/// document at all.
std::vector<TextLine> readTextLines(const std::string &path);

} // namespace mf
