#pragma once
// Core-only header: its implementation needs torch.

#include "core/kernels/kernelcache.h"
#include "core/kernels/kerneldecision.h"
#include "core/kernels/kernelkey.h"

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace mf {

/// Kernel decisions for small CPU kernels that a few milliseconds remake: kept in memory for the
/// process, shared by its threads. Each candidate is timed by the steady clock in KernelChooser's
/// rounds (two untimed, five timed).
class ProcessKernelChoices
{
public:
    /// Runs `candidate` once.
    using Run = std::function<void(const std::string &candidate)>;

    /// The decision kept for `key`, or one measured now by running each of `candidates`;
    /// `measuredNow`, when given, says which. Throws mf::Error when no candidate can run.
    KernelDecision choose(const KernelKey &key, const std::vector<std::string> &candidates,
                          const Run &run, bool *measuredNow = nullptr);
    std::optional<KernelDecision> find(const KernelKey &key) const;

private:
    mutable std::mutex m_mutex;
    KernelCache m_cache;
};

} // namespace mf
