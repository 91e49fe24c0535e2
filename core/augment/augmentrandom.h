#pragma once

#include <cstdint>
#include <vector>

namespace mf {

/// Counter-based random numbers for one operation applied to one batch. Row r's stream is a pure
/// function of (seed, epoch, sampleIndices[r], operationIndex): a sample draws the same values
/// whether it is augmented in a batch of 256 or alone, on any device.
class AugmentRandom
{
public:
    AugmentRandom(std::uint64_t seed, int epoch, const std::vector<std::int64_t> &sampleIndices,
                  int operationIndex);

    /// Number of rows (samples) in the batch.
    std::int64_t size() const { return static_cast<std::int64_t>(m_states.size()); }

    /// Next 64 random bits of row `row`'s stream (splitmix64).
    std::uint64_t next(std::int64_t row);
    /// Uniform in [0, 1), 53 bits.
    double uniform(std::int64_t row);
    /// Uniform in [lo, hi); lo when lo == hi.
    double uniform(std::int64_t row, double lo, double hi);
    /// Uniform integer in [lo, hi], both ends included; requires lo <= hi.
    std::int64_t integer(std::int64_t row, std::int64_t lo, std::int64_t hi);

    /// The splitmix64 finaliser: a bijective 64-bit mix.
    static std::uint64_t mix(std::uint64_t value);

private:
    std::vector<std::uint64_t> m_states;
};

} // namespace mf
