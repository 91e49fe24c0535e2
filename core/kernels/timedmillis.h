#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <functional>

namespace mf {

/// Milliseconds `work` takes on `device` by the steady clock: a CUDA device is synchronised
/// before and after, so that the work queued, not only its launch, is counted.
double timedMillis(torch::Device device, const std::function<void()> &work);

} // namespace mf
