#pragma once

#include "core/store/runrecord.h"
#include "core/train/trainevents.h"

namespace mf {

/// The status a run is stored with once training ends: an early stop is Finished too.
RunStatus runStatusOf(TrainOutcome outcome);

} // namespace mf
