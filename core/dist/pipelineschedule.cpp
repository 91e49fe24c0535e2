#include "core/dist/pipelineschedule.h"

#include <algorithm>

namespace mf {

std::string pipelineScheduleName(PipelineSchedule schedule)
{
    return schedule == PipelineSchedule::OneFOneB ? "1f1b" : "gpipe";
}

std::optional<PipelineSchedule> pipelineScheduleFromName(const std::string &name)
{
    if (name == "gpipe")
        return PipelineSchedule::GPipe;
    if (name == "1f1b")
        return PipelineSchedule::OneFOneB;
    return std::nullopt;
}

std::vector<PipelineAction> pipelineActions(PipelineSchedule schedule, int stage, int stages,
                                            int microBatches)
{
    std::vector<PipelineAction> actions;
    if (schedule == PipelineSchedule::GPipe) {
        for (int m = 0; m < microBatches; ++m)
            actions.push_back({true, m});
        for (int m = microBatches - 1; m >= 0; --m)
            actions.push_back({false, m});
        return actions;
    }
    // A stage runs ahead of the next by one micro-batch: the last stage starts its first
    // backward right after its first forward.
    const int warmup = std::clamp(stages - stage - 1, 0, microBatches);
    for (int m = 0; m < warmup; ++m)
        actions.push_back({true, m});
    for (int m = 0; m < microBatches - warmup; ++m) {
        actions.push_back({true, warmup + m});
        actions.push_back({false, m});
    }
    for (int m = microBatches - warmup; m < microBatches; ++m)
        actions.push_back({false, m});
    return actions;
}

} // namespace mf
