#pragma once
// A run store with a few runs of every status, params and metrics, for the app tests and for
// rendering screenshots.

#include "core/store/runstore.h"

#include <cstdint>

namespace mf::sample {

struct RunIds
{
    std::int64_t finishedMlp = 0; ///< best val_accuracy 0.8123 (also its last)
    std::int64_t finishedCnn = 0; ///< best 0.905, last 0.899
    std::int64_t failed = 0;      ///< best 0.095, with a failure reason
    std::int64_t stopped = 0;     ///< best 0.1
    std::int64_t running = 0;     ///< best 0.42; owned by process `runningPid`
    std::int64_t interrupted = 0; ///< no metrics at all
};

/// Adds the six runs to `store`. Each run with metrics has 100 steps per epoch with train_loss
/// and lr logged every 10th step, and val_accuracy and val_loss at each epoch's end; the params
/// are model, optimizer, lr (0.001 for mlp-baseline and mlp-wide, 0.0005 for cnn-small, 0.5 for
/// the failed and 0.003 for the stopped run), batch_size and epochs. Times are relative to now;
/// the running run's process is `runningPid` on this host, so it stays RUNNING while that
/// process lives.
RunIds fill(RunStore &store, std::int64_t runningPid);

} // namespace mf::sample
