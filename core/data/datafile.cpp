#include "core/data/datafile.h"

#include "core/util/error.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace mf {

namespace {

std::string sizeText(std::uint64_t bytes)
{
    return std::to_string(bytes) + " bytes";
}

/// gzerror's text without the "path: " prefix zlib puts in front of it.
std::string gzipReason(gzFile file, const std::string &path, int &code)
{
    std::string reason = gzerror(file, &code);
    if (reason.compare(0, path.size() + 2, path + ": ") == 0)
        reason.erase(0, path.size() + 2);
    return reason;
}

std::vector<std::uint8_t> readGzip(const std::string &path, std::uint64_t maxBytes)
{
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file)
        throw DataError(path, "", std::string("cannot open: ") + std::strerror(errno));
    gzbuffer(file, 1 << 17);
    std::vector<std::uint8_t> data;
    std::uint64_t used = 0;
    constexpr std::uint64_t chunk = 1 << 20;
    while (true) {
        if (used >= maxBytes) {
            // One more byte decides whether the stream really is larger than the cap.
            std::uint8_t probe = 0;
            const int extra = gzread(file, &probe, 1);
            gzclose(file);
            if (extra > 0)
                throw DataError(path, "",
                                "decompressed data exceeds the limit of " + sizeText(maxBytes));
            break;
        }
        const std::uint64_t want = std::min(chunk, maxBytes - used);
        if (data.size() < used + want)
            data.resize(std::max<std::uint64_t>(used + want, std::min(maxBytes, used * 2)));
        const int got = gzread(file, data.data() + used, static_cast<unsigned>(want));
        if (got < 0) {
            int code = 0;
            const std::string reason = gzipReason(file, path, code);
            gzclose(file);
            throw DataError(path, DataError::atOffset(used), "corrupt gzip stream: " + reason);
        }
        if (got == 0) {
            // gzread reports a truncated stream as end of file; gzclose_r tells them apart.
            int code = 0;
            const std::string reason = gzipReason(file, path, code);
            const int closed = gzclose(file);
            if (code != Z_OK || closed != Z_OK)
                throw DataError(path, DataError::atOffset(used),
                                "corrupt or truncated gzip stream" +
                                    (reason.empty() ? std::string() : ": " + reason));
            break;
        }
        used += static_cast<std::uint64_t>(got);
    }
    data.resize(used);
    data.shrink_to_fit();
    return data;
}

std::vector<std::uint8_t> readRaw(const std::string &path, std::uint64_t maxBytes)
{
    std::error_code error;
    const std::uint64_t size = std::filesystem::file_size(path, error);
    if (error)
        throw DataError(path, "", "cannot read: " + error.message());
    if (size > maxBytes)
        throw DataError(
            path, "", "file of " + sizeText(size) + " exceeds the limit of " + sizeText(maxBytes));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path, "", std::string("cannot open: ") + std::strerror(errno));
    std::vector<std::uint8_t> data(size);
    in.read(reinterpret_cast<char *>(data.data()), static_cast<std::streamsize>(size));
    if (static_cast<std::uint64_t>(in.gcount()) != size)
        throw DataError(path, DataError::atOffset(static_cast<std::uint64_t>(in.gcount())),
                        "file ended before its reported size of " + sizeText(size));
    return data;
}

} // namespace

bool isGzipFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    unsigned char magic[2] = {0, 0};
    in.read(reinterpret_cast<char *>(magic), 2);
    return in.gcount() == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
}

std::vector<std::uint8_t> readDataFile(const std::string &path, std::uint64_t maxBytes)
{
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (error || !std::filesystem::exists(status))
        throw DataError(path, "", "no such file");
    if (!std::filesystem::is_regular_file(status))
        throw DataError(path, "", "not a regular file");
    return isGzipFile(path) ? readGzip(path, maxBytes) : readRaw(path, maxBytes);
}

} // namespace mf
