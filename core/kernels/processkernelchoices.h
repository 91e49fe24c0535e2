#pragma once
// Core-only header: its implementation needs torch.

#include "core/kernels/kernelcache.h"
#include "core/kernels/kerneldecision.h"
#include "core/kernels/kernelkey.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
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

    /// How a decision measured now is listed by summary(): under `group` (the int8 engine whose
    /// layers it was timed among) and `batch`, as "`label` X used (a 0.1 ms, b 0.2 ms)".
    struct Listing
    {
        std::string group;
        std::int64_t batch = 0;
        std::string label;
    };

    /// The decision kept for `key`, or one measured now by running each of `candidates` and
    /// then listed as `listing` says, when given. Throws mf::Error when no candidate can run.
    KernelDecision choose(const KernelKey &key, const std::vector<std::string> &candidates,
                          const Run &run, const std::optional<Listing> &listing = std::nullopt);
    std::optional<KernelDecision> find(const KernelKey &key) const;
    /// The decisions listed under `group` and `batch`, in the order measured, joined by "; ";
    /// empty when none.
    std::string summary(const std::string &group, std::int64_t batch) const;

private:
    mutable std::mutex m_mutex;
    KernelCache m_cache;
    std::vector<std::pair<Listing, KernelDecision>> m_listed;
};

} // namespace mf
