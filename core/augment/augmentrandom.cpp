#include "core/augment/augmentrandom.h"

#include <algorithm>

namespace mf {

namespace {

constexpr std::uint64_t kGoldenGamma = 0x9E3779B97F4A7C15ULL;

} // namespace

std::uint64_t AugmentRandom::mix(std::uint64_t value)
{
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
    return value ^ (value >> 31);
}

AugmentRandom::AugmentRandom(std::uint64_t seed, int epoch,
                             const std::vector<std::int64_t> &sampleIndices, int operationIndex)
{
    // Each key is folded in through its own mixing round, so neighbouring seeds, epochs, samples
    // and operations start far apart.
    const std::uint64_t base = mix(mix(seed + kGoldenGamma) + static_cast<std::uint64_t>(epoch));
    m_states.reserve(sampleIndices.size());
    for (std::int64_t index : sampleIndices)
        m_states.push_back(mix(mix(base + static_cast<std::uint64_t>(index)) +
                               static_cast<std::uint64_t>(operationIndex)));
}

std::uint64_t AugmentRandom::next(std::int64_t row)
{
    std::uint64_t &state = m_states.at(static_cast<std::size_t>(row));
    state += kGoldenGamma;
    return mix(state);
}

double AugmentRandom::uniform(std::int64_t row)
{
    return static_cast<double>(next(row) >> 11) * 0x1.0p-53;
}

double AugmentRandom::uniform(std::int64_t row, double lo, double hi)
{
    return lo + (hi - lo) * uniform(row);
}

std::int64_t AugmentRandom::integer(std::int64_t row, std::int64_t lo, std::int64_t hi)
{
    const double span = static_cast<double>(hi - lo) + 1.0;
    const auto offset = static_cast<std::int64_t>(uniform(row) * span);
    return std::min(hi, lo + offset);
}

} // namespace mf
