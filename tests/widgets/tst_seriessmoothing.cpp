#include "widgets/seriessmoothing.h"

#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <cmath>
#include <limits>

using mf::SeriesSmoothing;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

QVector<QPointF> series(const QVector<double> &xs, const QVector<double> &ys)
{
    QVector<QPointF> points;
    for (int i = 0; i < xs.size(); ++i)
        points.append(QPointF(xs[i], ys[i]));
    return points;
}

bool sameValue(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b))
        return a == b;
    return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
}

} // namespace

class TestSeriesSmoothing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Expected values worked by hand from last = last*w + (1-w)*y, smoothed = last/(1-w^n).
    void smooth_data()
    {
        QTest::addColumn<double>("weight");
        QTest::addColumn<QVector<double>>("xs");
        QTest::addColumn<QVector<double>>("ys");
        QTest::addColumn<QVector<double>>("expected");

        QTest::newRow("w=0 is the identity")
            << 0.0 << QVector<double>{0, 1, 2, 3} << QVector<double>{3, -1, 4, 1.5}
            << QVector<double>{3, -1, 4, 1.5};
        // last: 0.5, 1.25, 2.125, 3.0625; debias: 0.5, 0.75, 0.875, 0.9375.
        QTest::newRow("w=0.5 ramp")
            << 0.5 << QVector<double>{0, 1, 2, 3} << QVector<double>{1, 2, 3, 4}
            << QVector<double>{1.0, 5.0 / 3.0, 17.0 / 7.0, 49.0 / 15.0};
        // last: 1, 0.9, 1.31; debias: 0.1, 0.19, 0.271.
        QTest::newRow("w=0.9 drop")
            << 0.9 << QVector<double>{10, 20, 30} << QVector<double>{10, 0, 5}
            << QVector<double>{10.0, 90.0 / 19.0, 1310.0 / 271.0};
        // last: -0.2, -0.08, 0.228; debias: 0.1, 0.19, 0.271.
        QTest::newRow("w=0.9 signs") << 0.9 << QVector<double>{0, 1, 2} << QVector<double>{-2, 1, 3}
                                     << QVector<double>{-2.0, -8.0 / 19.0, 228.0 / 271.0};
        // NaN and inf are passed through and skipped: the third value is the second accumulated.
        // last: 0.5, -, 1.75, -; debias: 0.5, -, 0.75, -.
        QTest::newRow("w=0.5 non-finite passthrough")
            << 0.5 << QVector<double>{0, 2.5, 7, 9} << QVector<double>{1, kNaN, 3, kInf}
            << QVector<double>{1.0, kNaN, 7.0 / 3.0, kInf};
        QTest::newRow("w=0.5 leading NaN")
            << 0.5 << QVector<double>{0, 1, 2} << QVector<double>{kNaN, 2, 4}
            << QVector<double>{kNaN, 2.0, 10.0 / 3.0};
        QTest::newRow("empty") << 0.9 << QVector<double>{} << QVector<double>{}
                               << QVector<double>{};
    }

    void smooth()
    {
        QFETCH(double, weight);
        QFETCH(QVector<double>, xs);
        QFETCH(QVector<double>, ys);
        QFETCH(QVector<double>, expected);

        const QVector<QPointF> out = SeriesSmoothing::smooth(series(xs, ys), weight);
        QCOMPARE(out.size(), expected.size());
        for (int i = 0; i < out.size(); ++i) {
            QCOMPARE(out[i].x(), xs[i]);
            if (!sameValue(out[i].y(), expected[i]))
                QFAIL(qPrintable(QStringLiteral("point %1: %2, expected %3")
                                     .arg(i)
                                     .arg(out[i].y(), 0, 'g', 17)
                                     .arg(expected[i], 0, 'g', 17)));
        }
    }

    void incrementalMatchesWhole()
    {
        QVector<QPointF> points;
        for (int i = 0; i < 200; ++i)
            points.append(QPointF(i, std::sin(i * 0.37) + (i % 17 == 0 ? kNaN : 0.0)));
        const QVector<QPointF> whole = SeriesSmoothing::smooth(points, 0.8);

        SeriesSmoothing smoothing(0.8);
        QVector<QPointF> pieces;
        smoothing.appendSmoothed(points.mid(0, 13), pieces);
        smoothing.appendSmoothed(points.mid(13, 100), pieces);
        smoothing.appendSmoothed(points.mid(113), pieces);
        QCOMPARE(pieces.size(), whole.size());
        for (int i = 0; i < whole.size(); ++i)
            QVERIFY2(sameValue(pieces[i].y(), whole[i].y()), qPrintable(QString::number(i)));
    }

    void resetStartsOver()
    {
        SeriesSmoothing smoothing(0.5);
        smoothing.next(100.0);
        smoothing.reset();
        QCOMPARE(smoothing.next(4.0), 4.0);
        QVERIFY(sameValue(smoothing.next(1.0), 2.0)); // last 1.5 / debias 0.75
    }

    void weightIsClamped_data()
    {
        QTest::addColumn<double>("weight");
        QTest::addColumn<double>("clamped");
        QTest::newRow("negative") << -0.3 << 0.0;
        QTest::newRow("inside") << 0.42 << 0.42;
        QTest::newRow("one") << 1.0 << 0.99;
        QTest::newRow("above") << 7.0 << 0.99;
        QTest::newRow("nan") << kNaN << 0.0;
    }

    void weightIsClamped()
    {
        QFETCH(double, weight);
        QFETCH(double, clamped);
        QCOMPARE(SeriesSmoothing(weight).weight(), clamped);
        // A weight of 1 would never move from 0; the clamp keeps the curve following the data.
        const QVector<QPointF> out = SeriesSmoothing::smooth({{0, 5}, {1, 5}}, weight);
        QVERIFY(sameValue(out[1].y(), 5.0));
    }
};

MF_TEST_GUILESS_MAIN(TestSeriesSmoothing)
#include "tst_seriessmoothing.moc"
