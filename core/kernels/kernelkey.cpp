#include "core/kernels/kernelkey.h"

#include <tuple>

namespace mf {

bool KernelKey::operator==(const KernelKey &other) const
{
    return std::tie(processor, capability, torch, device, threads, workload) ==
           std::tie(other.processor, other.capability, other.torch, other.device, other.threads,
                    other.workload);
}

} // namespace mf
