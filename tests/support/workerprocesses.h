#pragma once

#include <QMap>

#include <sys/types.h>

namespace mf::testdata {

/// The pids of the local workers `supervisor` started, by rank: the processes whose environment
/// names it as their MODELFORGE_SUPERVISOR (LocalWorkers sets it).
QMap<int, pid_t> workersOf(qint64 supervisor);

/// Whether `pid` is still a process (also a zombie not yet reaped).
bool processExists(pid_t pid);

} // namespace mf::testdata
