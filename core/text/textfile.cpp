#include "core/text/textfile.h"

#include "core/data/datafile.h"
#include "core/text/utf8.h"

#include <filesystem>
#include <fstream>
#include <string_view>

namespace mf {

namespace {

std::string_view withoutBom(std::string_view bytes)
{
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
        bytes.remove_prefix(3);
    return bytes;
}

} // namespace

std::string readTextFile(const std::string &path, std::int64_t &replaced)
{
    const std::vector<std::uint8_t> bytes = readDataFile(path);
    const std::string_view view(reinterpret_cast<const char *>(bytes.data()), bytes.size());
    return utf8::sanitize(withoutBom(view), &replaced);
}

std::string readTextFileStart(const std::string &path, std::size_t maxBytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {};
    std::string bytes(maxBytes, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(maxBytes));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    std::int64_t replaced = 0;
    return utf8::sanitize(withoutBom(bytes), &replaced);
}

std::string fileNameOf(const std::string &path)
{
    return std::filesystem::path(path).filename().string();
}

} // namespace mf
