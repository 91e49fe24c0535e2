#include "core/store/runstore.h"
#include "core/train/runrecorder.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <chrono>

using namespace mf;

namespace {

StepMetrics stepAt(std::int64_t step)
{
    StepMetrics metrics;
    metrics.step = step;
    metrics.epoch = 1;
    metrics.batchInEpoch = step;
    metrics.batchesPerEpoch = 1000;
    metrics.loss = 1.0 / static_cast<double>(step);
    metrics.learningRate = 0.001;
    metrics.samplesPerSecond = 500.0 + static_cast<double>(step);
    metrics.wallSeconds = 0.01 * static_cast<double>(step);
    return metrics;
}

} // namespace

class TestRunRecorder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RunStore> m_store;  // the training thread's connection
    std::unique_ptr<RunStore> m_reader; // another connection, as the GUI would have

    std::int64_t newRun()
    {
        RunRecord run;
        run.name = "recorder test";
        run.configJson = "{}";
        return m_store->createRun(run);
    }

    std::size_t stored(std::int64_t runId, const std::string &key)
    {
        return m_reader->metrics(runId, key).size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const std::string db = m_dir.path().toStdString() + "/modelforge.db";
        m_store = std::make_unique<RunStore>(db);
        m_reader = std::make_unique<RunStore>(db);
    }

    void buffersUntilAnEpochEnds()
    {
        const std::int64_t runId = newRun();
        RunRecorder recorder(*m_store, runId, std::chrono::hours(1));
        for (std::int64_t s = 1; s <= 10; ++s)
            recorder.onStep(stepAt(s));
        QCOMPARE(stored(runId, "train_loss"), std::size_t(0));

        EpochMetrics epoch;
        epoch.epoch = 1;
        epoch.step = 10;
        epoch.trainLoss = 0.5;
        epoch.trainAccuracy = 0.8;
        epoch.valLoss = 0.6;
        epoch.valAccuracy = 0.75;
        epoch.epochSeconds = 2.5;
        epoch.wallSeconds = 3.0;
        recorder.onEpoch(epoch);

        const std::vector<MetricPoint> losses = m_reader->metrics(runId, "train_loss");
        QCOMPARE(losses.size(), std::size_t(10));
        QCOMPARE(losses[3].step, std::int64_t(4));
        QCOMPARE(losses[3].value, 0.25);
        QCOMPARE(losses[3].wallSeconds, 0.04);
        QCOMPARE(stored(runId, "lr"), std::size_t(10));
        const std::map<std::string, double> latest = m_reader->latestMetrics(runId);
        QCOMPARE(latest.at("epoch_train_loss"), 0.5);
        QCOMPARE(latest.at("train_accuracy"), 0.8);
        QCOMPARE(latest.at("val_loss"), 0.6);
        QCOMPARE(latest.at("val_accuracy"), 0.75);
        QCOMPARE(latest.at("epoch_seconds"), 2.5);
        QCOMPARE(m_reader->metrics(runId, "val_accuracy").front().epoch, 1);
    }

    void flushesAfterTheInterval()
    {
        const std::int64_t runId = newRun();
        RunRecorder recorder(*m_store, runId, std::chrono::milliseconds(200));
        recorder.onStep(stepAt(1));
        recorder.onStep(stepAt(2));
        QCOMPARE(stored(runId, "train_loss"), std::size_t(0));
        QTest::qWait(250);
        recorder.onStep(stepAt(3)); // due: all three go out in one transaction
        QCOMPARE(stored(runId, "train_loss"), std::size_t(3));
        recorder.onStep(stepAt(4));
        QCOMPARE(stored(runId, "train_loss"), std::size_t(3));
    }

    void destructionFlushes()
    {
        const std::int64_t runId = newRun();
        {
            RunRecorder recorder(*m_store, runId, std::chrono::hours(1));
            recorder.onStep(stepAt(1));
            recorder.log("test_accuracy", 0.9, 1, 1, 0.5);
        }
        QCOMPARE(stored(runId, "train_loss"), std::size_t(1));
        QCOMPARE(m_reader->latestMetrics(runId).at("test_accuracy"), 0.9);
    }

    void throughputEveryFiftySteps()
    {
        const std::int64_t runId = newRun();
        RunRecorder recorder(*m_store, runId, std::chrono::hours(1));
        for (std::int64_t s = 1; s <= 120; ++s)
            recorder.onStep(stepAt(s));
        recorder.flush();
        const std::vector<MetricPoint> throughput = m_reader->metrics(runId, "samples_per_second");
        QCOMPARE(throughput.size(), std::size_t(2));
        QCOMPARE(throughput[0].step, std::int64_t(50));
        QCOMPARE(throughput[0].value, 550.0);
        QCOMPARE(throughput[1].step, std::int64_t(100));
    }

    void wallOffsetContinuesTheTimeAxis()
    {
        const std::int64_t runId = newRun();
        RunRecorder recorder(*m_store, runId, std::chrono::hours(1));
        recorder.setWallOffset(100.0);
        recorder.onStep(stepAt(2));
        recorder.flush();
        QCOMPARE(m_reader->metrics(runId, "train_loss").front().wallSeconds, 100.02);
        QCOMPARE(recorder.lastWallSeconds(), 100.02);
    }

    void checkpointsBecomeArtifacts_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("sha256");
        QTest::newRow("abc") << QByteArray("abc")
                             << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("empty")
            << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("3 MB") << QByteArray(3 * 1024 * 1024, 'a') << QString();
    }

    void checkpointsBecomeArtifacts()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, sha256);
        if (sha256.isEmpty())
            sha256 = QString::fromLatin1(
                QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        const std::int64_t runId = newRun();
        const std::string file = m_dir.path().toStdString() + "/epoch-0003.pt";
        testdata::writeBytes(file, content.toStdString());
        RunRecorder recorder(*m_store, runId);
        recorder.onCheckpoint(file, 3);
        const std::vector<Artifact> artifacts = m_reader->artifacts(runId);
        QCOMPARE(artifacts.size(), std::size_t(1));
        QCOMPARE(artifacts[0].kind, std::string("checkpoint"));
        QCOMPARE(artifacts[0].path, file);
        QCOMPARE(artifacts[0].epoch, 3);
        QCOMPARE(artifacts[0].sizeBytes, std::int64_t(content.size()));
        QCOMPARE(QString::fromStdString(artifacts[0].sha256), sha256);
        QVERIFY(artifacts[0].createdAtMs > 0);
    }
};

MF_TEST_GUILESS_MAIN(TestRunRecorder)
#include "tst_runrecorder.moc"
