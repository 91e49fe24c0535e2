#include "core/kernels/kerneldecision.h"

#include <algorithm>
#include <cstdio>

namespace mf {

double KernelDecision::millisOf(const std::string &candidate) const
{
    for (const KernelTiming &timing : timings)
        if (timing.candidate == candidate)
            return timing.millis;
    return -1.0;
}

std::string KernelDecision::summary() const
{
    std::vector<KernelTiming> sorted = timings;
    std::stable_sort(
        sorted.begin(), sorted.end(),
        [](const KernelTiming &a, const KernelTiming &b) { return a.millis < b.millis; });
    std::string text;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        char millis[32];
        std::snprintf(millis, sizeof millis, "%.1f", sorted[i].millis);
        if (i > 0)
            text += sorted[i].millis > sorted[i - 1].millis ? " < " : " = ";
        text += sorted[i].candidate + " " + millis + " ms";
    }
    for (const auto &[candidate, reason] : failed)
        text += (text.empty() ? "" : "; ") + candidate + " unusable: " + reason;
    text += cached ? " (measured earlier on this machine)" : " (measured now)";
    return text;
}

std::string KernelDecision::usedText() const
{
    std::string text = chosen + " used (";
    for (std::size_t i = 0; i < timings.size(); ++i) {
        char millis[32];
        std::snprintf(millis, sizeof millis, " %.3f ms", timings[i].millis);
        text += (i > 0 ? ", " : "") + timings[i].candidate + millis;
    }
    return text + ")";
}

} // namespace mf
