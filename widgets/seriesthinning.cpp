#include "widgets/seriesthinning.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace mf {

namespace {

bool drawable(double y, SeriesThinning::YFilter filter)
{
    return std::isfinite(y) && (filter != SeriesThinning::YFilter::PositiveOnly || y > 0.0);
}

} // namespace

QVector<QPointF> SeriesThinning::thin(const QVector<QPointF> &sorted, double x0, double x1,
                                      int pixelWidth, YFilter filter)
{
    QVector<QPointF> out;
    if (sorted.isEmpty())
        return out;
    if (x1 < x0)
        std::swap(x0, x1);
    const int buckets = std::max(1, pixelWidth);
    const double span = x1 - x0;
    // A degenerate or unbounded range is one bucket.
    const double scale = span > 0.0 && std::isfinite(span) ? buckets / span : 0.0;

    const auto begin = sorted.cbegin();
    const auto end = sorted.cend();
    const auto first =
        std::lower_bound(begin, end, x0, [](const QPointF &p, double x) { return p.x() < x; });
    const auto last =
        std::upper_bound(first, end, x1, [](double x, const QPointF &p) { return x < p.x(); });
    out.reserve(int(std::min<qsizetype>(last - first, 2 * qsizetype(buckets))) + 2);

    for (auto it = first; it != begin;) {
        --it;
        if (drawable(it->y(), filter)) {
            out.append(*it);
            break;
        }
    }

    int bucket = -1;
    auto minIt = end;
    auto maxIt = end;
    const auto flush = [&] {
        if (minIt == end)
            return;
        if (minIt == maxIt) {
            out.append(*minIt);
        } else {
            out.append(*std::min(minIt, maxIt));
            out.append(*std::max(minIt, maxIt));
        }
    };
    for (auto it = first; it != last; ++it) {
        if (!drawable(it->y(), filter))
            continue;
        const int b = scale > 0.0 ? std::min(buckets - 1, int((it->x() - x0) * scale)) : 0;
        if (b != bucket) {
            flush();
            bucket = b;
            minIt = maxIt = it;
        } else if (it->y() < minIt->y()) {
            minIt = it;
        } else if (it->y() > maxIt->y()) {
            maxIt = it;
        }
    }
    flush();

    for (auto it = last; it != end; ++it) {
        if (drawable(it->y(), filter)) {
            out.append(*it);
            break;
        }
    }
    return out;
}

} // namespace mf
