#pragma once

#include <QPointF>
#include <QVector>

namespace mf {

/// TensorBoard's debiased exponential moving average of a series' y values. The state can be fed
/// one value at a time, so a live series is smoothed in O(appended points). Non-finite values are
/// passed through unchanged and leave the state as it was, as TensorBoard does.
class SeriesSmoothing
{
public:
    static constexpr double kMaxWeight = 0.99;

    /// `weight` is clamped to [0, kMaxWeight]; 0 is the identity.
    explicit SeriesSmoothing(double weight = 0.0);

    double weight() const { return m_weight; }
    /// Forgets every value seen so far.
    void reset();
    /// The smoothed value of `y` given all values fed since the last reset.
    double next(double y);
    /// Smooths `points` (x kept) and appends them to `out`.
    void appendSmoothed(const QVector<QPointF> &points, QVector<QPointF> &out);

    /// The smoothed copy of a whole series, in O(n).
    static QVector<QPointF> smooth(const QVector<QPointF> &points, double weight);
    static double clampWeight(double weight);

private:
    double m_weight = 0.0;
    double m_last = 0.0;
    // weight^numAccum, kept as a running product instead of calling pow() per point.
    double m_weightPower = 1.0;
};

} // namespace mf
