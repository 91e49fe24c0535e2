#include "core/roi/projection.h"
#include "core/roi/scenariotemplates.h"
#include "core/roi/sensitivity.h"
#include "core/util/error.h"
#include "tests/core/roi/roitestscenario.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <cmath>

using namespace mf::roi;
using mf::roi::test::quietScenario;
using mf::roi::test::rangedInput;

namespace {

bool close(double actual, double expected)
{
    return std::fabs(actual - expected) <= 1e-9 * std::max(1.0, std::fabs(expected));
}

double npvOf(const Scenario &s)
{
    return keyFigures(s, project(s)).npv;
}

/// 12 months, no discounting: 100 licences a month at 50 (40..60), operations 1,000
/// (800..1,500); base NPV = 12 x (100 x 50 - 1,000) = 48,000.
Scenario smallScenario()
{
    Scenario s = quietScenario(12);
    s.inputs["licences.unitsPerMonth"] = rangedInput(90, 100, 100);
    s.inputs["licences.price"] = rangedInput(40, 50, 60);
    s.inputs["operations.perMonth"] = rangedInput(800, 1000, 1500);
    // Uncertain but without effect: nothing is stored.
    s.inputs["storage.pricePerGbMonth"] = rangedInput(0.01, 0.02, 0.03);
    return s;
}

} // namespace

class TestRoiSensitivity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tornadoOrderAndValues()
    {
        const Tornado t = tornado(smallScenario());
        QVERIFY(close(t.baseNpv, 48000));
        QCOMPARE(t.bars.size(), std::size_t(4));
        // Price: 12 x (100 x 40 - 1,000) = 36,000 .. 12 x (6,000 - 1,000) = 60,000; swing 24,000.
        QCOMPARE(QString::fromStdString(t.bars[0].key), QStringLiteral("licences.price"));
        QVERIFY(close(t.bars[0].npvAtLow, 36000));
        QVERIFY(close(t.bars[0].npvAtHigh, 60000));
        QVERIFY(close(t.bars[0].swing, 24000));
        QCOMPARE(t.bars[0].low, 40.0);
        QCOMPARE(t.bars[0].high, 60.0);
        // Operations: 12 x 4,200 = 50,400 .. 12 x 3,500 = 42,000; swing 8,400.
        QCOMPARE(QString::fromStdString(t.bars[1].key), QStringLiteral("operations.perMonth"));
        QVERIFY(close(t.bars[1].npvAtLow, 50400));
        QVERIFY(close(t.bars[1].npvAtHigh, 42000));
        QVERIFY(close(t.bars[1].swing, 8400));
        // Units: 12 x (90 x 50 - 1,000) = 42,000 .. the base 48,000; swing 6,000.
        QCOMPARE(QString::fromStdString(t.bars[2].key), QStringLiteral("licences.unitsPerMonth"));
        QVERIFY(close(t.bars[2].npvAtLow, 42000));
        QVERIFY(close(t.bars[2].swing, 6000));
        // The storage price moves nothing and comes last.
        QCOMPARE(QString::fromStdString(t.bars[3].key), QStringLiteral("storage.pricePerGbMonth"));
        QCOMPARE(t.bars[3].swing, 0.0);
    }

    void worstBaseBestOnSmallScenario()
    {
        const Scenario s = smallScenario();
        const ScenarioRange range = worstBaseBest(s);
        // Worst: price 40, operations 1,500, 90 units: 12 x (3,600 - 1,500) = 25,200.
        // Best: price 60, operations 800, 100 units: 12 x (6,000 - 800) = 62,400.
        QCOMPARE(range.worst.value("licences.price"), 40.0);
        QCOMPARE(range.worst.value("operations.perMonth"), 1500.0);
        QCOMPARE(range.best.value("operations.perMonth"), 800.0);
        QCOMPARE(range.worst.value("storage.pricePerGbMonth"), 0.02);
        QVERIFY(close(npvOf(range.worst), 25200));
        QVERIFY(close(npvOf(range.base), 48000));
        QVERIFY(close(npvOf(range.best), 62400));
        QCOMPARE(QString::fromStdString(range.worst.name), QStringLiteral("quiet (worst case)"));
        QCOMPARE(QString::fromStdString(range.best.name), QStringLiteral("quiet (best case)"));
        // The ranges stay, so the cases can be edited and compared as scenarios.
        QCOMPARE(range.worst.input("licences.price").high, 60.0);
        QVERIFY(validate(range.worst).empty());
        QVERIFY(validate(range.best).empty());
    }

    void worstBelowBaseBelowBestForTemplates()
    {
        for (const ScenarioTemplate &t : scenarioTemplates()) {
            const Tornado bars = tornado(t.scenario);
            for (std::size_t i = 1; i < bars.bars.size(); ++i)
                QVERIFY(bars.bars[i - 1].swing >= bars.bars[i].swing);
            const ScenarioRange range = worstBaseBest(t.scenario, bars);
            const double worst = npvOf(range.worst);
            const double base = npvOf(range.base);
            const double best = npvOf(range.best);
            QVERIFY2(worst <= base && base <= best, t.id.c_str());
            QVERIFY(close(base, bars.baseNpv));
        }
    }

    void certainScenarioHasNoBars()
    {
        const Tornado t = tornado(quietScenario());
        QVERIFY(t.bars.empty());
        const ScenarioRange range = worstBaseBest(quietScenario());
        QCOMPARE(npvOf(range.worst), npvOf(range.best));
    }

    void badScenarioThrows()
    {
        Scenario s = smallScenario();
        s.setValue("general.horizonMonths", 0);
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, tornado(s));
    }
};

MF_TEST_APPLESS_MAIN(TestRoiSensitivity)
#include "tst_roisensitivity.moc"
