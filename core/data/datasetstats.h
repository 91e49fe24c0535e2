#pragma once

#include <cstdint>
#include <vector>

namespace mf {

struct Dataset;

/// Images: per channel on the [0,1] pixel scale; tables: per feature. Population statistics
/// (divided by the number of values); all zero for an empty dataset.
struct ChannelStats
{
    std::vector<double> mean;
    std::vector<double> std;
};

ChannelStats computeChannelStats(const Dataset &dataset);

/// Samples per class, indexed by class (length numClasses()).
std::vector<std::int64_t> classCounts(const Dataset &dataset);

} // namespace mf
