// Filling a scenario from measured runs: each figure lands on its key with the run, the
// measurement and the date as its source, and a confusion matrix that does not fit is refused.
#include "core/roi/projection.h"
#include "core/roi/runfill.h"
#include "core/roi/scenario.h"
#include "core/roi/scenariotemplates.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using namespace mf::roi;

namespace {

MeasuredRun trainedRun()
{
    MeasuredRun run;
    run.runId = 4;
    run.name = "cnn on fashion-mnist";
    run.precision = "fp32";
    run.machine = "AMD EPYC";
    run.measuredOn = "2026-12-05";
    run.threads = 2;
    run.trainingSeconds = 1800.0; // half an hour
    run.trainingDevice = "cpu";
    run.trainingThreads = 2;
    run.latencyBatch1Ms = 0.5;
    run.throughputPerSecond = 20000.0;
    run.classNames = {"good", "bad"};
    run.confusion = {{90, 10}, {5, 95}};
    run.accuracy = 0.925;
    run.evaluatedOn = "test part of /data (200 items)";
    return run;
}

} // namespace

class TestRoiRunFill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void trainingAndServingFiguresCarryTheirSource()
    {
        Scenario scenario = creditRiskTemplate();
        MeasuredRun variant = trainedRun();
        variant.runId = 7;
        variant.technique = "int8 static";
        variant.precision = "int8";
        variant.trainingSeconds.reset();
        variant.throughputPerSecond = 80000.0;
        const FillReport report = fillFromRuns(scenario, trainedRun(), variant);

        QCOMPARE(scenario.value("training.deviceHoursPerRun"), 0.5); // 1800 s / 3600
        QCOMPARE(scenario.value("training.devices"), 1.0);
        QCOMPARE(scenario.value("serving.throughputPerInstance"), 80000.0);
        QCOMPARE(scenario.value("serving.latencyMs"), 0.5);
        const Input throughput = scenario.input("serving.throughputPerInstance");
        QVERIFY(throughput.source.find("run 7 (int8 static)") != std::string::npos);
        QVERIFY(throughput.source.find("AMD EPYC") != std::string::npos);
        QCOMPARE(throughput.asOf, std::string("2026-12-05"));
        QVERIFY(scenario.input("training.deviceHoursPerRun")
                    .source.find("run 4: measured wall "
                                 "time 1800.0 s") != std::string::npos);
        QCOMPARE(scenario.sourceRuns, (std::vector<int>{4, 7}));
        // The credit template's two classes take the run's 2 x 2 matrix.
        QCOMPARE(scenario.predictionValue.confusion, trainedRun().confusion);
        QVERIFY(scenario.predictionValue.confusionSource.find("92.50 %") != std::string::npos);
        QCOMPARE(report.filled.size(), std::size_t(5));
        QVERIFY(validate(scenario).empty());
    }

    void aFilledInputKeepsItsRelativeSpread()
    {
        Scenario scenario = creditRiskTemplate();
        Input before = scenario.input("serving.throughputPerInstance");
        before.value = 100.0;
        before.low = 80.0;
        before.high = 130.0;
        before.distribution = Distribution::Triangular;
        scenario.inputs["serving.throughputPerInstance"] = before;
        fillFromRuns(scenario, trainedRun(), trainedRun());
        const Input after = scenario.input("serving.throughputPerInstance");
        QCOMPARE(after.value, 20000.0);
        QCOMPARE(after.low, 16000.0);  // 0.8 x
        QCOMPARE(after.high, 26000.0); // 1.3 x
        QVERIFY(after.distribution == Distribution::Triangular);
    }

    void aConfusionMatrixOfOtherClassesIsNotTaken()
    {
        Scenario scenario = creditRiskTemplate();
        const auto benefit = scenario.predictionValue.benefit;
        MeasuredRun tenClasses = trainedRun();
        tenClasses.confusion.assign(10, std::vector<double>(10, 1.0));
        tenClasses.classNames.assign(10, "c");
        const FillReport report = fillFromRuns(scenario, tenClasses, tenClasses);
        QCOMPARE(scenario.predictionValue.benefit, benefit);
        QVERIFY(scenario.predictionValue.confusion.size() != 10);
        QCOMPARE(report.notes.size(), std::size_t(1));
        QVERIFY(report.notes.front().find("predicts 10 classes") != std::string::npos);
    }

    void aVariantWithoutTrainingLeavesTheTrainingFigures()
    {
        Scenario scenario = creditRiskTemplate();
        const double hours = scenario.value("training.deviceHoursPerRun");
        MeasuredRun int8 = trainedRun();
        int8.trainingSeconds.reset();
        const FillReport report = fillFromRuns(scenario, int8, int8);
        QCOMPARE(scenario.value("training.deviceHoursPerRun"), hours);
        QVERIFY(report.notes.front().find("no training time") != std::string::npos);
    }
};

MF_TEST_APPLESS_MAIN(TestRoiRunFill)
#include "tst_roirunfill.moc"
