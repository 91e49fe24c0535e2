#include "core/store/runrecord.h"

namespace mf {

namespace {

struct StatusName
{
    RunStatus status;
    const char *name;
};

constexpr StatusName kStatusNames[] = {
    {RunStatus::Running, "RUNNING"},         {RunStatus::Finished, "FINISHED"},
    {RunStatus::Failed, "FAILED"},           {RunStatus::Stopped, "STOPPED"},
    {RunStatus::Interrupted, "INTERRUPTED"},
};

} // namespace

const char *runStatusName(RunStatus status)
{
    for (const auto &entry : kStatusNames) {
        if (entry.status == status)
            return entry.name;
    }
    return "UNKNOWN";
}

std::optional<RunStatus> runStatusFromName(const std::string &name)
{
    for (const auto &entry : kStatusNames) {
        if (name == entry.name)
            return entry.status;
    }
    return std::nullopt;
}

std::int64_t RunRecord::durationMs(std::int64_t nowMs) const
{
    if (startedAtMs <= 0)
        return -1;
    std::int64_t end = endedAtMs;
    if (end <= 0)
        end = status == RunStatus::Running ? nowMs : heartbeatAtMs;
    const std::int64_t from = resumedAtMs > 0 ? resumedAtMs : startedAtMs;
    if (end < from)
        return -1;
    return (resumedAtMs > 0 ? activeBeforeMs : 0) + (end - from);
}

} // namespace mf
