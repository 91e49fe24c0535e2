#include "core/data/datasetsummary.h"

namespace mf {

DatasetSummary summarizeDataset(const DatasetBundle &bundle)
{
    DatasetSummary summary;
    summary.format = bundle.train.format;
    summary.source = bundle.train.source;
    summary.trainCount = bundle.train.size();
    summary.sampleShape = bundle.train.sampleShape();
    summary.classNames = bundle.train.classNames;
    summary.trainClassCounts = classCounts(bundle.train);
    summary.stats = computeChannelStats(bundle.train);
    if (bundle.test) {
        summary.testCount = bundle.test->size();
        summary.testClassCounts = classCounts(*bundle.test);
    }
    return summary;
}

nlohmann::json toJson(const DatasetSummary &summary)
{
    return {{"format", summary.format},
            {"source", summary.source},
            {"trainCount", summary.trainCount},
            {"testCount", summary.testCount},
            {"sampleShape", summary.sampleShape},
            {"classNames", summary.classNames},
            {"trainClassCounts", summary.trainClassCounts},
            {"testClassCounts", summary.testClassCounts},
            {"stats", {{"mean", summary.stats.mean}, {"std", summary.stats.std}}}};
}

} // namespace mf
