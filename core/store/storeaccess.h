#pragma once

#include <optional>
#include <string>

namespace mf {

/// How a RunStore connection may use its database file.
enum class StoreAccess
{
    ReadWrite, ///< migrates, recovers dead runs and records; creates the file when missing
    ReadOnly,  ///< reads only: nothing in the workspace is created or changed
};

/// Why this process cannot write the store at `databasePath` (the file, or the folder that must
/// hold its -wal and -shm files), e.g. "the folder /mnt/ws is not writable: Read-only file
/// system"; nullopt when it can, or when the file does not exist yet.
std::optional<std::string> storeWriteProblem(const std::string &databasePath);

/// The access a caller that only reads should ask for: ReadWrite where the store can be
/// written (it then also records dead runs as INTERRUPTED), ReadOnly where it cannot.
StoreAccess accessToRead(const std::string &databasePath);

} // namespace mf
