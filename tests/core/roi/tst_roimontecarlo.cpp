#include "core/roi/montecarlo.h"
#include "core/roi/projection.h"
#include "core/roi/scenariotemplates.h"
#include "core/util/error.h"
#include "tests/core/roi/roitestscenario.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <cmath>
#include <numeric>

using namespace mf::roi;
using mf::roi::test::quietScenario;
using mf::roi::test::rangedInput;

namespace {

bool identical(const MonteCarloResult &a, const MonteCarloResult &b)
{
    return a.trials == b.trials && a.drawnInputs == b.drawnInputs && a.baseNpv == b.baseNpv &&
           a.mean == b.mean && a.p10 == b.p10 && a.p50 == b.p50 && a.p90 == b.p90 &&
           a.min == b.min && a.max == b.max && a.probabilityOfLoss == b.probabilityOfLoss &&
           a.histogramLow == b.histogramLow && a.histogramHigh == b.histogramHigh &&
           a.histogram == b.histogram;
}

/// 12 months, no discounting: 100 licences a month at an uncertain price, operations 1,000:
/// NPV = 12 x (100 x price - 1,000), linear in the price.
Scenario linearScenario(double low, double mode, double high, Distribution distribution)
{
    Scenario s = quietScenario(12);
    s.setValue("licences.unitsPerMonth", 100);
    s.inputs["licences.price"] = rangedInput(low, mode, high, distribution);
    s.setValue("operations.perMonth", 1000);
    return s;
}

double npvForPrice(double price)
{
    return 12.0 * (100.0 * price - 1000.0);
}

MonteCarloOptions options(int trials, std::uint64_t seed, int threads)
{
    MonteCarloOptions o;
    o.trials = trials;
    o.seed = seed;
    o.threads = threads;
    return o;
}

} // namespace

class TestRoiMonteCarlo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameResultWhateverTheThreads()
    {
        const Scenario s = tutoringTemplate();
        // 5,000 trials: five blocks of 1,024, the last one short.
        const MonteCarloResult one = runMonteCarlo(s, options(5000, 42, 1));
        const MonteCarloResult two = runMonteCarlo(s, options(5000, 42, 2));
        const MonteCarloResult three = runMonteCarlo(s, options(5000, 42, 3));
        QVERIFY(identical(one, two));
        QVERIFY(identical(one, three));
        QVERIFY(identical(one, runMonteCarlo(s, options(5000, 42, 2))));
        QVERIFY(one.drawnInputs > 5);
        QVERIFY(one.p10 < one.p50 && one.p50 < one.p90);
        QVERIFY(one.min <= one.p10 && one.p90 <= one.max);
        const MonteCarloResult other = runMonteCarlo(s, options(5000, 43, 2));
        QVERIFY(other.p50 != one.p50);
    }

    void fixedInputsGiveTheBaseNpv()
    {
        Scenario s = medicalScreeningTemplate();
        for (auto &entry : s.inputs)
            entry.second.distribution = Distribution::Fixed;
        const double base = keyFigures(s, project(s)).npv;
        const MonteCarloResult r = runMonteCarlo(s, options(3000, 7, 2));
        QCOMPARE(r.drawnInputs, 0);
        QVERIFY(r.baseNpv == base);
        QVERIFY(r.p10 == base && r.p50 == base && r.p90 == base);
        QVERIFY(r.min == base && r.max == base && r.mean == base);
        QCOMPARE(r.histogram, std::vector<int>{3000});
        QCOMPARE(r.probabilityOfLoss, base < 0 ? 1.0 : 0.0);
    }

    void triangularMeanMatchesTheAnalyticMean()
    {
        // Triangular(30, 50, 100): mean (30 + 50 + 100) / 3 = 60, variance (30^2 + 50^2 + 100^2
        // - 30 x 50 - 30 x 100 - 50 x 100) / 18 = 216.7, sd 14.7. The NPV is 1,200 x price -
        // 12,000: mean 60,000, sd 17,664; over 50,000 trials the mean's sd is 79.
        const MonteCarloResult r = runMonteCarlo(
            linearScenario(30, 50, 100, Distribution::Triangular), options(50000, 1, 2));
        QCOMPARE(r.drawnInputs, 1);
        QVERIFY2(std::fabs(r.mean - npvForPrice(60)) < 400, qPrintable(QString::number(r.mean)));
        // Median of the triangle: above the mode, 100 - sqrt((1 - 0.5) x 70 x 50) = 58.17.
        QVERIFY2(std::fabs(r.p50 - npvForPrice(100 - std::sqrt(0.5 * 70 * 50))) < 600,
                 qPrintable(QString::number(r.p50)));
        QVERIFY(r.min >= npvForPrice(30) && r.max <= npvForPrice(100));
    }

    void pertMeanMatchesTheAnalyticMean()
    {
        // Beta-PERT(30, 50, 100), lambda 4: mean (30 + 4 x 50 + 100) / 6 = 55; sd about
        // (100 - 30) / 6 = 11.7, so the NPV mean's sd over 50,000 trials is about 63.
        const MonteCarloResult r =
            runMonteCarlo(linearScenario(30, 50, 100, Distribution::Pert), options(50000, 9, 2));
        QVERIFY2(std::fabs(r.mean - npvForPrice(55)) < 320, qPrintable(QString::number(r.mean)));
        QVERIFY(r.min >= npvForPrice(30) && r.max <= npvForPrice(100));
    }

    void probabilityOfLossAndHistogram()
    {
        // NPV < 0 exactly when the price is below 10: half of Triangular(2, 10, 18).
        const MonteCarloResult r = runMonteCarlo(
            linearScenario(2, 10, 18, Distribution::Triangular), options(40000, 5, 2));
        QVERIFY2(std::fabs(r.probabilityOfLoss - 0.5) < 0.01,
                 qPrintable(QString::number(r.probabilityOfLoss)));
        QCOMPARE(r.histogram.size(), std::size_t(40));
        QCOMPARE(std::accumulate(r.histogram.begin(), r.histogram.end(), 0), 40000);
        QCOMPARE(r.histogramLow, r.min);
        QCOMPARE(r.histogramHigh, r.max);
        // The triangle peaks in the middle bins and thins out at both ends.
        QVERIFY(r.histogram[19] + r.histogram[20] > 4 * (r.histogram[0] + r.histogram[39]));
    }

    void wholeNumberInputsStayWhole()
    {
        // Redundancy drawn over 0..3 spare instances and rounded: the NPV takes 4 values, the
        // ends included.
        Scenario s = quietScenario(12);
        s.setValue("serving.requestsPerDay", 86400);
        s.setValue("serving.throughputPerInstance", 10);
        s.setValue("serving.pricePerInstanceHour", 1);
        s.setValue("serving.instanceKw", 0);
        s.inputs["serving.redundancy"] = rangedInput(0, 1, 3);
        MonteCarloOptions o = options(2000, 3, 1);
        o.bins = 3;
        const MonteCarloResult r = runMonteCarlo(s, o);
        // 86,400 a day x 3 at peak = 3 requests/s: one busy instance (10 x 60 % = 6 per
        // instance), plus 0 to 3 spares, each 12 x 730.5 h x 1.
        const double perInstance = -12 * 730.5;
        QCOMPARE(r.max, perInstance * 1);
        QCOMPARE(r.min, perInstance * 4);
        for (int count : r.histogram)
            QVERIFY(count > 0);
    }

    void rejectsBadOptions()
    {
        const Scenario s = quietScenario();
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, runMonteCarlo(s, options(0, 1, 1)));
        MonteCarloOptions o = options(10, 1, 1);
        o.bins = 0;
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, runMonteCarlo(s, o));
        Scenario bad = quietScenario();
        bad.setValue("subscriptions.churn", 1);
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, runMonteCarlo(bad, options(10, 1, 1)));
    }
};

MF_TEST_APPLESS_MAIN(TestRoiMonteCarlo)
#include "tst_roimontecarlo.moc"
