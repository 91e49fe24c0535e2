#pragma once

#include <map>
#include <string>
#include <vector>

namespace mf {

/// One candidate's measured cost: the median of its timed rounds.
struct KernelTiming
{
    std::string candidate;
    double millis = 0.0;
};

/// Which implementation of an operation (or which combination, a kernel plan) was chosen, and
/// the measurement it was chosen by.
struct KernelDecision
{
    std::string chosen;
    std::vector<KernelTiming> timings;         ///< every candidate that ran, as offered
    std::map<std::string, std::string> failed; ///< candidates that could not run: the reason
    bool cached = false;                       ///< taken from the cache rather than measured now

    /// The measured cost of `candidate`; a negative value when it was not measured.
    double millisOf(const std::string &candidate) const;
    /// "channels_last 31.2 ms < contiguous 44.9 ms (measured)", fastest first.
    std::string summary() const;
    /// "single-pass used (aten 0.178 ms, single-pass 0.022 ms)", in the order offered, to the
    /// microsecond: for kernels that take well under a millisecond.
    std::string usedText() const;
};

} // namespace mf
