#include "widgets/metricchartdata.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mf {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

bool byX(const QPointF &a, const QPointF &b)
{
    return a.x() < b.x();
}

QVector<QPointF> withFiniteX(const QVector<QPointF> &points)
{
    QVector<QPointF> out;
    out.reserve(points.size());
    for (const QPointF &point : points) {
        if (std::isfinite(point.x()))
            out.append(point);
    }
    return out;
}

} // namespace

MetricChartData::MetricChartData(double smoothingWeight)
    : m_smoothing(smoothingWeight), m_yMin(kInfinity), m_yMax(-kInfinity), m_minPositiveY(kInfinity)
{
}

void MetricChartData::setPoints(const QVector<QPointF> &points)
{
    m_raw = withFiniteX(points);
    if (!std::is_sorted(m_raw.cbegin(), m_raw.cend(), byX))
        std::stable_sort(m_raw.begin(), m_raw.end(), byX);
    rebuild();
}

void MetricChartData::appendPoints(const QVector<QPointF> &points)
{
    QVector<QPointF> added = withFiniteX(points);
    if (added.isEmpty())
        return;
    const bool inOrder = std::is_sorted(added.cbegin(), added.cend(), byX) &&
                         (m_raw.isEmpty() || m_raw.last().x() <= added.first().x());
    const qsizetype from = m_raw.size();
    m_raw.append(added);
    if (!inOrder) {
        std::stable_sort(m_raw.begin(), m_raw.end(), byX);
        rebuild();
        return;
    }
    m_smoothing.appendSmoothed(added, m_smoothed);
    extendExtents(from);
}

void MetricChartData::setSmoothingWeight(double weight)
{
    if (SeriesSmoothing::clampWeight(weight) == m_smoothing.weight())
        return;
    m_smoothing = SeriesSmoothing(weight);
    rebuild();
}

qsizetype MetricChartData::nearestIndex(double x) const
{
    if (m_raw.isEmpty())
        return -1;
    const auto it = std::lower_bound(m_raw.cbegin(), m_raw.cend(), x,
                                     [](const QPointF &p, double v) { return p.x() < v; });
    if (it == m_raw.cend())
        return m_raw.size() - 1;
    if (it == m_raw.cbegin())
        return 0;
    const auto before = std::prev(it);
    // The first of a run of equal x, so the reading is stable.
    if (x - before->x() <= it->x() - x) {
        const auto firstEqual =
            std::lower_bound(m_raw.cbegin(), before, before->x(),
                             [](const QPointF &p, double v) { return p.x() < v; });
        return firstEqual - m_raw.cbegin();
    }
    return it - m_raw.cbegin();
}

void MetricChartData::rebuild()
{
    m_smoothing.reset();
    m_smoothed.clear();
    m_smoothing.appendSmoothed(m_raw, m_smoothed);
    m_yMin = kInfinity;
    m_yMax = -kInfinity;
    m_minPositiveY = kInfinity;
    extendExtents(0);
}

void MetricChartData::extendExtents(qsizetype from)
{
    for (qsizetype i = from; i < m_raw.size(); ++i) {
        const double y = m_raw[i].y();
        if (!std::isfinite(y))
            continue;
        m_yMin = std::min(m_yMin, y);
        m_yMax = std::max(m_yMax, y);
        if (y > 0.0)
            m_minPositiveY = std::min(m_minPositiveY, y);
    }
}

} // namespace mf
