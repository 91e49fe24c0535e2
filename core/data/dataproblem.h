#pragma once

#include <string>

namespace mf {

/// A file that a lenient image-folder scan left out, and why.
struct DataProblem
{
    enum class Kind
    {
        EmptyFile,         ///< 0 bytes
        UnsupportedFormat, ///< the content is no PNG, JPEG or BMP, whatever the extension says
        Corrupt,           ///< a PNG/JPEG/BMP signature, but the header or pixels cannot be read
        SizeMismatch,      ///< width x height differs from the size most images share
        TooLarge ///< a side over the size limit (kImageFolderMaxSide), found from the header
    };
    Kind kind = Kind::Corrupt;
    std::string file;
    std::string reason; ///< "cannot decode image: bad zlib header", "empty file (0 bytes)", ...
};

} // namespace mf
