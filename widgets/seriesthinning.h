#pragma once

#include <QPointF>
#include <QVector>

namespace mf {

/// Reduces a series sorted by x to what a plot of a given pixel width can show: per horizontal
/// pixel bucket of the visible x-range only the points with the smallest and the largest y (in x
/// order), plus the nearest drawable point on each side of the range so lines reach the edges.
/// Points whose y cannot be drawn (not finite; not positive on a log axis) are left out.
class SeriesThinning
{
public:
    enum class YFilter
    {
        FiniteOnly,
        PositiveOnly, ///< for a logarithmic axis
    };

    /// At most 2 * pixelWidth + 2 points. O(log n) to find the range, one pass over it.
    /// An x-range given backwards is swapped; a pixelWidth below 1 counts as 1.
    static QVector<QPointF> thin(const QVector<QPointF> &sorted, double x0, double x1,
                                 int pixelWidth, YFilter filter = YFilter::FiniteOnly);
};

} // namespace mf
