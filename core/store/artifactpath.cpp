#include "core/store/artifactpath.h"

#include <filesystem>

namespace mf {

namespace fs = std::filesystem;

namespace {

fs::path normalAbsolute(const std::string &path)
{
    std::error_code error;
    fs::path absolute = fs::absolute(path, error);
    if (error)
        absolute = path;
    return absolute.lexically_normal();
}

} // namespace

std::string storedArtifactPath(const std::string &workspaceDir, const std::string &path)
{
    const fs::path file = normalAbsolute(path);
    const fs::path workspace = normalAbsolute(workspaceDir);
    const fs::path relative = file.lexically_relative(workspace);
    const bool inside = !relative.empty() && *relative.begin() != ".." && relative != ".";
    return inside ? relative.generic_string() : file.generic_string();
}

std::string resolvedArtifactPath(const std::string &workspaceDir, const std::string &stored)
{
    if (stored.empty() || fs::path(stored).is_absolute())
        return stored;
    return (normalAbsolute(workspaceDir) / stored).generic_string();
}

std::string runRelativeArtifactPath(const std::string &path, std::int64_t runId)
{
    if (!fs::path(path).is_absolute())
        return path;
    const std::string marker = "/runs/" + std::to_string(runId) + "/";
    const auto at = path.rfind(marker);
    if (at == std::string::npos)
        return path;
    return path.substr(at + 1);
}

} // namespace mf
