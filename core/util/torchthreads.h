#pragma once

namespace mf {

/// Sets LibTorch's intra-op thread count, which is process-wide: `requested` threads, or every
/// core when it is 0 or less. Returns the count now in use.
///
/// Who calls it, deliberately: modelforge-cli once, before it trains or resumes its one run
/// (--threads, TrainConfig::threads); the workbench at start-up (every core) and when a run
/// starts, from that run's config, because a GUI process trains one run at a time. Nothing else
/// does, Trainer and evaluation included, so an evaluation never changes the thread count of a
/// run in progress. (LibTorch's own default here is a single thread.)
int setTorchThreads(int requested);

} // namespace mf
