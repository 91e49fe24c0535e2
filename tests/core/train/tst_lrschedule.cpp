#include "core/train/lrschedule.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

Q_DECLARE_METATYPE(mf::ScheduleConfig)

namespace {

mf::ScheduleConfig schedule(const std::string &name)
{
    mf::ScheduleConfig c;
    c.name = name;
    return c;
}

} // namespace

// Every case: base rate 0.1, 10 steps per epoch, 5 epochs (50 steps, 0..49).
class TestLrSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rateAt_data()
    {
        QTest::addColumn<mf::ScheduleConfig>("config");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<double>("expected");

        const auto constant = schedule("constant");
        QTest::newRow("constant first") << constant << qint64(0) << 0.1;
        QTest::newRow("constant last") << constant << qint64(49) << 0.1;
        auto warmConstant = constant;
        warmConstant.warmupSteps = 2;
        QTest::newRow("constant warm-up") << warmConstant << qint64(0) << 0.05;
        QTest::newRow("constant after warm-up") << warmConstant << qint64(2) << 0.1;

        auto step = schedule("step");
        step.stepEpochs = 2;
        step.gamma = 0.5;
        QTest::newRow("step epoch 1") << step << qint64(0) << 0.1;
        QTest::newRow("step end of epoch 2") << step << qint64(19) << 0.1;
        QTest::newRow("step epoch 3") << step << qint64(20) << 0.05;
        QTest::newRow("step epoch 5") << step << qint64(45) << 0.025;

        auto cosine = schedule("cosine");
        cosine.minLearningRate = 0.01;
        // 0.01 + 0.09 * (1 + cos(pi * step / 50)) / 2
        QTest::newRow("cosine start") << cosine << qint64(0) << 0.1;
        QTest::newRow("cosine step 10") << cosine << qint64(10) << 0.09140576474687263;
        QTest::newRow("cosine half") << cosine << qint64(25) << 0.055;
        QTest::newRow("cosine after the end") << cosine << qint64(60) << 0.01;

        auto warmCosine = cosine;
        warmCosine.warmupSteps = 10;
        // Linear ramp 0.1 * (step + 1) / 10, then the cosine over the remaining 40 steps.
        QTest::newRow("cosine warm-up first") << warmCosine << qint64(0) << 0.01;
        QTest::newRow("cosine warm-up middle") << warmCosine << qint64(4) << 0.05;
        QTest::newRow("cosine after warm-up") << warmCosine << qint64(10) << 0.1;
        QTest::newRow("cosine warm-up half") << warmCosine << qint64(30) << 0.055;

        auto warmStep = schedule("step");
        warmStep.stepEpochs = 1;
        warmStep.gamma = 0.5;
        warmStep.warmupSteps = 5;
        QTest::newRow("step warm-up") << warmStep << qint64(2) << 0.06;
        QTest::newRow("step after warm-up") << warmStep << qint64(10) << 0.05;

        auto warmup = schedule("warmup");
        warmup.warmupSteps = 4;
        QTest::newRow("warmup 0") << warmup << qint64(0) << 0.025;
        QTest::newRow("warmup 1") << warmup << qint64(1) << 0.05;
        QTest::newRow("warmup 3") << warmup << qint64(3) << 0.1;
        QTest::newRow("warmup after") << warmup << qint64(40) << 0.1;

        // Peak 1.0, start 1.0/25 = 0.04, end 0.04/1e4 = 4e-6; the rise ends at step
        // 0.3 * 50 - 1 = 14, the fall at step 49; cos interpolation in both phases.
        auto onecycle = schedule("onecycle");
        onecycle.maxLearningRate = 1.0;
        onecycle.pctStart = 0.3;
        QTest::newRow("onecycle start") << onecycle << qint64(0) << 0.04;
        QTest::newRow("onecycle rise 3") << onecycle << qint64(3) << 0.1447208884153457;
        QTest::newRow("onecycle rise half") << onecycle << qint64(7) << 0.52;
        QTest::newRow("onecycle peak") << onecycle << qint64(14) << 1.0;
        QTest::newRow("onecycle fall 21") << onecycle << qint64(21) << 0.904508879153485;
        QTest::newRow("onecycle end") << onecycle << qint64(49) << 4e-6;
        auto onecycleDefaultPeak = onecycle;
        onecycleDefaultPeak.maxLearningRate = 0.0; // 10 x base = 1.0
        QTest::newRow("onecycle default peak") << onecycleDefaultPeak << qint64(7) << 0.52;
    }

    void rateAt()
    {
        QFETCH(mf::ScheduleConfig, config);
        QFETCH(qint64, step);
        QFETCH(double, expected);
        const mf::LrSchedule lr(config, 0.1, 10, 5);
        const double got = lr.rateAt(step);
        QVERIFY2(std::abs(got - expected) < 1e-12,
                 qPrintable(QStringLiteral("got %1").arg(got, 0, 'g', 17)));
    }

    void pureFunctionOfStep()
    {
        auto config = schedule("onecycle");
        const mf::LrSchedule a(config, 0.01, 7, 3);
        const mf::LrSchedule b(config, 0.01, 7, 3);
        QCOMPARE(a.totalSteps(), std::int64_t(21));
        // Asking in any order gives the same rate: nothing is carried between calls.
        const double late = a.rateAt(15);
        for (std::int64_t s = 0; s < 21; ++s)
            QCOMPARE(a.rateAt(s), b.rateAt(s));
        QCOMPARE(b.rateAt(15), late);
    }

    void badConfig_data()
    {
        QTest::addColumn<mf::ScheduleConfig>("config");
        QTest::addColumn<qint64>("stepsPerEpoch");
        QTest::addColumn<QString>("key");
        QTest::newRow("unknown") << schedule("exponential") << qint64(10) << "schedule.name";
        QTest::newRow("no steps") << schedule("constant") << qint64(0) << "schedule";
        auto step = schedule("step");
        step.stepEpochs = 0;
        QTest::newRow("step every 0 epochs") << step << qint64(10) << "schedule.step_epochs";
        auto onecycle = schedule("onecycle");
        onecycle.pctStart = 1.0;
        QTest::newRow("pct_start 1") << onecycle << qint64(10) << "schedule.pct_start";
    }

    void badConfig()
    {
        QFETCH(mf::ScheduleConfig, config);
        QFETCH(qint64, stepsPerEpoch);
        QFETCH(QString, key);
        try {
            mf::LrSchedule(config, 0.1, stepsPerEpoch, 5);
            QFAIL("expected mf::ConfigError");
        } catch (const mf::ConfigError &error) {
            QVERIFY2(std::string(error.what()).rfind(key.toStdString(), 0) == 0, error.what());
        }
    }
};

MF_TEST_GUILESS_MAIN(TestLrSchedule)
#include "tst_lrschedule.moc"
