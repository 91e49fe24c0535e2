#include "core/compress/cubicschedule.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

class TestCubicSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valuesAlongTheSchedule_data()
    {
        QTest::addColumn<long long>("step");
        QTest::addColumn<double>("expected");
        // initial 0, final 0.8, from step 100 over 400 steps:
        // s = 0.8 + (0 - 0.8) * (1 - (t - 100) / 400)^3
        QTest::newRow("before the start") << 0LL << 0.0;
        QTest::newRow("at the start") << 100LL << 0.0;
        QTest::newRow("a quarter in") << 200LL << 0.8 - 0.8 * 0.421875;   // (3/4)^3
        QTest::newRow("half way") << 300LL << 0.8 - 0.8 * 0.125;          // (1/2)^3
        QTest::newRow("three quarters") << 400LL << 0.8 - 0.8 * 0.015625; // (1/4)^3
        QTest::newRow("at the end") << 500LL << 0.8;
        QTest::newRow("after the end") << 900LL << 0.8;
    }
    void valuesAlongTheSchedule()
    {
        QFETCH(long long, step);
        QFETCH(double, expected);
        const mf::CubicSchedule schedule{0.0, 0.8, 100, 400};
        QCOMPARE(schedule.sparsityAt(step), expected);
    }

    void risesFastFirstThenSlowly()
    {
        const mf::CubicSchedule schedule{0.1, 0.9, 0, 10};
        QCOMPARE(schedule.sparsityAt(0), 0.1);
        double previousRise = 1.0;
        for (long long t = 1; t <= 10; ++t) {
            const double rise = schedule.sparsityAt(t) - schedule.sparsityAt(t - 1);
            QVERIFY(rise > 0.0);
            QVERIFY(rise < previousRise);
            previousRise = rise;
        }
    }
};

MF_TEST_GUILESS_MAIN(TestCubicSchedule)
#include "tst_cubicschedule.moc"
