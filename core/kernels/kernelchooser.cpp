#include "core/kernels/kernelchooser.h"

#include "core/util/error.h"

#include <algorithm>
#include <map>

namespace mf {

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

} // namespace

KernelChooser::KernelChooser(KernelCache &cache, Rounds rounds)
    : m_cache(cache), m_rounds{std::max(0, rounds.warmup), std::max(1, rounds.timed),
                               std::max(0, rounds.settle)}
{
}

KernelDecision KernelChooser::choose(const KernelKey &key,
                                     const std::vector<std::string> &candidates, const Timer &timer)
{
    if (candidates.empty())
        throw Error("No kernel candidates to choose from for " + key.workload);
    // A cached decision stands only for the candidates it weighed: a kernel added since (a newer
    // ModelForge) is measured, not ruled out by a decision that never saw it.
    if (std::optional<KernelDecision> cached = m_cache.find(key);
        cached &&
        std::find(candidates.begin(), candidates.end(), cached->chosen) != candidates.end() &&
        std::all_of(candidates.begin(), candidates.end(), [&](const std::string &candidate) {
            return cached->millisOf(candidate) >= 0.0 || cached->failed.count(candidate) > 0;
        }))
        return *cached;

    KernelDecision decision;
    std::map<std::string, std::vector<double>> samples;
    const auto usable = [&](const std::string &candidate) {
        return decision.failed.count(candidate) == 0;
    };
    const auto timeOnce = [&](const std::string &candidate) -> double {
        try {
            return timer(candidate);
        } catch (const std::exception &e) {
            decision.failed[candidate] = e.what();
            return -1.0;
        }
    };
    for (int round = 0; round < m_rounds.warmup; ++round)
        for (const std::string &candidate : candidates)
            if (usable(candidate))
                timeOnce(candidate);
    for (int round = 0; round < m_rounds.timed; ++round)
        for (const std::string &candidate : candidates)
            if (usable(candidate)) {
                for (int settle = 0; settle < m_rounds.settle && usable(candidate); ++settle)
                    timeOnce(candidate);
                if (!usable(candidate))
                    continue;
                const double millis = timeOnce(candidate);
                if (usable(candidate))
                    samples[candidate].push_back(millis);
            }
    for (const std::string &candidate : candidates)
        if (usable(candidate))
            decision.timings.push_back({candidate, median(samples[candidate])});
    if (decision.timings.empty()) {
        std::string reasons;
        for (const auto &[candidate, reason] : decision.failed)
            reasons += (reasons.empty() ? "" : "; ") + candidate + ": " + reason;
        throw Error("No kernel candidate runs here (" + reasons + ")");
    }
    const auto fastest = std::min_element(
        decision.timings.begin(), decision.timings.end(),
        [](const KernelTiming &a, const KernelTiming &b) { return a.millis < b.millis; });
    decision.chosen = fastest->candidate;
    m_cache.store(key, decision);
    return decision;
}

} // namespace mf
