// The Train section's runs on several local processes: rank 0 trains in the workbench, the other
// ranks are modelforge-cli workers beside it (LocalTrainingJob).
#include "app/gui/train/localtrainingjob.h"
#include "app/gui/train/parallelfields.h"
#include "app/gui/train/trainconfigform.h"
#include "app/gui/train/traincontroller.h"
#include "app/gui/train/trainpage.h"
#include "app/gui/train/trainworker.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/train/trainingsession.h"
#include "core/util/error.h"
#include "tests/support/shotpath.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"
#include "tests/support/workerprocesses.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <csignal>
#include <thread>
#include <unistd.h>

using namespace mf;
using mf::testdata::processExists;
using mf::testdata::workersOf;

namespace {

constexpr int kTrainTimeoutMs = 120000;

/// An MLP run on the generated set (240 samples, 20% held out: 96 a rank and epoch).
QByteArray config(const QString &dataset, int epochs, int batchSize)
{
    const nlohmann::json json = {
        {"dataset", dataset.toStdString()},
        {"model", {{"type", "mlp"}, {"hidden", {16}}}},
        {"epochs", epochs},
        {"batch_size", batchSize},
        {"validation_fraction", 0.2},
        {"threads", 1},
        {"seed", 7},
    };
    return QByteArray::fromStdString(json.dump());
}

std::map<std::string, std::string> storedParams(const QString &workspace, qint64 runId)
{
    const RunStore store(Workspace{workspace.toStdString()}.databasePath());
    return store.params(runId);
}

RunRecord storedRun(const QString &workspace, qint64 runId)
{
    const RunStore store(Workspace{workspace.toStdString()}.databasePath());
    return *store.run(runId);
}

void setProcesses(TrainPage &page, int processes, const QString &mode = QStringLiteral("data"),
                  const QString &schedule = QStringLiteral("gpipe"))
{
    ParallelFields *fields = page.form()->parallelFields();
    fields->processesBox()->setValue(processes);
    fields->modeBox()->setCurrentIndex(fields->modeBox()->findData(mode));
    fields->scheduleBox()->setCurrentIndex(fields->scheduleBox()->findData(schedule));
}

} // namespace

class TestTrainParallel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_dataset;
    int m_workspaces = 0;

    QString newWorkspace() { return m_dir.filePath(QStringLiteral("ws%1").arg(++m_workspaces)); }

    /// Starts a run of two processes that goes on until stopped; true once it has trained a step.
    bool startLongRun(TrainPage &page, QSignalSpy &steps)
    {
        if (!page.form()->setConfigJson(config(m_dataset, 100000, 1)))
            return false;
        setProcesses(page, 2);
        if (!page.startTraining())
            return false;
        return steps.wait(kTrainTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!LocalTrainingJob::cliExecutable().empty(), "modelforge-cli is not built");
        m_dataset = m_dir.filePath(QStringLiteral("digits"));
        const auto train = testdata::makeImageSet(240, 3, 1, 8, 8, 1);
        const auto test = testdata::makeImageSet(60, 3, 1, 8, 8, 2);
        testdata::writeMnistLayout(m_dataset.toStdString(), train, test);
    }

    void twoProcessesLandOneRun_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<int>("steps");
        QTest::addColumn<bool>("syncBatchNorm");
        // 192 samples to train in batches of 16: data parallel 96 a rank, 6 steps an epoch;
        // a pipeline's stages each see all 12 batches.
        QTest::newRow("data") << "data"
                              << "gpipe" << 12 << false;
        // A CNN with batch norm whose statistics span both processes: the worker must reduce
        // them too, or the ranks' collectives would not match.
        QTest::newRow("data, synchronised batch norm") << "data"
                                                       << "gpipe" << 12 << true;
        QTest::newRow("pipeline") << "pipeline"
                                  << "gpipe" << 24 << false;
        QTest::newRow("pipeline, 1f1b") << "pipeline"
                                        << "1f1b" << 24 << false;
    }

    void twoProcessesLandOneRun()
    {
        QFETCH(QString, mode);
        QFETCH(QString, schedule);
        QFETCH(int, steps);
        QFETCH(bool, syncBatchNorm);
        const QString workspace = newWorkspace();
        TrainPage page(workspace);
        page.resize(1280, 800);
        page.show();
        QByteArray json = config(m_dataset, 2, 16);
        if (syncBatchNorm) {
            nlohmann::json cnn = nlohmann::json::parse(json.toStdString());
            cnn["model"] = {{"type", "cnn"}, {"conv", {8}},        {"kernel", 3},
                            {"padding", 1},  {"batch_norm", true}, {"fc", {32}}};
            cnn["sync_batch_norm"] = true;
            json = QByteArray::fromStdString(cnn.dump());
        }
        QVERIFY(page.form()->setConfigJson(json));
        setProcesses(page, 2, mode, schedule);
        QVERIFY2(page.startBlockedReason().isEmpty(), qPrintable(page.startBlockedReason()));

        QSignalSpy ended(page.controller(), &TrainController::runEnded);
        QTest::mouseClick(page.startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page.controller()->state() == TrainController::State::Running ||
                                     !ended.isEmpty(),
                                 kTrainTimeoutMs);
        QVERIFY(!ended.isEmpty() || ended.wait(kTrainTimeoutMs));
        const auto report = ended.takeFirst().at(0).value<TrainOutcomeReport>();
        QVERIFY2(report.status == RunStatus::Finished, qPrintable(report.message));
        QCOMPARE(report.steps, qint64(steps));
        QVERIFY2(report.testAccuracy > 0.5, qPrintable(QString::number(report.testAccuracy)));

        const auto params = storedParams(workspace, report.runId);
        QCOMPARE(params.at(kWorldSizeParam), std::string("2"));
        QCOMPARE(params.at(kParallelModeParam), mode.toStdString());
        if (mode == QLatin1String("pipeline"))
            QCOMPARE(params.at("distributed.schedule"), schedule.toStdString());
        QCOMPARE(params.at("sync_batch_norm"), std::string(syncBatchNorm ? "true" : "false"));
        QCOMPARE(storedRun(workspace, report.runId).status, RunStatus::Finished);
        const RunStore store(Workspace{workspace.toStdString()}.databasePath());
        QCOMPARE(int(store.listRuns().size()), 1);
        QTRY_VERIFY_WITH_TIMEOUT(workersOf(::getpid()).isEmpty(), 5000);
    }

    void pauseIsOffForSeveralProcesses()
    {
        TrainPage page(newWorkspace());
        QSignalSpy steps(page.controller(), &TrainController::steps);
        QSignalSpy ended(page.controller(), &TrainController::runEnded);
        QVERIFY(startLongRun(page, steps));
        QCOMPARE(page.controller()->processes(), 2);
        QVERIFY2(page.titleText().endsWith(QStringLiteral(" · 2 processes")),
                 qPrintable(page.titleText()));
        QVERIFY(!page.controller()->canPause());
        QVERIFY(!page.pauseButton()->isEnabled());
        QVERIFY(page.pauseButton()->toolTip().contains(QStringLiteral("cannot pause")));
        page.controller()->pause(); // refused, not half done
        QCOMPARE(page.controller()->state(), TrainController::State::Running);
        // The usage line says it counts this process alone.
        QTRY_VERIFY_WITH_TIMEOUT(
            page.usageLabel()->text().contains(QStringLiteral("(this process)")), 5000);
        QVERIFY(page.usageLabel()->toolTip().contains(QStringLiteral("1 worker process")));
        page.resize(1280, 800);
        page.show();
        QTest::qWait(1500);
        QVERIFY(page.grab().save(
            mf::test::shotPath(m_dir, QStringLiteral("train-processes-running.png")), "PNG"));
        page.controller()->stop();
        QVERIFY(ended.wait(kTrainTimeoutMs));
        QCOMPARE(ended.takeFirst().at(0).value<TrainOutcomeReport>().status, RunStatus::Stopped);
    }

    void aKilledWorkerFailsTheRunWithNoProcessLeft()
    {
        const QString workspace = newWorkspace();
        TrainPage page(workspace);
        QSignalSpy steps(page.controller(), &TrainController::steps);
        QSignalSpy ended(page.controller(), &TrainController::runEnded);
        QVERIFY(startLongRun(page, steps));
        const QMap<int, pid_t> workers = workersOf(::getpid());
        QCOMPARE(workers.keys(), QList<int>{1});
        QElapsedTimer clock;
        clock.start();
        ::kill(workers.value(1), SIGKILL);
        QVERIFY(ended.wait(kTrainTimeoutMs));
        // Rank 0 sees the lost peer at its next all-reduce, well within the timeout (120 s).
        QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
        const auto report = ended.takeFirst().at(0).value<TrainOutcomeReport>();
        QCOMPARE(report.status, RunStatus::Failed);
        const QString expected =
            QStringLiteral("rank 1 of 2 (pid %1) was killed by signal 9 (Killed)")
                .arg(workers.value(1));
        QVERIFY2(report.message.startsWith(expected), qPrintable(report.message));
        QVERIFY2(report.message.contains(QStringLiteral("; rank 0: ")), qPrintable(report.message));
        const RunRecord run = storedRun(workspace, report.runId);
        QCOMPARE(run.status, RunStatus::Failed);
        QCOMPARE(QString::fromStdString(run.failureReason), report.message);
        QVERIFY(!processExists(workers.value(1)));
        QVERIFY2(page.statusText().contains(expected), qPrintable(page.statusText()));
    }

    void aWorkerThatEndsBeforeTheRendezvousFailsTheStartAtOnce()
    {
        // The worker refuses its command line and exits; rank 0 stops waiting for it then, not
        // when the minute of its timeout has passed.
        ParallelLaunch launch;
        launch.processes = 2;
        launch.timeout = std::chrono::seconds(60);
        SessionOptions options;
        QElapsedTimer clock;
        clock.start();
        try {
            LocalTrainingJob job(launch, newWorkspace().toStdString(),
                                 {"train", "--no-such-option"}, options);
            QFAIL("the job began without its worker");
        } catch (const Error &error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.startsWith(QStringLiteral("rank 1 of 2 (pid ")), error.what());
            QVERIFY2(message.contains(QStringLiteral("exited with status")), error.what());
            QVERIFY2(message.contains(QStringLiteral("before the job began")), error.what());
            QVERIFY2(message.contains(QStringLiteral("abandoned")), error.what());
        }
        QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!options.dataParallel);
        QTRY_VERIFY_WITH_TIMEOUT(workersOf(::getpid()).isEmpty(), 5000);
    }

    void aStoppedRunResumesOnItsProcesses_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("stepsPerEpoch");
        // 192 samples in batches of 4: 24 a rank for data parallel, all 48 for a pipeline.
        QTest::newRow("data") << "data" << 24;
        QTest::newRow("pipeline") << "pipeline" << 48;
    }

    void aStoppedRunResumesOnItsProcesses()
    {
        QFETCH(QString, mode);
        QFETCH(int, stepsPerEpoch);
        const QString workspace = newWorkspace();
        TrainPage page(workspace);
        QSignalSpy steps(page.controller(), &TrainController::steps);
        QSignalSpy ended(page.controller(), &TrainController::runEnded);
        QVERIFY(page.form()->setConfigJson(config(m_dataset, 3, 4)));
        setProcesses(page, 2, mode);
        QVERIFY(page.startTraining());
        QVERIFY(steps.wait(kTrainTimeoutMs));
        const QMap<int, pid_t> workers = workersOf(::getpid());
        QCOMPARE(workers.size(), 1);
        page.controller()->stop();
        QVERIFY(ended.wait(kTrainTimeoutMs));
        const auto stopped = ended.takeFirst().at(0).value<TrainOutcomeReport>();
        QVERIFY2(stopped.status == RunStatus::Stopped, qPrintable(stopped.message));
        // The worker stopped at the same step, and ended by itself.
        QTRY_VERIFY_WITH_TIMEOUT(!processExists(workers.value(1)), 10000);

        // The resumed run takes its world size and parallelism from the run, whatever the form
        // says.
        setProcesses(page, 1);
        QVERIFY(page.resumeRun(stopped.runId));
        QTRY_COMPARE_WITH_TIMEOUT(page.controller()->processes(), 2, kTrainTimeoutMs);
        QVERIFY(ended.wait(kTrainTimeoutMs));
        const auto finished = ended.takeFirst().at(0).value<TrainOutcomeReport>();
        QVERIFY2(finished.status == RunStatus::Finished, qPrintable(finished.message));
        QCOMPARE(finished.runId, stopped.runId);
        QCOMPARE(finished.steps, qint64(3 * stepsPerEpoch));
        QCOMPARE(storedParams(workspace, finished.runId).at(kParallelModeParam),
                 mode.toStdString());
        QTRY_VERIFY_WITH_TIMEOUT(workersOf(::getpid()).isEmpty(), 5000);
    }

    void theFormSaysWhatSeveralProcessesCannotDo()
    {
        TrainPage page(newWorkspace());
        page.resize(1280, 800);
        page.show();
        TrainConfigForm *form = page.form();
        QVERIFY(form->setConfigJson(config(m_dataset, 2, 16)));
        ParallelFields *fields = form->parallelFields();
        QVERIFY(!fields->modeBox()->isEnabled());
        QVERIFY(!fields->microBatchesBox()->isEnabled());
        QVERIFY(!fields->timeoutBox()->isEnabled());
        setProcesses(page, 2, QStringLiteral("pipeline"));
        QVERIFY(fields->timeoutBox()->isEnabled());
        QCOMPARE(form->parallelLaunch().timeout, std::chrono::milliseconds(120000));
        fields->timeoutBox()->setValue(30);
        QCOMPARE(form->parallelLaunch().timeout, std::chrono::milliseconds(30000));
        QVERIFY(fields->modeBox()->isEnabled());
        QVERIFY(fields->microBatchesBox()->isEnabled());
        QVERIFY(fields->scheduleBox()->isEnabled());
        QCOMPARE(form->parallelLaunch().mode, std::string("pipeline"));
        QCOMPARE(form->parallelLaunch().schedule, std::string("gpipe"));
        const QString cores = QString::number(std::thread::hardware_concurrency());
        QVERIFY2(fields->hintLabel()->text().startsWith(
                     QStringLiteral("2 processes × %1 thread(s) on %2 cores")
                         .arg(LocalWorkers::threadsPerWorker(2))
                         .arg(cores)),
                 qPrintable(fields->hintLabel()->text()));
        QVERIFY(form->problems().isEmpty());
        // The launch is not the run's configuration: the config stays as it was.
        QVERIFY(!form->configJson().contains("processes"));

        QVERIFY(form->setConfigJson(QByteArray::fromStdString([&] {
            nlohmann::json json = nlohmann::json::parse(config(m_dataset, 2, 16).toStdString());
            json["amp"] = "bf16";
            return json.dump();
        }())));
        QCOMPARE(nlohmann::json::parse(form->configJson().toStdString())["amp"], "bf16");
        QVERIFY2(form->problems().join(' ').contains(QStringLiteral("float32 only")),
                 qPrintable(form->problems().join(' ')));
        setProcesses(page, 2, QStringLiteral("data"));
        QVERIFY2(form->problems().isEmpty(), qPrintable(form->problems().join(' ')));
        form->setCudaDeviceCount(1);
        form->deviceBox()->setCurrentIndex(1);
        QVERIFY2(form->problems().join(' ').contains(QStringLiteral("choose the CPU")),
                 qPrintable(form->problems().join(' ')));
        QVERIFY(!page.startButton()->isEnabled());
        form->deviceBox()->setCurrentIndex(0);
        fields->processesBox()->setValue(1);
        QVERIFY(form->problems().isEmpty());

        QVERIFY(form->setConfigJson(config(m_dataset, 2, 16))); // float32 again
        // Synchronised batch norm is the config's, and spans data-parallel processes only.
        QVERIFY(!fields->syncBatchNormBox()->isEnabled());
        setProcesses(page, 2, QStringLiteral("data"));
        QVERIFY(fields->syncBatchNormBox()->isEnabled());
        fields->syncBatchNormBox()->setChecked(true);
        QCOMPARE(nlohmann::json::parse(form->configJson().toStdString())["sync_batch_norm"], true);
        setProcesses(page, 2, QStringLiteral("pipeline"));
        QVERIFY2(
            form->problems().join(' ').contains(QStringLiteral("turn them off for a pipeline")),
            qPrintable(form->problems().join(' ')));
        fields->syncBatchNormBox()->setChecked(false);
        setProcesses(page, 2, QStringLiteral("pipeline"), QStringLiteral("1f1b"));
        QVERIFY2(form->problems().isEmpty(), qPrintable(form->problems().join(' ')));
        auto *scroll = page.findChild<QScrollArea *>();
        QVERIFY(scroll);
        // The end of the form, once the layout has settled: the hint is its last row.
        QCoreApplication::processEvents();
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        QVERIFY(page.grab().save(mf::test::shotPath(m_dir, QStringLiteral("train-processes.png")),
                                 "PNG"));
    }
};

MF_TEST_MAIN(TestTrainParallel)
#include "tst_trainparallel.moc"
