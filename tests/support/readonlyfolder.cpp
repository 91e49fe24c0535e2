#include "tests/support/readonlyfolder.h"

#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace mf::testdata {

namespace {

namespace fs = std::filesystem;

/// Whether a new file can be made in `dir` (removed again at once).
bool canCreateIn(const std::string &dir)
{
    const std::string probe = dir + "/.write-probe";
    const int fd = ::open(probe.c_str(), O_CREAT | O_WRONLY, 0644);
    if (fd < 0)
        return false;
    ::close(fd);
    ::unlink(probe.c_str());
    return true;
}

void setPermissions(const std::string &dir, bool writable)
{
    std::error_code error;
    for (const auto &entry : fs::directory_iterator(dir, error))
        fs::permissions(entry.path(), writable ? fs::perms(0644) : fs::perms(0444), error);
    fs::permissions(dir, writable ? fs::perms(0755) : fs::perms(0555), error);
}

std::string quoted(const std::string &path)
{
    std::string result = "'";
    for (const char c : path)
        result += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return result + "'";
}

} // namespace

ReadOnlyFolder::ReadOnlyFolder(std::string dir) : m_dir(std::move(dir))
{
    setPermissions(m_dir, false);
    if (!canCreateIn(m_dir)) {
        m_ok = true;
        return;
    }
    m_immutable = true;
    setImmutable(true);
    m_ok = !canCreateIn(m_dir);
}

ReadOnlyFolder::~ReadOnlyFolder()
{
    if (m_immutable)
        setImmutable(false);
    setPermissions(m_dir, true);
}

void ReadOnlyFolder::setImmutable(bool immutable) const
{
    std::string command = std::string("chattr ") + (immutable ? "+i" : "-i");
    std::error_code error;
    for (const auto &entry : fs::directory_iterator(m_dir, error))
        command += " " + quoted(entry.path().string());
    command += " " + quoted(m_dir) + " 2>/dev/null";
    [[maybe_unused]] const int status = std::system(command.c_str());
}

} // namespace mf::testdata
