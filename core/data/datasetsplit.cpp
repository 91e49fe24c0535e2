#include "core/data/datasetsplit.h"

#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace mf {

std::vector<std::int64_t> seededPermutation(std::int64_t count, std::uint64_t seed)
{
    std::vector<std::int64_t> order(static_cast<std::size_t>(std::max<std::int64_t>(count, 0)));
    std::iota(order.begin(), order.end(), std::int64_t(0));
    std::mt19937_64 engine(seed);
    // std::uniform_int_distribution differs between standard libraries; a multiply-shift draw
    // keeps the permutation identical everywhere.
    for (std::size_t i = order.size(); i > 1; --i) {
        const auto j =
            static_cast<std::size_t>((static_cast<unsigned __int128>(engine()) * i) >> 64);
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

SplitDatasets splitDataset(const Dataset &dataset, double validationFraction, std::uint64_t seed)
{
    if (!(validationFraction >= 0.0 && validationFraction < 1.0))
        throw ConfigError("validation fraction " + std::to_string(validationFraction) +
                          " is outside [0, 1)");
    const std::int64_t count = dataset.size();
    const auto validationCount =
        static_cast<std::int64_t>(std::llround(static_cast<double>(count) * validationFraction));
    if (count > 0 && validationCount >= count)
        throw ConfigError("validation fraction " + std::to_string(validationFraction) + " of " +
                          std::to_string(count) + " samples leaves none for training");

    std::vector<std::int64_t> order = seededPermutation(count, seed);
    const auto middle = order.begin() + validationCount;
    std::sort(order.begin(), middle);
    std::sort(middle, order.end());
    const auto toTensor = [](std::vector<std::int64_t> rows) {
        const auto n = static_cast<std::int64_t>(rows.size());
        return torch::from_blob(rows.data(), {n}, torch::kInt64).clone();
    };
    SplitDatasets split;
    split.validationIndices = toTensor({order.begin(), middle});
    split.trainIndices = toTensor({middle, order.end()});
    split.validation = dataset.subset(split.validationIndices);
    split.train = dataset.subset(split.trainIndices);
    return split;
}

} // namespace mf
