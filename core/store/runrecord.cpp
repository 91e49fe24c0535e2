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

} // namespace mf
