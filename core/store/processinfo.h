#pragma once

#include <cstdint>
#include <string>

namespace mf {

/// This machine's host name (gethostname), "localhost" when it has none.
std::string currentHostName();
std::int64_t currentProcessId();
/// True only when `pid` names no process on this host (kill(pid, 0) fails with ESRCH); a process
/// that exists but belongs to another user counts as alive, and so does a pid <= 0.
bool processIsGone(std::int64_t pid);

} // namespace mf
