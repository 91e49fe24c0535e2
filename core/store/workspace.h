#pragma once

#include <cstdint>
#include <string>

namespace mf {

/// Where ModelForge keeps its store and run files by default: $XDG_DATA_HOME/modelforge when
/// XDG_DATA_HOME is set to an absolute path, otherwise ~/.local/share/modelforge.
/// Throws mf::ConfigError when neither XDG_DATA_HOME nor a home directory is known.
std::string defaultWorkspaceDir();

/// A workspace directory: the run store database and one folder per run.
struct Workspace
{
    std::string dir;

    std::string databasePath() const;             ///< dir + "/modelforge.db"
    std::string runDir(std::int64_t runId) const; ///< dir + "/runs/<id>"
    /// dir + "/kernel-choices.json": the kernel plans measured on this machine (KernelCache).
    std::string kernelCachePath() const;
};

} // namespace mf
