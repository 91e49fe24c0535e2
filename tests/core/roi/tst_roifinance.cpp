#include "core/roi/finance.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QDate>
#include <QtTest/QtTest>

#include <cmath>
#include <limits>

using mf::roi::DatedFlow;
using mf::roi::IrrResult;
using Flows = std::vector<double>;

Q_DECLARE_METATYPE(Flows)

namespace {

bool closeTo(double actual, double expected, double relative, double absolute = 0.0)
{
    return std::abs(actual - expected) <= std::max(absolute, relative * std::abs(expected));
}

QByteArray mismatch(double actual, double expected)
{
    return QByteArray::number(actual, 'g', 17) + " != " + QByteArray::number(expected, 'g', 17);
}

long long day(int year, int month, int dayOfMonth)
{
    return QDate(year, month, dayOfMonth).toJulianDay();
}

// Excel's documented XIRR/XNPV example.
std::vector<DatedFlow> excelDatedFlows()
{
    return {{day(2008, 1, 1), -10000},
            {day(2008, 3, 1), 2750},
            {day(2008, 10, 30), 4250},
            {day(2009, 2, 15), 3250},
            {day(2009, 4, 1), 2750}};
}

} // namespace

class TestRoiFinance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void npvMatchesReferenceValues_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<Flows>("flows");
        QTest::addColumn<double>("expected");
        QTest::newRow("numpy-financial, 5 %")
            << 0.05 << Flows{-15000, 1500, 2500, 3500, 4500, 6000} << 122.894854950942692;
        QTest::newRow("8 %") << 0.08 << Flows{-40000, 5000, 8000, 12000, 30000}
                             << 3065.2226681795255;
        // -100 + 110 / 1.1 = 0
        QTest::newRow("exact break-even") << 0.1 << Flows{-100, 110} << 0.0;
        // -1 + 2 / 0.5 + 3 / 0.25 = -1 + 4 + 12 = 15
        QTest::newRow("negative rate") << -0.5 << Flows{-1, 2, 3} << 15.0;
        QTest::newRow("empty") << 0.1 << Flows{} << 0.0;
    }

    void npvMatchesReferenceValues()
    {
        QFETCH(double, rate);
        QFETCH(Flows, flows);
        QFETCH(double, expected);
        const double actual = mf::roi::npv(rate, flows);
        QVERIFY2(closeTo(actual, expected, 1e-9, 1e-9), mismatch(actual, expected));
    }

    void npvExcelDiscountsTheFirstFlow()
    {
        // Excel's NPV(10%, -10000, 3000, 4200, 6800) = 1188.44
        const double actual = mf::roi::npvExcel(0.1, {-10000, 3000, 4200, 6800});
        QVERIFY2(closeTo(actual, 1188.44, 0.0, 0.005), mismatch(actual, 1188.44));
        QCOMPARE(mf::roi::npvExcel(0.1, {-10000, 3000, 4200, 6800}),
                 mf::roi::npv(0.1, {-10000, 3000, 4200, 6800}) / 1.1);
    }

    void npvStaysFiniteNearMinusOne()
    {
        // 1 / (1e-9)^200 overflows; the sign survives as an infinity, never NaN.
        Flows flows(201, 1.0);
        flows[0] = -1.0;
        flows[100] = -5.0;
        const double value = mf::roi::npv(-1.0 + 1e-9, flows);
        QVERIFY(!std::isnan(value));
        QVERIFY(value > 0);
        QCOMPARE(mf::roi::npv(1e12, {3, 1, 1}), 3.0 + 1e-12);
    }

    void irrMatchesReferenceValues_data()
    {
        QTest::addColumn<Flows>("flows");
        QTest::addColumn<double>("expected");
        QTest::addColumn<double>("absolute");
        QTest::newRow("5 years") << Flows{-150000, 15000, 25000, 35000, 45000, 60000} << 0.05243
                                 << 0.5e-5;
        QTest::newRow("numpy-financial") << Flows{-100, 39, 59, 55, 20} << 0.280948 << 0.5e-6;
        // -100 + 110 / (1 + r) = 0  =>  r = 0.1
        QTest::newRow("one period") << Flows{-100, 110} << 0.1 << 1e-14;
        QTest::newRow("leading and trailing zeros") << Flows{0, 0, -100, 110, 0, 0} << 0.1 << 1e-14;
        // -100 + 0.01 / (1 + r) = 0  =>  1 + r = 1e-4
        QTest::newRow("near -100 %") << Flows{-100, 0.01} << -0.9999 << 1e-15;
        // -1 + 10 / (1 + r) = 0  =>  r = 9
        QTest::newRow("900 %") << Flows{-1, 10} << 9.0 << 1e-13;
        // 1 - 2 / (1 + r) + 1 / (1 + r)^2 = (1 - 1 / (1 + r))^2: a double root at 0
        QTest::newRow("double root") << Flows{1, -2, 1} << 0.0 << 1e-7;
        // 120 months: -1000 then 20 a month; the IRR solves 1000 = 20 * (1 - (1+r)^-119) / r,
        // 0.01744637 by bisection (check: 20 * (1 - 1.01744637^-119) / 0.01744637 = 1000.00).
        Flows monthly(120, 20.0);
        monthly[0] = -1000;
        QTest::newRow("120 months") << monthly << 0.01744637 << 1e-8;
    }

    void irrMatchesReferenceValues()
    {
        QFETCH(Flows, flows);
        QFETCH(double, expected);
        QFETCH(double, absolute);
        const IrrResult result = mf::roi::irr(flows);
        QVERIFY2(result.status == IrrResult::Status::Found, result.message.c_str());
        QVERIFY2(closeTo(result.rate, expected, 0.0, absolute), mismatch(result.rate, expected));
        QCOMPARE(result.roots.size(), std::size_t(1));
        QCOMPARE(result.roots.front(), result.rate);
        QVERIFY(!result.message.empty());
        QVERIFY2(std::abs(mf::roi::npv(result.rate, flows)) < 1e-6 * 1000, result.message.c_str());
    }

    void irrReportsNoRoot_data()
    {
        QTest::addColumn<Flows>("flows");
        QTest::addColumn<QString>("why");
        QTest::newRow("all outflows") << Flows{-1, -2, -3} << QStringLiteral("never change sign");
        QTest::newRow("all inflows") << Flows{1, 2} << QStringLiteral("never change sign");
        QTest::newRow("empty") << Flows{} << QStringLiteral("no cash flows");
        QTest::newRow("all zero") << Flows{0, 0, 0} << QStringLiteral("other than zero");
        // 1 - 3v + 3v^2 with v = 1/(1+r): the discriminant 9 - 12 is negative
        QTest::newRow("two sign changes, no root") << Flows{1, -3, 3} << QStringLiteral("No rate");
        // -1 + 100 / (1 + r) = 0  =>  r = 99, outside (-1, 10]
        QTest::newRow("above 1000 %") << Flows{-1, 100} << QStringLiteral("above 1000 %");
    }

    void irrReportsNoRoot()
    {
        QFETCH(Flows, flows);
        QFETCH(QString, why);
        const IrrResult result = mf::roi::irr(flows);
        QVERIFY2(result.status == IrrResult::Status::NoRoot, result.message.c_str());
        QVERIFY(result.roots.empty());
        QVERIFY2(QString::fromStdString(result.message).contains(why), result.message.c_str());
    }

    void irrReportsSeveralRoots()
    {
        // -5 + 10.5 v + v^2 - 8 v^3 + v^4 changes sign three times; numpy's polynomial roots
        // give 1 + r = 0.1298, 1.0886, 1.7096 (and one negative, below -100 %).
        const IrrResult result = mf::roi::irr({-5, 10.5, 1, -8, 1});
        QVERIFY2(result.status == IrrResult::Status::SeveralRoots, result.message.c_str());
        QCOMPARE(result.roots.size(), std::size_t(3));
        const double expected[] = {-0.870201, 0.0885983, 0.7095595};
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(closeTo(result.roots[i], expected[i], 0.0, 1e-6),
                     mismatch(result.roots[i], expected[i]));
            QVERIFY(std::abs(mf::roi::npv(result.roots[i], {-5, 10.5, 1, -8, 1})) < 1e-6);
        }
        QVERIFY2(QString::fromStdString(result.message).contains(QStringLiteral("MIRR")),
                 result.message.c_str());
    }

    void mirrMatchesExcel()
    {
        const auto actual = mf::roi::mirr({-120000, 39000, 30000, 21000, 37000, 46000}, 0.10, 0.12);
        QVERIFY(actual.has_value());
        QVERIFY2(closeTo(*actual, 0.126094130, 0.0, 0.5e-9), mismatch(*actual, 0.126094130));
        // Inflows only, outflows only.
        QVERIFY(!mf::roi::mirr({1, 2}, 0.1, 0.1).has_value());
        QVERIFY(!mf::roi::mirr({-1, 0}, 0.1, 0.1).has_value());
        // -100 then 121 two periods later at 10 %: 121 / 100 = 1.1^2, so the MIRR is 10 %.
        QVERIFY(closeTo(*mf::roi::mirr({-100, 0, 121}, 0.1, 0.1), 0.1, 0.0, 1e-12));
    }

    void xnpvAndXirrMatchExcel()
    {
        const std::vector<DatedFlow> flows = excelDatedFlows();
        const double value = mf::roi::xnpv(0.09, flows);
        QVERIFY2(closeTo(value, 2086.65, 0.0, 0.005), mismatch(value, 2086.65));
        const IrrResult result = mf::roi::xirr(flows);
        QVERIFY2(result.status == IrrResult::Status::Found, result.message.c_str());
        // Excel documents 0.373362535; the root is 0.37336253352 (bisection to 1e-15), Excel
        // stops its iteration at a tolerance of 1e-8.
        QVERIFY2(closeTo(result.rate, 0.373362535, 0.0, 1e-8), mismatch(result.rate, 0.373362535));
        QVERIFY2(closeTo(result.rate, 0.37336253352, 0.0, 1e-11),
                 mismatch(result.rate, 0.37336253352));
        QVERIFY(std::abs(mf::roi::xnpv(result.rate, flows)) < 1e-6);
    }

    void xnpvCountsFromTheFirstListedFlow()
    {
        // 365 days at 10 %: -100 + 110 / 1.1 = 0; the order of the list picks the reference day.
        QVERIFY(closeTo(mf::roi::xnpv(0.1, {{1000, -100}, {1365, 110}}), 0.0, 0.0, 1e-12));
        // Listed last-first: 110 on day 0, -100 on day -365: 110 - 100 * 1.1 = 0.
        QVERIFY(closeTo(mf::roi::xnpv(0.1, {{1365, 110}, {1000, -100}}), 0.0, 0.0, 1e-12));
        const IrrResult result = mf::roi::xirr({{1365, 110}, {1000, -100}});
        QVERIFY2(closeTo(result.rate, 0.1, 0.0, 1e-12), result.message.c_str());
        QCOMPARE(mf::roi::xnpv(0.1, {}), 0.0);
        QVERIFY(mf::roi::xirr({}).status == IrrResult::Status::NoRoot);
    }

    void paybackPeriods()
    {
        // Cumulative -1000, -700, -300, 200: crosses in period 3, 2 + 300 / 500 = 2.6.
        QCOMPARE(*mf::roi::paybackPeriod({-1000, 300, 400, 500}), 2.6);
        // Cumulative -100, 50, -50, 30: positive at 1 but dips again; 2 + 50 / 80 = 2.625.
        QCOMPARE(*mf::roi::paybackPeriod({-100, 150, -100, 80}), 2.625);
        // Cumulative -100, -50, 0: exactly paid back at the end of period 2, 1 + 50 / 50.
        QCOMPARE(*mf::roi::paybackPeriod({-100, 50, 50}), 2.0);
        QVERIFY(!mf::roi::paybackPeriod({-100, 50, 40}).has_value()); // -10 at the end
        QCOMPARE(*mf::roi::paybackPeriod({0, 10}), 0.0);
        QVERIFY(!mf::roi::paybackPeriod({}).has_value());

        // 10 %: 440 / 1.1 = 400, 484 / 1.21 = 400, 532.4 / 1.331 = 400; cumulative -1000, -600,
        // -200, 200: 2 + 200 / 400 = 2.5.
        const auto discounted = mf::roi::discountedPaybackPeriod(0.1, {-1000, 440, 484, 532.4});
        QVERIFY(closeTo(*discounted, 2.5, 1e-12));
        // 605 / 1.21 = 500: paid back at exactly 2 despite 1.1^2 not being exact in binary.
        QVERIFY(closeTo(*mf::roi::discountedPaybackPeriod(0.1, {-1000, 550, 605}), 2.0, 1e-12));
        // -50 %: 1 -> 2, 1 -> 4: -10, -8, 4; cumulative -10, -18, -14: never.
        QVERIFY(!mf::roi::discountedPaybackPeriod(-0.5, {-10, -4, 1}).has_value());
        // -50 % over 2000 periods: the last flow weighs 2^1999 (beyond a double) against the
        // first's 1: -1e6 + 2^1999 pays back at 1998 + 1e6 / 2^1999, i.e. 1998.
        Flows longFlows(2000, 0.0);
        longFlows[0] = -1e6;
        longFlows[1999] = 1.0;
        QCOMPARE(*mf::roi::discountedPaybackPeriod(-0.5, longFlows), 1998.0);
        // The same at +100 %: 2^-1999 underflows and the flows never pay back.
        QVERIFY(!mf::roi::discountedPaybackPeriod(1.0, longFlows).has_value());
        // 0 % is the undiscounted payback.
        QCOMPARE(*mf::roi::discountedPaybackPeriod(0.0, {-1000, 300, 400, 500}), 2.6);
    }

    void breakEvenPeriod()
    {
        // The last negative month is 3, so month 4 is the first of the good ones.
        QCOMPARE(*mf::roi::breakEvenPeriod({-5, -3, 2, -1, 4, 6}), 4);
        QCOMPARE(*mf::roi::breakEvenPeriod({1, 2}), 0);
        QVERIFY(!mf::roi::breakEvenPeriod({1, -1}).has_value());
        QVERIFY(!mf::roi::breakEvenPeriod({}).has_value());
    }

    void roiPercent()
    {
        // In 1200, out 1000: 200 / 1000 = 20 %.
        QCOMPARE(*mf::roi::roiPercent({-1000, 300, 400, 500}), 20.0);
        // In 2200, out 1200: 1000 / 1200 = 83.33 %.
        QVERIFY(closeTo(*mf::roi::roiPercent({-500, -500, 1500, -200, 700}), 250.0 / 3.0, 1e-14));
        QVERIFY(!mf::roi::roiPercent({1, 2}).has_value());
    }

    void depreciationAndTotalCost()
    {
        // (10000 - 1000) / 36 = 250 a month; TCO 10000 + 250 * 36 = 19000.
        QCOMPARE(mf::roi::straightLineDepreciation(10000, 1000, 36), 250.0);
        QCOMPARE(mf::roi::straightLineDepreciation(5000, 0, 1), 5000.0);
        QCOMPARE(mf::roi::totalCostOfOwnership(10000, 250, 36), 19000.0);
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::straightLineDepreciation(100, 0, 0));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::straightLineDepreciation(100, 200, 5));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::totalCostOfOwnership(100, 1, -1));
    }

    void badInputThrows()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        try {
            mf::roi::npv(-1.0, {-1, 2});
            QFAIL("a rate of -1 was accepted");
        } catch (const mf::ConfigError &error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("-100 %")),
                     error.what());
        }
        try {
            mf::roi::irr({-1, nan, 2});
            QFAIL("a NaN flow was accepted");
        } catch (const mf::ConfigError &error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("Cash flow 1")),
                     error.what());
        }
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::npv(-2.0, {1}));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::npv(nan, {1}));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::npvExcel(-1.0, {1}));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::mirr({-1, 2}, -1.0, 0.1));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::mirr({-1, 2}, 0.1, nan));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::xnpv(-1.5, excelDatedFlows()));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::xirr({{0, -1}, {10, nan}}));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::paybackPeriod({-1, nan}));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::discountedPaybackPeriod(-1.0, {-1, 2}));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::roiPercent({nan}));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::roi::breakEvenPeriod({nan}));
    }
};

MF_TEST_APPLESS_MAIN(TestRoiFinance)
#include "tst_roifinance.moc"
