#pragma once

#include "core/data/dataset.h"

#include <cstdint>

namespace mf {

struct SplitDatasets
{
    Dataset train;
    Dataset validation;
    torch::Tensor trainIndices;      ///< int64: row r of train is row trainIndices[r] of the input
    torch::Tensor validationIndices; ///< int64: the same for validation
};

/// Seeded random split; the same seed always gives the same split. validationFraction in [0,1).
/// The validation part holds round(N * validationFraction) samples; both parts keep the
/// original sample order. Throws mf::ConfigError for a fraction outside [0,1) or one that
/// would leave no training samples.
SplitDatasets splitDataset(const Dataset &dataset, double validationFraction, std::uint64_t seed);

/// The permutation of 0..count-1 that splitDataset draws for `seed` (Fisher-Yates over
/// std::mt19937_64, so it is the same on every platform and run).
std::vector<std::int64_t> seededPermutation(std::int64_t count, std::uint64_t seed);

} // namespace mf
