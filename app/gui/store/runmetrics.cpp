#include "app/gui/store/runmetrics.h"

#include <algorithm>
#include <map>
#include <set>

namespace mf {

namespace {

/// Where each epoch ends, in steps, with estimates for epochs whose end was not logged.
class EpochEnds
{
public:
    void add(int epoch, std::int64_t step)
    {
        auto [it, inserted] = m_ends.emplace(epoch, step);
        if (!inserted)
            it->second = std::max(it->second, step);
    }

    /// The epoch's position for a point at `step` logged during `epoch`.
    double position(int epoch, std::int64_t step) const
    {
        const std::int64_t start = endOf(epoch - 1);
        const std::int64_t end = endOf(epoch);
        if (end <= start)
            return double(epoch);
        const double fraction = double(step - start) / double(end - start);
        return double(epoch - 1) + std::clamp(fraction, 0.0, 1.0);
    }

    void setPerEpochEnds(const std::map<int, std::int64_t> &ends) { m_logged = ends; }

private:
    std::int64_t endOf(int epoch) const
    {
        if (epoch <= 0)
            return 0;
        const auto logged = m_logged.find(epoch);
        if (logged != m_logged.end())
            return logged->second;
        // A running epoch: as long as the one before it, but at least up to its last point.
        const auto seen = m_ends.find(epoch);
        const std::int64_t lastSeen = seen != m_ends.end() ? seen->second : 0;
        const auto previous = m_logged.find(epoch - 1);
        if (previous != m_logged.end()) {
            const std::int64_t length = previous->second - endOf(epoch - 2);
            return std::max(previous->second + length, lastSeen);
        }
        return lastSeen;
    }

    std::map<int, std::int64_t> m_ends;   ///< last step seen per epoch, every key
    std::map<int, std::int64_t> m_logged; ///< epoch-end steps from per-epoch keys
};

} // namespace

QVector<RunMetricSeries> buildMetricSeries(const std::vector<MetricPoint> &points)
{
    std::map<std::string, std::vector<const MetricPoint *>> byKey;
    for (const MetricPoint &point : points)
        byKey[point.key].push_back(&point);

    EpochEnds ends;
    std::map<int, std::int64_t> logged;
    std::map<std::string, bool> perEpoch;
    for (auto &[key, keyPoints] : byKey) {
        std::stable_sort(
            keyPoints.begin(), keyPoints.end(),
            [](const MetricPoint *a, const MetricPoint *b) { return a->step < b->step; });
        std::set<int> epochs;
        for (const MetricPoint *point : keyPoints) {
            epochs.insert(point->epoch);
            ends.add(point->epoch, point->step);
        }
        const bool sparse = epochs.size() == keyPoints.size();
        perEpoch[key] = sparse;
        if (sparse) {
            for (const MetricPoint *point : keyPoints) {
                auto [it, inserted] = logged.emplace(point->epoch, point->step);
                if (!inserted)
                    it->second = std::max(it->second, point->step);
            }
        }
    }
    ends.setPerEpochEnds(logged);

    QVector<RunMetricSeries> series;
    series.reserve(int(byKey.size()));
    for (const auto &[key, keyPoints] : byKey) {
        RunMetricSeries entry;
        entry.key = QString::fromStdString(key);
        entry.perEpoch = perEpoch[key];
        entry.samples.reserve(int(keyPoints.size()));
        for (const MetricPoint *point : keyPoints) {
            MetricSample sample;
            sample.step = double(point->step);
            sample.epoch =
                entry.perEpoch ? double(point->epoch) : ends.position(point->epoch, point->step);
            sample.wallSeconds = point->wallSeconds;
            sample.value = point->value;
            entry.samples.append(sample);
        }
        series.append(entry);
    }
    return series;
}

QString comparisonSeriesName(qint64 runId, const QString &key)
{
    return QStringLiteral("#%1 %2").arg(runId).arg(key);
}

} // namespace mf
