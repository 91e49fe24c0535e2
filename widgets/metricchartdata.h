#pragma once

#include "widgets/seriessmoothing.h"

#include <QPointF>
#include <QVector>

namespace mf {

/// The full-resolution data of one MetricChart series: raw points sorted by x, their smoothed
/// copy, and the extents of both. Appends in x order cost O(appended points); out-of-order
/// appends merge and re-smooth the whole series. Points with a non-finite x are dropped.
class MetricChartData
{
public:
    explicit MetricChartData(double smoothingWeight = 0.0);

    void setPoints(const QVector<QPointF> &points);
    void appendPoints(const QVector<QPointF> &points);
    void setSmoothingWeight(double weight);

    const QVector<QPointF> &raw() const { return m_raw; }
    const QVector<QPointF> &smoothed() const { return m_smoothed; }
    bool isEmpty() const { return m_raw.isEmpty(); }

    /// The index of the raw point whose x is closest to `x` (the first of equals); -1 when empty.
    qsizetype nearestIndex(double x) const;

    double xMin() const { return m_raw.isEmpty() ? 0.0 : m_raw.first().x(); }
    double xMax() const { return m_raw.isEmpty() ? 0.0 : m_raw.last().x(); }
    /// Whether any raw y is finite; yMin/yMax cover the finite raw values, which bound the
    /// smoothed ones (each is a weighted mean of raw values).
    bool hasFiniteY() const { return m_yMin <= m_yMax; }
    double yMin() const { return m_yMin; }
    double yMax() const { return m_yMax; }
    /// Whether any raw y is positive; minPositiveY is the smallest (for a log axis).
    bool hasPositiveY() const { return m_minPositiveY <= m_yMax; }
    double minPositiveY() const { return m_minPositiveY; }

private:
    void rebuild();
    void extendExtents(qsizetype from);

    QVector<QPointF> m_raw;
    QVector<QPointF> m_smoothed;
    SeriesSmoothing m_smoothing;
    double m_yMin;
    double m_yMax;
    double m_minPositiveY;
};

} // namespace mf
