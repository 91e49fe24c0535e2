#include "app/gui/train/processusage.h"
#include "tests/support/testsuite.h"

#include <QElapsedTimer>
#include <QtTest/QtTest>

#include <atomic>

using mf::ProcessUsage;

namespace {

/// Keeps this thread's core busy for about `ms` milliseconds.
void spin(int ms)
{
    QElapsedTimer clock;
    clock.start();
    std::atomic<unsigned> sink{0};
    while (clock.elapsed() < ms)
        sink.fetch_add(1, std::memory_order_relaxed);
}

} // namespace

class TestProcessUsage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aShortWindowGivesNoLoad()
    {
        ProcessUsage usage;
        // 30 ms of work is three clock ticks or none: a load read from it could say 300 % or 0 %.
        spin(30);
        const ProcessUsage::Sample s = usage.sample();
        QVERIFY(!s.cpuKnown);
        QVERIFY(s.residentBytes > 0);
    }

    void oneBusyCoreReadsAboutOneHundredPercent()
    {
        ProcessUsage usage;
        spin(ProcessUsage::kMinWindowMs + 300);
        const ProcessUsage::Sample s = usage.sample();
        QVERIFY(s.cpuKnown);
        // One spinning thread; other threads of the test runner are idle. A loaded machine may
        // take some of the core away, never add a second one.
        QVERIFY2(s.cpuPercent > 30.0 && s.cpuPercent < 130.0,
                 qPrintable(QString::number(s.cpuPercent)));

        // Sampled again at once, the previous window's load is repeated, not re-measured over
        // a few milliseconds.
        const ProcessUsage::Sample again = usage.sample();
        QVERIFY(again.cpuKnown);
        QCOMPARE(again.cpuPercent, s.cpuPercent);
    }

    void anIdleWindowReadsLow()
    {
        ProcessUsage usage;
        QTest::qSleep(ProcessUsage::kMinWindowMs + 200);
        const ProcessUsage::Sample s = usage.sample();
        QVERIFY(s.cpuKnown);
        QVERIFY2(s.cpuPercent < 30.0, qPrintable(QString::number(s.cpuPercent)));
    }
};

MF_TEST_MAIN(TestProcessUsage)
#include "tst_processusage.moc"
