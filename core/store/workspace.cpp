#include "core/store/workspace.h"

#include "core/util/error.h"

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace mf {

namespace {

std::string environment(const char *name)
{
    const char *value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

std::string homeDir()
{
    std::string home = environment("HOME");
    if (!home.empty())
        return home;
    if (const passwd *entry = ::getpwuid(::getuid()); entry != nullptr && entry->pw_dir != nullptr)
        return entry->pw_dir;
    return {};
}

std::string withoutTrailingSlashes(std::string path)
{
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    return path;
}

} // namespace

std::string defaultWorkspaceDir()
{
    // The XDG base directory specification says relative paths are invalid and to be ignored.
    const std::string dataHome = environment("XDG_DATA_HOME");
    if (!dataHome.empty() && dataHome.front() == '/')
        return withoutTrailingSlashes(dataHome) + "/modelforge";
    const std::string home = homeDir();
    if (home.empty())
        throw ConfigError("Cannot find a workspace directory: neither XDG_DATA_HOME nor HOME is "
                          "set and the user has no home directory.");
    return withoutTrailingSlashes(home) + "/.local/share/modelforge";
}

std::string Workspace::kernelCachePath() const
{
    return dir + "/kernel-choices.json";
}

std::string Workspace::databasePath() const
{
    return dir + "/modelforge.db";
}

std::string Workspace::runDir(std::int64_t runId) const
{
    return dir + "/runs/" + std::to_string(runId);
}

} // namespace mf
