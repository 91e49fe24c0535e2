#pragma once

#include "core/kernels/kernelcache.h"

#include <functional>
#include <string>
#include <vector>

namespace mf {

/// Untimed runs of each candidate before the timed ones, and timed rounds; the rounds go
/// through the candidates in turn, so that a slow moment of the machine does not fall on one
/// candidate only, and each candidate's cost is the median of its rounds. `settle` untimed runs
/// of a candidate come right before each of its timed runs: a candidate that is a whole model
/// with one layer's kernel switched finds the caches and the allocator left as the previous
/// candidate used them, which its first run pays for and its steady state does not.
struct KernelRounds
{
    int warmup = 2;
    int timed = 5;
    int settle = 0;
};

/// Picks the fastest of several implementations of one computation by timing each on the
/// machine, the way cuDNN's benchmark mode does, and keeps the decision in a KernelCache.
class KernelChooser
{
public:
    /// Runs `candidate` once and returns its cost in milliseconds; throws when the candidate
    /// cannot run here (the message becomes its reason in KernelDecision::failed).
    using Timer = std::function<double(const std::string &candidate)>;

    using Rounds = KernelRounds;

    explicit KernelChooser(KernelCache &cache, Rounds rounds = {});

    /// The cached decision for `key` when there is one that weighed every one of `candidates`
    /// and chose one of them; otherwise times every candidate, chooses the fastest (the first
    /// offered on a tie), stores the decision and returns it. Throws mf::Error when no candidate
    /// can run.
    KernelDecision choose(const KernelKey &key, const std::vector<std::string> &candidates,
                          const Timer &timer);

private:
    KernelCache &m_cache;
    Rounds m_rounds;
};

} // namespace mf
