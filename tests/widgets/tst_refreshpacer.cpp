#include "widgets/refreshpacer.h"

#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <limits>

using mf::RefreshPacer;

class TestRefreshPacer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAtTheFloor()
    {
        const RefreshPacer pacer;
        QCOMPARE(pacer.intervalMs(), RefreshPacer::kDefaultMinIntervalMs);
        QCOMPARE(pacer.averageCostMs(), 0.0);
    }

    void intervalIsCostOverBudget()
    {
        RefreshPacer pacer(0.01, 40, 1000);
        pacer.addCost(2.0);
        QCOMPARE(pacer.intervalMs(), 200); // 2 ms in every 200 ms is 1 %
        pacer.setBudget(0.02);
        QCOMPARE(pacer.intervalMs(), 100);
    }

    void intervalStaysBetweenFloorAndCeiling()
    {
        RefreshPacer cheap(0.01, 40, 1000);
        cheap.addCost(0.1);
        QCOMPARE(cheap.intervalMs(), 40);
        RefreshPacer costly(0.01, 40, 1000);
        costly.addCost(50.0);
        QCOMPARE(costly.intervalMs(), 1000);
    }

    void averageFollowsRecentCosts()
    {
        RefreshPacer pacer(0.01, 0, 100000);
        pacer.addCost(1.0);
        QCOMPARE(pacer.averageCostMs(), 1.0);
        pacer.addCost(6.0); // 1 + 0.2 * (6 - 1)
        QCOMPARE(pacer.averageCostMs(), 2.0);
        for (int i = 0; i < 40; ++i)
            pacer.addCost(4.0);
        QVERIFY(qAbs(pacer.averageCostMs() - 4.0) < 1e-3);
        QCOMPARE(pacer.intervalMs(), 400);
    }

    void ignoresNonsenseCostsAndBudgets()
    {
        RefreshPacer pacer(0.01, 40, 1000);
        pacer.addCost(3.0);
        pacer.addCost(-1.0);
        pacer.addCost(std::numeric_limits<double>::quiet_NaN());
        pacer.addCost(std::numeric_limits<double>::infinity());
        QCOMPARE(pacer.averageCostMs(), 3.0);
        pacer.setBudget(0.0);
        QVERIFY(pacer.budget() > 0.0);
        QCOMPARE(pacer.intervalMs(), 1000);
        pacer.setBudget(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(pacer.budget(), RefreshPacer::kDefaultBudget);
        pacer.setBudget(5.0);
        QCOMPARE(pacer.budget(), 1.0);
        QCOMPARE(pacer.intervalMs(), 40);
    }
};

MF_TEST_APPLESS_MAIN(TestRefreshPacer)
#include "tst_refreshpacer.moc"
