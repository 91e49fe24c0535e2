#include "core/train/outcomestatus.h"

namespace mf {

RunStatus runStatusOf(TrainOutcome outcome)
{
    switch (outcome) {
    case TrainOutcome::Finished:
    case TrainOutcome::EarlyStopped:
        return RunStatus::Finished;
    case TrainOutcome::Stopped:
        return RunStatus::Stopped;
    case TrainOutcome::Failed:
        break;
    }
    return RunStatus::Failed;
}

} // namespace mf
