#include "core/kernels/timedmillis.h"

#include <torch/cuda.h>

#include <chrono>

namespace mf {

double timedMillis(torch::Device device, const std::function<void()> &work)
{
    using Clock = std::chrono::steady_clock;
    if (device.is_cuda())
        torch::cuda::synchronize(device.index());
    const auto start = Clock::now();
    work();
    if (device.is_cuda())
        torch::cuda::synchronize(device.index());
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace mf
