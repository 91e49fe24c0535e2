#include "core/kernels/processkernelchoices.h"

#include "core/kernels/kernelchooser.h"
#include "core/kernels/timedmillis.h"

namespace mf {

KernelDecision ProcessKernelChoices::choose(const KernelKey &key,
                                            const std::vector<std::string> &candidates,
                                            const Run &run, bool *measuredNow)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (measuredNow != nullptr)
        *measuredNow = !m_cache.find(key).has_value();
    return KernelChooser(m_cache, {2, 5}).choose(key, candidates, [&](const std::string &name) {
        return timedMillis(torch::kCPU, [&] { run(name); });
    });
}

std::optional<KernelDecision> ProcessKernelChoices::find(const KernelKey &key) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_cache.find(key);
}

} // namespace mf
