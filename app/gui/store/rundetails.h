#pragma once

#include "core/store/runrecord.h"

#include <QMetaType>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mf {

/// Everything the details pane shows about one run; plain values, safe to pass between threads.
struct RunDetails
{
    RunRecord run;
    std::map<std::string, std::string> params;
    std::map<std::string, double> latestMetrics;
    std::vector<Artifact> artifacts;
    /// The run it was made from (kParentRunParam), when that run is still in the store.
    std::optional<RunRecord> parent;
    /// The runs made from it, oldest first.
    std::vector<RunRecord> children;
    qint64 takenAtMs = 0;
};

} // namespace mf

Q_DECLARE_METATYPE(mf::RunDetails)
