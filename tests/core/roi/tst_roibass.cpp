#include "core/roi/bass.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using mf::roi::BassModel;

namespace {

const double kLn2 = std::log(2.0);

bool closeTo(double actual, double expected, double absolute)
{
    return std::abs(actual - expected) <= absolute;
}

QByteArray mismatch(double actual, double expected)
{
    return QByteArray::number(actual, 'g', 17) + " != " + QByteArray::number(expected, 'g', 17);
}

} // namespace

class TestRoiBass : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cumulativeMatchesHandComputedValues_data()
    {
        QTest::addColumn<double>("marketSize");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("q");
        QTest::addColumn<double>("months");
        QTest::addColumn<double>("expected");
        // p = q = ln2 / 2: p + q = ln 2, so e^{-(p+q)t} = 2^-t, and q/p = 1.
        // F(1) = 900 (1 - 1/2) / (1 + 1/2) = 300; F(2) = 900 (3/4) / (5/4) = 540;
        // F(3) = 900 (7/8) / (9/8) = 700.
        QTest::newRow("p = q, 1 month") << 900.0 << kLn2 / 2 << kLn2 / 2 << 1.0 << 300.0;
        QTest::newRow("p = q, 2 months") << 900.0 << kLn2 / 2 << kLn2 / 2 << 2.0 << 540.0;
        QTest::newRow("p = q, 3 months") << 900.0 << kLn2 / 2 << kLn2 / 2 << 3.0 << 700.0;
        // q = 0, p = ln 2: F = m (1 - 2^-t): 500 at 1, 750 at 2, 1000 (1 - 1/sqrt 2) at 0.5.
        QTest::newRow("no imitation, 1 month") << 1000.0 << kLn2 << 0.0 << 1.0 << 500.0;
        QTest::newRow("no imitation, 2 months") << 1000.0 << kLn2 << 0.0 << 2.0 << 750.0;
        QTest::newRow("no imitation, half a month")
            << 1000.0 << kLn2 << 0.0 << 0.5 << 1000.0 * (1.0 - std::sqrt(0.5));
        // p = ln2 / 4, q = 3 ln2 / 4: p + q = ln 2, q/p = 3.
        // F(1) = 700 (1/2) / (1 + 3/2) = 140; F(2) = 700 (3/4) / (1 + 3/4) = 300.
        QTest::newRow("q = 3p, 1 month") << 700.0 << kLn2 / 4 << 3 * kLn2 / 4 << 1.0 << 140.0;
        QTest::newRow("q = 3p, 2 months") << 700.0 << kLn2 / 4 << 3 * kLn2 / 4 << 2.0 << 300.0;
        QTest::newRow("start") << 700.0 << 0.03 << 0.38 << 0.0 << 0.0;
        QTest::newRow("no market") << 0.0 << 0.03 << 0.38 << 5.0 << 0.0;
    }

    void cumulativeMatchesHandComputedValues()
    {
        QFETCH(double, marketSize);
        QFETCH(double, p);
        QFETCH(double, q);
        QFETCH(double, months);
        QFETCH(double, expected);
        const double actual = mf::roi::bassCumulative({marketSize, p, q}, months);
        QVERIFY2(closeTo(actual, expected, 1e-10), mismatch(actual, expected));
    }

    void monthlySeriesAreEndOfMonthValuesAndDifferences()
    {
        const BassModel model{900.0, kLn2 / 2, kLn2 / 2};
        const std::vector<double> cumulative = mf::roi::bassCumulativeByMonth(model, 3);
        const std::vector<double> added = mf::roi::bassNewAdoptersByMonth(model, 3);
        QCOMPARE(cumulative.size(), std::size_t(3));
        QCOMPARE(added.size(), std::size_t(3));
        // 300, 540, 700 at the ends of months 0, 1, 2; added 300, 540 - 300, 700 - 540.
        const double expectedCumulative[] = {300.0, 540.0, 700.0};
        const double expectedAdded[] = {300.0, 240.0, 160.0};
        for (std::size_t i = 0; i < 3; ++i) {
            QVERIFY2(closeTo(cumulative[i], expectedCumulative[i], 1e-10),
                     mismatch(cumulative[i], expectedCumulative[i]));
            QVERIFY2(closeTo(added[i], expectedAdded[i], 1e-10),
                     mismatch(added[i], expectedAdded[i]));
        }
        QVERIFY(mf::roi::bassCumulativeByMonth(model, 0).empty());
        QVERIFY(mf::roi::bassNewAdoptersByMonth(model, 0).empty());
    }

    void newAdoptersAddUpAndNeverGoNegative()
    {
        const BassModel model{1e6, 0.003, 0.4};
        const std::vector<double> added = mf::roi::bassNewAdoptersByMonth(model, 600);
        const std::vector<double> cumulative = mf::roi::bassCumulativeByMonth(model, 600);
        QVERIFY(std::all_of(added.begin(), added.end(), [](double n) { return n >= 0.0; }));
        // Long after saturation a month still adds a positive, tiny number, not rounding noise.
        QVERIFY(added.back() > 0.0);
        // About m p (p+q) e^{-(p+q) 599} (1 - e^{-(p+q)}) / p^2 = 6.5e-98.
        QVERIFY(added.back() < 1e-97);
        const double total = std::accumulate(added.begin(), added.end(), 0.0);
        QVERIFY2(closeTo(total, cumulative.back(), 1e-6), mismatch(total, cumulative.back()));
    }

    void startsAtZeroAndApproachesTheMarketSize()
    {
        const BassModel model{5000.0, 0.01, 0.3};
        QCOMPARE(mf::roi::bassCumulative(model, 0.0), 0.0);
        QVERIFY(mf::roi::bassCumulative(model, 1e-9) > 0.0);
        QVERIFY(closeTo(mf::roi::bassCumulative(model, 200.0), 5000.0, 1e-6));
        QCOMPARE(mf::roi::bassCumulative(model, std::numeric_limits<double>::infinity()), 5000.0);
        // A tiny p gives a huge q/p: no overflow, a slow start.
        const BassModel slow{5000.0, 1e-300, 0.3};
        QCOMPARE(mf::roi::bassCumulative(slow, 10.0) >= 0.0, true);
        QVERIFY(closeTo(mf::roi::bassCumulative(slow, 1e4), 5000.0, 1e-6));
        // The adoption rate at 0 is m p.
        QVERIFY(closeTo(mf::roi::bassAdoptionRate(model, 0.0), 5000.0 * 0.01, 1e-12));
    }

    void adoptionPeaksAtLnQOverPDividedByPPlusQ()
    {
        // p = ln2 / 4, q = 3 ln2 / 4: t* = ln 3 / ln 2 = 1.5849625. There e^{-(p+q)t*} = p/q = 1/3,
        // so F(t*) = 700 (2/3) / (1 + 1) = 700 / 3 and the rate is m (p+q)^2 / (4q) = 700 ln2 / 3.
        const BassModel model{700.0, kLn2 / 4, 3 * kLn2 / 4};
        const double peak = mf::roi::bassPeakMonth(model);
        QVERIFY2(closeTo(peak, std::log(3.0) / kLn2, 1e-12), mismatch(peak, 1.5849625));
        QVERIFY(closeTo(mf::roi::bassCumulative(model, peak), 700.0 / 3.0, 1e-10));
        const double rate = mf::roi::bassAdoptionRate(model, peak);
        QVERIFY2(closeTo(rate, 700.0 * kLn2 / 3.0, 1e-10), mismatch(rate, 700.0 * kLn2 / 3.0));
        QVERIFY(rate > mf::roi::bassAdoptionRate(model, peak - 0.01));
        QVERIFY(rate > mf::roi::bassAdoptionRate(model, peak + 0.01));
        // The rate is the derivative of F (central difference).
        const double h = 1e-5;
        const double slope =
            (mf::roi::bassCumulative(model, 2.0 + h) - mf::roi::bassCumulative(model, 2.0 - h)) /
            (2 * h);
        QVERIFY(closeTo(slope, mf::roi::bassAdoptionRate(model, 2.0), 1e-6));
        // q <= p: the rate only falls from the launch on.
        QCOMPARE(mf::roi::bassPeakMonth({700.0, 0.3, 0.3}), 0.0);
        QCOMPARE(mf::roi::bassPeakMonth({700.0, 0.3, 0.0}), 0.0);
    }

    void badParametersThrow_data()
    {
        QTest::addColumn<double>("marketSize");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("q");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("p = 0") << 100.0 << 0.0 << 0.3;
        QTest::newRow("p < 0") << 100.0 << -0.01 << 0.3;
        QTest::newRow("q < 0") << 100.0 << 0.01 << -0.3;
        QTest::newRow("m < 0") << -1.0 << 0.01 << 0.3;
        QTest::newRow("m NaN") << nan << 0.01 << 0.3;
        QTest::newRow("p NaN") << 100.0 << nan << 0.3;
        QTest::newRow("q infinite") << 100.0 << 0.01 << inf;
    }

    void badParametersThrow()
    {
        QFETCH(double, marketSize);
        QFETCH(double, p);
        QFETCH(double, q);
        const BassModel model{marketSize, p, q};
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::bassCumulative(model, 1.0));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::bassAdoptionRate(model, 1.0));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::bassCumulativeByMonth(model, 3));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::bassNewAdoptersByMonth(model, 3));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::bassPeakMonth(model));
    }

    void badTimesThrow()
    {
        const BassModel model{100.0, 0.01, 0.3};
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::bassCumulative(model, -1.0));
        QVERIFY_THROWS_EXCEPTION(
            mf::ConfigError,
            mf::roi::bassCumulative(model, std::numeric_limits<double>::quiet_NaN()));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::bassCumulativeByMonth(model, -1));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::bassNewAdoptersByMonth(model, -1));
        try {
            mf::roi::bassCumulative({100.0, 0.0, 0.3}, 1.0);
            QFAIL("p = 0 was accepted");
        } catch (const mf::ConfigError &error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("innovation")),
                     error.what());
        }
    }
};

MF_TEST_APPLESS_MAIN(TestRoiBass)
#include "tst_roibass.moc"
