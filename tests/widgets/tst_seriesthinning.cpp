#include "widgets/seriesthinning.h"

#include "tests/support/testsuite.h"

#include <QRandomGenerator>
#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

using mf::SeriesThinning;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Random walk with random x gaps (some equal x) and occasional spikes both ways.
QVector<QPointF> noisySeries(quint32 seed, int count)
{
    QRandomGenerator rng(seed);
    QVector<QPointF> points;
    double x = -5.0;
    double y = 0.0;
    for (int i = 0; i < count; ++i) {
        x += rng.bounded(4) == 0 ? 0.0 : rng.bounded(1.0);
        y += rng.bounded(2.0) - 1.0;
        double value = y;
        if (rng.bounded(50) == 0)
            value += (rng.bounded(2) == 0 ? -1.0 : 1.0) * (20.0 + rng.bounded(100.0));
        points.append(QPointF(x, value));
    }
    return points;
}

int bucketOf(double x, double x0, double x1, int width)
{
    return std::min(width - 1, int((x - x0) * (width / (x1 - x0))));
}

} // namespace

class TestSeriesThinning : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bucketExtremesSurvive_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("count");
        QTest::addColumn<double>("x0");
        QTest::addColumn<double>("x1");
        QTest::addColumn<int>("width");
        QTest::newRow("dense, whole range") << 1u << 20000 << -5.0 << 10000.0 << 300;
        QTest::newRow("dense, zoomed") << 2u << 20000 << 1234.5 << 2345.6 << 517;
        QTest::newRow("sparse: fewer points than pixels") << 3u << 200 << 0.0 << 60.0 << 800;
        QTest::newRow("one pixel") << 4u << 5000 << 100.0 << 900.0 << 1;
        QTest::newRow("range past the data") << 5u << 3000 << 1000.0 << 5000.0 << 100;
    }

    void bucketExtremesSurvive()
    {
        QFETCH(quint32, seed);
        QFETCH(int, count);
        QFETCH(double, x0);
        QFETCH(double, x1);
        QFETCH(int, width);
        const QVector<QPointF> points = noisySeries(seed, count);
        const QVector<QPointF> out = SeriesThinning::thin(points, x0, x1, width);

        QVERIFY(out.size() <= 2 * width + 2);
        QVERIFY(std::is_sorted(out.cbegin(), out.cend(),
                               [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
        for (const QPointF &p : out)
            QVERIFY(points.contains(p));

        // Brute force: every bucket's minimum and maximum y over the in-range points.
        QVector<double> minY(width, std::numeric_limits<double>::infinity());
        QVector<double> maxY(width, -std::numeric_limits<double>::infinity());
        for (const QPointF &p : points) {
            if (p.x() < x0 || p.x() > x1)
                continue;
            const int b = bucketOf(p.x(), x0, x1, width);
            minY[b] = std::min(minY[b], p.y());
            maxY[b] = std::max(maxY[b], p.y());
        }
        QVector<bool> hasMin(width, false);
        QVector<bool> hasMax(width, false);
        for (const QPointF &p : out) {
            if (p.x() < x0 || p.x() > x1)
                continue;
            const int b = bucketOf(p.x(), x0, x1, width);
            hasMin[b] = hasMin[b] || p.y() == minY[b];
            hasMax[b] = hasMax[b] || p.y() == maxY[b];
        }
        for (int b = 0; b < width; ++b) {
            if (std::isinf(minY[b]))
                continue;
            QVERIFY2(hasMin[b], qPrintable(QStringLiteral("bucket %1 lost its minimum").arg(b)));
            QVERIFY2(hasMax[b], qPrintable(QStringLiteral("bucket %1 lost its maximum").arg(b)));
        }
    }

    void keepsEdgePoints()
    {
        const QVector<QPointF> points = noisySeries(7, 5000);
        const double x0 = points[1000].x() + 0.001;
        const double x1 = points[4000].x() - 0.001;
        const QVector<QPointF> out = SeriesThinning::thin(points, x0, x1, 200);
        QVERIFY(out.size() >= 2);
        const auto before = std::find_if(points.crbegin(), points.crend(),
                                         [x0](const QPointF &p) { return p.x() < x0; });
        const auto after = std::find_if(points.cbegin(), points.cend(),
                                        [x1](const QPointF &p) { return p.x() > x1; });
        QCOMPARE(out.first(), *before);
        QCOMPARE(out.last(), *after);
        for (int i = 1; i + 1 < out.size(); ++i)
            QVERIFY(out[i].x() >= x0 && out[i].x() <= x1);
    }

    void wholeRangeHasNoEdgePoints()
    {
        const QVector<QPointF> points{{0, 1}, {1, 3}, {2, 2}};
        QCOMPARE(SeriesThinning::thin(points, 0.0, 2.0, 100), points);
    }

    void keepsBothExtremesInXOrder()
    {
        // One bucket holding max then min: both kept, the max first as in the data.
        const QVector<QPointF> points{{0.0, 1.0}, {0.1, 9.0}, {0.2, 5.0}, {0.3, -4.0}, {0.4, 2.0}};
        const QVector<QPointF> expected{{0.1, 9.0}, {0.3, -4.0}};
        QCOMPARE(SeriesThinning::thin(points, 0.0, 1.0, 1), expected);
    }

    void emptyAndSinglePoint_data()
    {
        QTest::addColumn<QVector<QPointF>>("points");
        QTest::addColumn<double>("x0");
        QTest::addColumn<double>("x1");
        QTest::addColumn<QVector<QPointF>>("expected");
        QTest::newRow("empty") << QVector<QPointF>{} << 0.0 << 1.0 << QVector<QPointF>{};
        QTest::newRow("one inside")
            << QVector<QPointF>{{0.5, 3}} << 0.0 << 1.0 << QVector<QPointF>{{0.5, 3}};
        QTest::newRow("one before")
            << QVector<QPointF>{{-2, 3}} << 0.0 << 1.0 << QVector<QPointF>{{-2, 3}};
        QTest::newRow("one after")
            << QVector<QPointF>{{7, 3}} << 0.0 << 1.0 << QVector<QPointF>{{7, 3}};
        QTest::newRow("zero-width range")
            << QVector<QPointF>{{0, 1}, {1, 5}, {1, 2}, {2, 0}} << 1.0 << 1.0
            << QVector<QPointF>{{0, 1}, {1, 5}, {1, 2}, {2, 0}};
        QTest::newRow("backwards range") << QVector<QPointF>{{0, 1}, {1, 5}, {2, 0}} << 3.0 << -1.0
                                         << QVector<QPointF>{{0, 1}, {1, 5}, {2, 0}};
    }

    void emptyAndSinglePoint()
    {
        QFETCH(QVector<QPointF>, points);
        QFETCH(double, x0);
        QFETCH(double, x1);
        QFETCH(QVector<QPointF>, expected);
        QCOMPARE(SeriesThinning::thin(points, x0, x1, 640), expected);
    }

    void skipsUndrawableValues()
    {
        const QVector<QPointF> points{{-1, kNaN}, {-0.5, 4}, {0, kNaN}, {0.5, -3}, {1, 0},
                                      {1.5, 2},   {2, kNaN}, {3, -1},   {4, 6}};
        const QVector<QPointF> finite{{-0.5, 4}, {0.5, -3}, {1, 0}, {1.5, 2}, {3, -1}};
        QCOMPARE(SeriesThinning::thin(points, 0.0, 2.0, 100), finite);
        const QVector<QPointF> positive{{-0.5, 4}, {1.5, 2}, {4, 6}};
        QCOMPARE(SeriesThinning::thin(points, 0.0, 2.0, 100, SeriesThinning::YFilter::PositiveOnly),
                 positive);
    }

    void sizeBoundOnLargeInput()
    {
        QVector<QPointF> points;
        points.reserve(200000);
        for (int i = 0; i < 200000; ++i)
            points.append(QPointF(i, std::sin(i * 0.01) + (i % 7) * 0.1));
        for (int width : {1, 10, 999, 1000}) {
            const QVector<QPointF> out = SeriesThinning::thin(points, 50000.0, 150000.0, width);
            QVERIFY2(out.size() <= 2 * width + 2, qPrintable(QString::number(width)));
            QVERIFY(out.size() >= width); // each bucket holds many points here
        }
    }
};

MF_TEST_GUILESS_MAIN(TestSeriesThinning)
#include "tst_seriesthinning.moc"
