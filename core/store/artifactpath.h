#pragma once
// How the run store records the files of a run. A workspace is moved, copied and restored from
// backups as a folder, so a file inside it is recorded relative to it ("runs/5/checkpoints/
// epoch-0003.pt") and found again wherever the folder now is; a file outside it keeps its
// absolute path.

#include <cstdint>
#include <string>

namespace mf {

/// The form in which `path` is stored for a workspace at `workspaceDir`: relative to it when the
/// file lies inside it, otherwise absolute. A relative `path` is taken from the current
/// directory, like any file name the program was given.
std::string storedArtifactPath(const std::string &workspaceDir, const std::string &path);

/// The file that a stored path names in the workspace at `workspaceDir`.
std::string resolvedArtifactPath(const std::string &workspaceDir, const std::string &stored);

/// For stores written before paths were relative: the part of an absolute `path` from the last
/// "runs/<runId>/" on, which is where that run's files lie in any workspace, wherever it was
/// when they were written. Other paths come back unchanged.
std::string runRelativeArtifactPath(const std::string &path, std::int64_t runId);

} // namespace mf
