#include "core/kernels/processkernelchoices.h"

#include "core/kernels/kernelchooser.h"
#include "core/kernels/timedmillis.h"

namespace mf {

KernelDecision ProcessKernelChoices::choose(const KernelKey &key,
                                            const std::vector<std::string> &candidates,
                                            const Run &run, const std::optional<Listing> &listing)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const bool measuring = !m_cache.find(key).has_value();
    KernelDecision decision =
        KernelChooser(m_cache, {2, 5}).choose(key, candidates, [&](const std::string &name) {
            return timedMillis(torch::kCPU, [&] { run(name); });
        });
    if (measuring && listing)
        m_listed.emplace_back(*listing, decision);
    return decision;
}

std::string ProcessKernelChoices::summary(const std::string &group, std::int64_t batch) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::string text;
    for (const auto &[listing, decision] : m_listed)
        if (listing.group == group && listing.batch == batch)
            text += (text.empty() ? "" : "; ") + listing.label + " " + decision.usedText();
    return text;
}

std::optional<KernelDecision> ProcessKernelChoices::find(const KernelKey &key) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_cache.find(key);
}

} // namespace mf
