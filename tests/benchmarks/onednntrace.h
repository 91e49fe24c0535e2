#pragma once
// For the benchmarks: what oneDNN runs inside a forward pass, by its verbose mode.

#include <functional>
#include <string>
#include <vector>

namespace mfbench {

/// One oneDNN primitive a forward pass executed: "convolution", its implementation with the
/// instruction set it was generated for ("brgconv:avx512_core_vnni"), the problem
/// ("mb64_ic1oc32_ih28oh28kh3...") and the median of its execution times.
struct OneDnnPrimitive
{
    std::string kind;
    std::string implementation;
    std::string problem;
    double millis = 0.0;
};

/// Runs `forward` `times` times with oneDNN's verbose mode on (its lines on stdout are captured,
/// not shown) and returns the primitives of one pass, in order, each with the median of its
/// `times` execution times. Empty when nothing ran on oneDNN or the verbose lines could not be
/// captured or do not repeat the same sequence in each pass.
std::vector<OneDnnPrimitive> traceOneDnn(const std::function<void()> &forward, int times);

} // namespace mfbench
