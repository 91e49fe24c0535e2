#include "core/store/storeaccess.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace mf {

namespace {

/// access(2) rather than the permission bits: it also answers for a read-only file system and
/// an immutable file, and for root, who may write whatever the bits say.
std::optional<std::string> notWritable(const std::string &what, const std::string &path)
{
    if (::access(path.c_str(), W_OK) == 0)
        return std::nullopt;
    return what + " " + path + " is not writable: " + std::strerror(errno);
}

} // namespace

std::optional<std::string> storeWriteProblem(const std::string &databasePath)
{
    std::error_code error;
    if (!std::filesystem::exists(databasePath, error))
        return std::nullopt;
    if (auto problem = notWritable("the file", databasePath))
        return problem;
    std::string folder = std::filesystem::path(databasePath).parent_path().string();
    return notWritable("the folder", folder.empty() ? std::string(".") : folder);
}

StoreAccess accessToRead(const std::string &databasePath)
{
    return storeWriteProblem(databasePath) ? StoreAccess::ReadOnly : StoreAccess::ReadWrite;
}

} // namespace mf
