#pragma once

#include "core/store/runrecord.h"

#include <QMetaType>
#include <QString>

#include <vector>

namespace mf {

/// The list of runs as read from the store at one moment; plain values, safe to pass between
/// threads.
struct RunsSnapshot
{
    QString databasePath;
    bool databaseExists = false; ///< false: no store yet, which reads as no runs
    /// Why the store cannot be written (storeWriteProblem); empty when it can. A read-only
    /// store is shown as it is stored: nothing can be renamed, deleted or resumed.
    QString readOnlyReason;
    std::vector<RunRecord> runs; ///< newest first
    qint64 takenAtMs = 0;        ///< when it was read; the "now" of a running run's duration
};

} // namespace mf

Q_DECLARE_METATYPE(mf::RunsSnapshot)
