#include "core/store/processinfo.h"

#include <cerrno>
#include <climits>
#include <csignal>
#include <unistd.h>

namespace mf {

std::string currentHostName()
{
    char name[256] = {};
    if (::gethostname(name, sizeof(name) - 1) != 0 || name[0] == '\0')
        return "localhost";
    return name;
}

std::int64_t currentProcessId()
{
    return static_cast<std::int64_t>(::getpid());
}

bool processIsGone(std::int64_t pid)
{
    // kill() with 0 or a negative pid addresses process groups, and pid_t is narrower than the
    // stored value: neither says anything about one process.
    if (pid <= 0 || pid > INT_MAX)
        return false;
    return ::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH;
}

} // namespace mf
