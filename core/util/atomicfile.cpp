#include "core/util/atomicfile.h"

#include "core/util/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace mf {

namespace {

std::string systemReason()
{
    return std::strerror(errno);
}

std::string directoryOf(const std::string &path)
{
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    if (slash == 0)
        return "/";
    return path.substr(0, slash);
}

void writeAll(int fd, std::string_view bytes, const std::string &path)
{
    const char *data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            throw Error(path + ": cannot write: " + systemReason());
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
}

} // namespace

void writeFileAtomically(const std::string &path, std::string_view bytes)
{
    std::string temporary = path + ".tmp-XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0)
        throw Error(path + ": cannot create a temporary file: " + systemReason());
    bool open = true;
    try {
        writeAll(fd, bytes, temporary);
        if (::fsync(fd) != 0)
            throw Error(temporary + ": cannot flush to disk: " + systemReason());
        ::fchmod(fd, 0644);
        // The descriptor is released even when close() fails; closing it again could close a
        // file that another thread has opened meanwhile.
        open = false;
        if (::close(fd) != 0)
            throw Error(temporary + ": cannot close: " + systemReason());
    } catch (...) {
        if (open)
            ::close(fd);
        ::unlink(temporary.c_str());
        throw;
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string reason = systemReason();
        ::unlink(temporary.c_str());
        throw Error(path + ": cannot replace: " + reason);
    }
    const int dir = ::open(directoryOf(path).c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

std::string readWholeFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path, "", std::string("cannot open: ") + systemReason());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        throw DataError(path, "", "read error");
    return buffer.str();
}

} // namespace mf
