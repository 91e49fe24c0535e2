#include "widgets/seriessmoothing.h"

#include <algorithm>
#include <cmath>

namespace mf {

SeriesSmoothing::SeriesSmoothing(double weight) : m_weight(clampWeight(weight)) {}

double SeriesSmoothing::clampWeight(double weight)
{
    if (!std::isfinite(weight))
        return 0.0;
    return std::clamp(weight, 0.0, kMaxWeight);
}

void SeriesSmoothing::reset()
{
    m_last = 0.0;
    m_weightPower = 1.0;
}

double SeriesSmoothing::next(double y)
{
    if (!std::isfinite(y) || m_weight == 0.0)
        return y;
    m_last = m_last * m_weight + (1.0 - m_weight) * y;
    m_weightPower *= m_weight;
    return m_last / (1.0 - m_weightPower);
}

void SeriesSmoothing::appendSmoothed(const QVector<QPointF> &points, QVector<QPointF> &out)
{
    out.reserve(out.size() + points.size());
    for (const QPointF &point : points)
        out.append(QPointF(point.x(), next(point.y())));
}

QVector<QPointF> SeriesSmoothing::smooth(const QVector<QPointF> &points, double weight)
{
    SeriesSmoothing smoothing(weight);
    QVector<QPointF> out;
    smoothing.appendSmoothed(points, out);
    return out;
}

} // namespace mf
