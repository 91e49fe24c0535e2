#pragma once

#include "core/data/dataset.h"
#include "core/data/datasetstats.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// What `modelforge-cli datasets inspect` reports about a loaded dataset.
struct DatasetSummary
{
    std::string format, source;
    std::int64_t trainCount = 0, testCount = 0;
    std::vector<std::int64_t> sampleShape;
    std::vector<std::string> classNames;
    std::vector<std::int64_t> trainClassCounts, testClassCounts;
    ChannelStats stats; ///< of the training part
};

DatasetSummary summarizeDataset(const DatasetBundle &bundle);

/// Keys: format, source, trainCount, testCount, sampleShape, classNames, trainClassCounts,
/// testClassCounts, stats {mean, std}.
nlohmann::json toJson(const DatasetSummary &summary);

} // namespace mf
