#pragma once

#include "core/store/runrecord.h"
#include "widgets/metricdashboard.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QVector>

#include <map>
#include <string>
#include <vector>

namespace mf {

/// One metric of one run, ready for a MetricDashboard.
struct RunMetricSeries
{
    QString key;
    /// At most one point per epoch (val_*, test_*, train_accuracy): drawn sparse, at the end of
    /// its epoch. Per-step series get fractional epochs.
    bool perEpoch = false;
    QVector<MetricSample> samples; ///< in step order
};

/// A run's parameters and metrics, for comparing runs; plain values, safe to pass between
/// threads.
struct RunMetrics
{
    RunRecord run;
    std::map<std::string, std::string> params;
    QVector<RunMetricSeries> series; ///< by key
};

/// The answer to one request for the metrics of several runs.
struct RunsMetrics
{
    QList<qint64> runIds; ///< as requested
    std::vector<RunMetrics> runs;
};

/// Groups a run's points by key (in step order) and gives every point the epoch it was logged
/// in as a position on the epoch axis: per-epoch points sit at their epoch's end (e); a per-step
/// point at step s of epoch e sits at (e - 1) + (s - end of epoch e-1) / (length of epoch e),
/// the epoch ends taken from the per-epoch points (or the last step seen in each epoch). The
/// length of an epoch still running is the previous epoch's length.
QVector<RunMetricSeries> buildMetricSeries(const std::vector<MetricPoint> &points);

/// "#12 train_loss": the name of a run's series in an overlay of several runs.
QString comparisonSeriesName(qint64 runId, const QString &key);

} // namespace mf

Q_DECLARE_METATYPE(mf::RunsMetrics)
