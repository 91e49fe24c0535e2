#pragma once
// Torch-free: the order of a pipeline stage's work, tested on its own.

#include <optional>
#include <string>
#include <vector>

namespace mf {

/// The order in which a pipeline stage runs its micro-batches' forward and backward passes.
enum class PipelineSchedule
{
    /// GPipe: every micro-batch forward, then every one backward, the last first. A stage holds
    /// the activations of all M micro-batches at once.
    GPipe,
    /// 1F1B (PipeDream-Flush, as in Megatron-LM): K - s - 1 forwards to fill the pipe, then one
    /// forward and one backward in turn, then the remaining backwards. The same bubble as GPipe,
    /// but stage s holds at most K - s micro-batches' activations, whatever M is.
    OneFOneB
};

/// "gpipe", "1f1b"
std::string pipelineScheduleName(PipelineSchedule schedule);
std::optional<PipelineSchedule> pipelineScheduleFromName(const std::string &name);

struct PipelineAction
{
    bool forward = true;
    int microBatch = 0;

    bool operator==(const PipelineAction &other) const
    {
        return forward == other.forward && microBatch == other.microBatch;
    }
};

/// What stage `stage` of `stages` does in one step of `microBatches` micro-batches, in order.
std::vector<PipelineAction> pipelineActions(PipelineSchedule schedule, int stage, int stages,
                                            int microBatches);

} // namespace mf
