#include "app/gui/languagesetup.h"
#include "app/gui/mainwindow.h"
#include "app/gui/runs/runspage.h"
#include "app/gui/train/cudadeviceprobe.h"
#include "app/gui/train/trainconfigform.h"
#include "app/gui/train/traincontroller.h"
#include "app/gui/train/trainpage.h"
#include "app/gui/train/trainworker.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "tests/support/shotpath.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"
#include "widgets/metricchart.h"
#include "widgets/metricdashboard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QThread>
#include <QTimer>
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <cmath>

using namespace mf;

namespace {

constexpr int kTrainTimeoutMs = 60000;
constexpr int kStopTestEpochs = 20;
/// Batches per epoch of tinyConfig(…, 1) on the generated set: 240 samples, 20% held out.
constexpr qint64 kBatchesOfOne = 192;

/// A small MLP run on the generated dataset: `epochs` epochs of 6 batches.
QByteArray tinyConfig(const QString &dataset, int epochs, int batchSize = 32)
{
    nlohmann::json config = {
        {"dataset", dataset.toStdString()},
        {"model", {{"type", "mlp"}, {"hidden", {16}}}},
        {"epochs", epochs},
        {"batch_size", batchSize},
        {"validation_fraction", 0.2},
        {"threads", 1},
        {"seed", 7},
    };
    return QByteArray::fromStdString(config.dump());
}

std::vector<MetricPoint> storedMetrics(const QString &workspace, qint64 runId,
                                       const std::string &key)
{
    RunStore store(Workspace{workspace.toStdString()}.databasePath());
    return store.metrics(runId, key);
}

RunStatus storedStatus(const QString &workspace, qint64 runId)
{
    RunStore store(Workspace{workspace.toStdString()}.databasePath());
    return store.run(runId)->status;
}

std::vector<Artifact> storedCheckpoints(const QString &workspace, qint64 runId)
{
    RunStore store(Workspace{workspace.toStdString()}.databasePath());
    std::vector<Artifact> found;
    for (const Artifact &artifact : store.artifacts(runId))
        if (artifact.kind == "checkpoint")
            found.push_back(artifact);
    return found;
}

/// Whether the run has a recorded checkpoint file of `step`: the one its stop wrote, or, for a
/// stop right at an epoch's end, that epoch's (`batches` steps per epoch).
bool hasCheckpointOfStep(const QString &workspace, qint64 runId, qint64 step, qint64 batches)
{
    const QString stopName = QStringLiteral("-step-%1.pt").arg(step, 8, 10, QLatin1Char('0'));
    const QString epochName =
        QStringLiteral("/epoch-%1.pt").arg(step / batches, 4, 10, QLatin1Char('0'));
    for (const Artifact &artifact : storedCheckpoints(workspace, runId)) {
        const QString path = QString::fromStdString(artifact.path);
        if (QFileInfo::exists(path) &&
            (path.endsWith(stopName) || (step % batches == 0 && path.endsWith(epochName))))
            return true;
    }
    return false;
}

/// `documents` short reviews of two classes; the word "great" or "awful" decides, the other words
/// are shared filler.
void writeReviewsCsv(const QString &path, int documents)
{
    const char *filler[] = {"the", "film", "plot", "was", "quite", "actors", "story", "ending"};
    std::string csv = "text,label\n";
    for (int i = 0; i < documents; ++i) {
        const bool positive = i % 2 == 0;
        std::string text;
        for (int w = 0; w < 5; ++w)
            text += std::string(filler[(i * 3 + w * 5) % 8]) + " ";
        text += positive ? "great" : "awful";
        csv += text + "," + (positive ? "pos" : "neg") + "\n";
    }
    testdata::writeBytes(path.toStdString(), csv);
}

bool offered(const QComboBox *box, const QString &key)
{
    const auto *model = qobject_cast<const QStandardItemModel *>(box->model());
    return model->item(box->findData(key))->isEnabled();
}

void setNumber(TrainConfigForm *form, const char *key, int value)
{
    qobject_cast<QSpinBox *>(form->field(QString::fromLatin1(key)))->setValue(value);
}

} // namespace

class TestTrainPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_dataset;
    int m_workspaces = 0;

    QString newWorkspace() { return m_dir.filePath(QStringLiteral("ws%1").arg(++m_workspaces)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dataset = m_dir.filePath(QStringLiteral("digits"));
        const auto train = testdata::makeImageSet(240, 3, 1, 8, 8, 1);
        const auto test = testdata::makeImageSet(60, 3, 1, 8, 8, 2);
        testdata::writeMnistLayout(m_dataset.toStdString(), train, test);
    }

    void startedRunReachesFinishedWithChartPoints()
    {
        const QString workspace = newWorkspace();
        TrainPage page(workspace);
        page.resize(1200, 800);
        page.show();
        QVERIFY(page.form()->setConfigJson(tinyConfig(m_dataset, 2)));
        QVERIFY2(page.startBlockedReason().isEmpty(), qPrintable(page.startBlockedReason()));
        QVERIFY(page.startButton()->isEnabled());

        QSignalSpy ended(page.controller(), &TrainController::runEnded);
        QSignalSpy prepared(page.controller(), &TrainController::runPrepared);
        QTest::mouseClick(page.startButton(), Qt::LeftButton);
        QVERIFY(!page.startButton()->isEnabled());
        QVERIFY(ended.wait(kTrainTimeoutMs));
        QCOMPARE(prepared.count(), 1);
        const auto report = ended.takeFirst().at(0).value<TrainOutcomeReport>();
        QCOMPARE(report.status, RunStatus::Finished);
        QVERIFY(report.testAccuracy >= 0.0);
        QCOMPARE(page.controller()->state(), TrainController::State::Idle);
        QCOMPARE(page.progressBar()->value(), page.progressBar()->maximum());

        // Every logged step reached the chart, in order, with the stored values.
        const auto stored = storedMetrics(workspace, report.runId, "train_loss");
        const QVector<MetricSample> shown = page.dashboard()->samples(QStringLiteral("train loss"));
        QCOMPARE(qsizetype(stored.size()), shown.size());
        QCOMPARE(shown.size(), 2 * 6);
        for (int i = 0; i < shown.size(); ++i) {
            QCOMPARE(shown[i].step, double(stored[i].step));
            QCOMPARE(shown[i].value, stored[i].value);
        }
        const auto valAccuracy = storedMetrics(workspace, report.runId, "val_accuracy");
        QCOMPARE(page.dashboard()->samples(QStringLiteral("validation accuracy")).size(),
                 qsizetype(valAccuracy.size()));
        MetricChart *loss = page.dashboard()->chart(MetricDashboard::LossPanel);
        QCOMPARE(loss->rawPoints(QStringLiteral("train loss")).size(), shown.size());
        QCOMPARE(storedStatus(workspace, report.runId), RunStatus::Finished);
        QVERIFY(page.startButton()->isEnabled());
    }

    void pauseResumeAndStopChangeStatus()
    {
        const QString workspace = newWorkspace();
        TrainPage page(workspace);
        // Batches of 1 keep the run long enough to act on it mid-epoch.
        QVERIFY(page.form()->setConfigJson(tinyConfig(m_dataset, 200, 1)));
        TrainController *controller = page.controller();
        QSignalSpy steps(controller, &TrainController::steps);
        QSignalSpy ended(controller, &TrainController::runEnded);
        QVERIFY(page.startTraining());
        QVERIFY(steps.wait(kTrainTimeoutMs));
        QCOMPARE(controller->state(), TrainController::State::Running);

        QTest::mouseClick(page.pauseButton(), Qt::LeftButton);
        QCOMPARE(controller->state(), TrainController::State::Paused);
        QCOMPARE(page.pauseButton()->text(), QStringLiteral("Resume"));
        // Whatever was in flight arrives within a batch; after that nothing moves.
        QTest::qWait(300);
        const qsizetype settled = steps.count();
        QTest::qWait(400);
        QCOMPARE(steps.count(), settled);
        QCOMPARE(storedStatus(workspace, controller->runId()), RunStatus::Running);

        QTest::mouseClick(page.pauseButton(), Qt::LeftButton);
        QCOMPARE(controller->state(), TrainController::State::Running);
        QVERIFY(steps.wait(kTrainTimeoutMs));
        QVERIFY(steps.count() > settled);
        QVERIFY2(page.progressText().contains(QStringLiteral("ETA")),
                 qPrintable(page.progressText()));

        QTest::mouseClick(page.stopButton(), Qt::LeftButton);
        QCOMPARE(controller->state(), TrainController::State::Stopping);
        // No time left to estimate once Stop is pressed, nor after the run ended.
        QVERIFY2(!page.progressText().contains(QStringLiteral("ETA")),
                 qPrintable(page.progressText()));
        QVERIFY(ended.wait(kTrainTimeoutMs));
        const auto report = ended.takeFirst().at(0).value<TrainOutcomeReport>();
        QCOMPARE(report.status, RunStatus::Stopped);
        QCOMPARE(storedStatus(workspace, report.runId), RunStatus::Stopped);
        QCOMPARE(controller->state(), TrainController::State::Idle);
        QVERIFY2(!page.progressText().contains(QStringLiteral("ETA")),
                 qPrintable(page.progressText()));
        QVERIFY2(page.progressText().contains(
                     QStringLiteral("step %1").arg(QLocale().toString(report.steps))),
                 qPrintable(page.progressText()));

        // The message promises a checkpoint of the step the run stopped on, and it is there.
        QVERIFY(report.steps > 0);
        QVERIFY(report.hasCheckpoint);
        QCOMPARE(report.checkpointStep, report.steps);
        QVERIFY2(page.statusText().contains(QStringLiteral("A checkpoint of that step is kept")),
                 qPrintable(page.statusText()));
        QVERIFY(hasCheckpointOfStep(workspace, report.runId, report.steps, kBatchesOfOne));
    }

    void stopBeforeTheFirstBatchPromisesNoCheckpoint()
    {
        // A Stop while the run loads its data ends it before any step: nothing to keep, and
        // the message says so instead of promising a checkpoint.
        const QString workspace = newWorkspace();
        TrainPage page(workspace);
        QVERIFY(page.form()->setConfigJson(tinyConfig(m_dataset, 5)));
        QSignalSpy ended(page.controller(), &TrainController::runEnded);
        QVERIFY(page.startTraining());
        QCOMPARE(page.controller()->state(), TrainController::State::Preparing);
        page.controller()->stop();
        QVERIFY(ended.wait(kTrainTimeoutMs));
        const auto report = ended.takeFirst().at(0).value<TrainOutcomeReport>();
        QCOMPARE(report.status, RunStatus::Stopped);
        QCOMPARE(report.steps, qint64(0));
        QVERIFY(!report.hasCheckpoint);
        QVERIFY(storedCheckpoints(workspace, report.runId).empty());
        QVERIFY2(page.statusText().contains(QStringLiteral("no checkpoint")),
                 qPrintable(page.statusText()));
        QVERIFY2(!page.statusText().contains(QStringLiteral("is kept")),
                 qPrintable(page.statusText()));
        QVERIFY(!page.progressText().contains(QStringLiteral("ETA")));
    }

    void resumeContinuesAStoppedRun()
    {
        const QString workspace = newWorkspace();
        TrainPage page(workspace);
        // Enough epochs that the stop after the first one lands long before the run could end,
        // however slowly this thread gets to it.
        QVERIFY(page.form()->setConfigJson(tinyConfig(m_dataset, kStopTestEpochs)));
        TrainController *controller = page.controller();
        QSignalSpy epochs(controller, &TrainController::epochEnded);
        QSignalSpy ended(controller, &TrainController::runEnded);
        QVERIFY(page.startTraining());
        QVERIFY(epochs.wait(kTrainTimeoutMs));
        controller->stop();
        QVERIFY(ended.wait(kTrainTimeoutMs));
        const qint64 runId = ended.takeFirst().at(0).value<TrainOutcomeReport>().runId;
        QCOMPARE(storedStatus(workspace, runId), RunStatus::Stopped);

        QSignalSpy history(controller, &TrainController::history);
        QVERIFY(page.resumeRun(runId));
        QVERIFY(ended.wait(kTrainTimeoutMs));
        QCOMPARE(history.count(), 1);
        QCOMPARE(ended.takeFirst().at(0).value<TrainOutcomeReport>().status, RunStatus::Finished);
        QCOMPARE(storedStatus(workspace, runId), RunStatus::Finished);
        // One point per step over the whole run, earlier epochs included, none twice.
        const auto stored = storedMetrics(workspace, runId, "train_loss");
        QCOMPARE(qsizetype(stored.size()), qsizetype(kStopTestEpochs * 6));
        QCOMPARE(page.dashboard()->samples(QStringLiteral("train loss")).size(),
                 qsizetype(stored.size()));
    }

    void resumeFromTheRunsSectionTrainsInTheTrainSection()
    {
        const QString workspace = newWorkspace();
        MainWindow window(workspace);
        TrainPage *page = window.trainPage();
        QVERIFY(page->form()->setConfigJson(tinyConfig(m_dataset, kStopTestEpochs)));
        QSignalSpy epochs(page->controller(), &TrainController::epochEnded);
        QSignalSpy ended(page->controller(), &TrainController::runEnded);
        QVERIFY(page->startTraining());
        QVERIFY(epochs.wait(kTrainTimeoutMs));
        page->controller()->stop();
        QVERIFY(ended.wait(kTrainTimeoutMs));
        const qint64 runId = ended.takeFirst().at(0).value<TrainOutcomeReport>().runId;
        QCOMPARE(storedStatus(workspace, runId), RunStatus::Stopped);

        window.showSection(MainWindow::RunsSection);
        Q_EMIT window.runsPage()->resumeRequested(runId);
        QCOMPARE(window.currentSection(), int(MainWindow::TrainSection));
        QVERIFY(page->controller()->isBusy());
        QVERIFY(ended.wait(kTrainTimeoutMs));
        QCOMPARE(ended.takeFirst().at(0).value<TrainOutcomeReport>().status, RunStatus::Finished);
        QCOMPARE(storedStatus(workspace, runId), RunStatus::Finished);
    }

    void invalidFieldsBlockStartWithTheReason()
    {
        TrainPage page(newWorkspace());
        TrainConfigForm *form = page.form();
        QVERIFY(form->setConfigJson(tinyConfig(m_dataset, 1)));
        QVERIFY(page.startButton()->isEnabled());

        auto *dataset = qobject_cast<QLineEdit *>(form->field(QStringLiteral("dataset")));
        QVERIFY(dataset);
        dataset->setText(m_dir.filePath(QStringLiteral("missing")));
        QVERIFY(!page.startButton()->isEnabled());
        QVERIFY(form->invalidKeys().contains(QStringLiteral("dataset")));
        QVERIFY2(page.startBlockedReason().contains(QStringLiteral("missing")),
                 qPrintable(page.startBlockedReason()));
        QVERIFY(!page.startTraining());

        dataset->setText(m_dataset);
        auto *layers = qobject_cast<QLineEdit *>(form->field(QStringLiteral("model.layers")));
        layers->setText(QStringLiteral("16, wide"));
        QVERIFY(!page.startButton()->isEnabled());
        QCOMPARE(form->invalidKeys(), QStringList{QStringLiteral("model.layers")});
        layers->setText(QStringLiteral("16, 0"));
        QVERIFY(form->invalidKeys().contains(QStringLiteral("model.layers")));
        layers->setText(QStringLiteral("16, 8"));
        QVERIFY(form->problems().isEmpty());
        QVERIFY(page.startButton()->isEnabled());
        QVERIFY(form->presetBox()->currentData().toString().isEmpty()); // now "Custom"
    }

    void failedStartSaysSoInTheTitle()
    {
        TrainPage page(newWorkspace());
        nlohmann::json config = nlohmann::json::parse(tinyConfig(m_dataset, 1).toStdString());
        config["dataset"] = "/etc/passwd";
        QVERIFY(page.form()->setConfigJson(QByteArray::fromStdString(config.dump())));
        QVERIFY(page.startTraining());
        QCOMPARE(page.titleText(), QStringLiteral("Starting…"));
        QTRY_VERIFY_WITH_TIMEOUT(page.statusText().startsWith(QStringLiteral("Could not start")),
                                 kTrainTimeoutMs);
        QCOMPARE(page.titleText(), QStringLiteral("Could not start"));
        QVERIFY2(page.statusText().contains(QStringLiteral("/etc/passwd")),
                 qPrintable(page.statusText()));
    }

    void stopClickedAfterARunEndedDoesNotStopTheNextRun()
    {
        // The worker runs its slots on the calling thread here, so the order is exact: a run
        // ends, a Stop that was on its way arrives, then the next run starts.
        TrainWorker worker(newWorkspace());
        QSignalSpy ended(&worker, &TrainWorker::runEnded);
        worker.expectRun();
        worker.startRun(tinyConfig(m_dataset, 1), QString());
        QCOMPARE(ended.size(), 1);
        worker.requestStop();
        worker.setPaused(true);
        worker.expectRun();
        worker.startRun(tinyConfig(m_dataset, 2), QString());
        QCOMPARE(ended.size(), 2);
        const auto second = ended.at(1).at(0).value<mf::TrainOutcomeReport>();
        QCOMPARE(int(second.status), int(mf::RunStatus::Finished));

        // A Stop while the next run is expected (loading its data) still applies to it.
        worker.expectRun();
        worker.requestStop();
        worker.startRun(tinyConfig(m_dataset, 2), QString());
        QCOMPARE(ended.size(), 3);
        QCOMPARE(int(ended.at(2).at(0).value<mf::TrainOutcomeReport>().status),
                 int(mf::RunStatus::Stopped));
    }

    void momentumFollowsTheOptimizersDefaultUntilEdited()
    {
        TrainPage page(newWorkspace());
        TrainConfigForm *form = page.form();
        QVERIFY(form->setConfigJson(tinyConfig(m_dataset, 1)));
        auto *optimizer = qobject_cast<QComboBox *>(form->field(QStringLiteral("optimizer.name")));
        auto *momentum =
            qobject_cast<QDoubleSpinBox *>(form->field(QStringLiteral("optimizer.momentum")));
        QVERIFY(optimizer && momentum);
        const auto momentumOf = [form] {
            return nlohmann::json::parse(form->configJson().toStdString())["optimizer"]["momentum"]
                .get<double>();
        };
        optimizer->setCurrentIndex(optimizer->findData(QStringLiteral("momentum")));
        QCOMPARE(momentumOf(), 0.9);
        optimizer->setCurrentIndex(optimizer->findData(QStringLiteral("rmsprop")));
        QCOMPARE(momentumOf(), 0.0); // PyTorch's RMSprop default, not SGD's 0.9
        momentum->setValue(0.3);
        optimizer->setCurrentIndex(optimizer->findData(QStringLiteral("nesterov")));
        QCOMPARE(momentumOf(), 0.3); // the user's value stays
    }

    void cudaDevicesAreCountedOffTheGuiThread()
    {
        // On a CUDA build the first device query initialises the driver, which can take
        // seconds: the window must keep painting meanwhile.
        QThread *countedOn = nullptr;
        mf::CudaDeviceProbe probe([&countedOn] {
            countedOn = QThread::currentThread();
            QThread::msleep(400);
            return 2;
        });
        TrainConfigForm form;
        QVERIFY(form.applyPreset(QStringLiteral("fashion-mnist-cnn")));
        // A configuration read before the count may name a GPU already.
        auto config = nlohmann::json::parse(form.configJson().toStdString());
        config["device"] = "cuda:1";
        QVERIFY(form.setConfigJson(QByteArray::fromStdString(config.dump())));
        const QString preset = form.presetBox()->currentText();
        connect(&probe, &mf::CudaDeviceProbe::counted, &form, &TrainConfigForm::setCudaDeviceCount);

        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(20);
        QSignalSpy counted(&probe, &mf::CudaDeviceProbe::counted);
        probe.start();
        QVERIFY(counted.wait(5000));
        QVERIFY(countedOn != nullptr && countedOn != QThread::currentThread());
        QVERIFY2(ticks >= 5, qPrintable(QString::number(ticks))); // the loop ran during the count

        QComboBox *device = form.deviceBox();
        QStringList keys, labels;
        for (int i = 0; i < device->count(); ++i) {
            keys << device->itemData(i).toString();
            labels << device->itemText(i);
        }
        QCOMPARE(keys, (QStringList{"cpu", "cuda:0", "cuda:1"}));
        QCOMPARE(labels.at(2), QStringLiteral("CUDA GPU 1"));
        QCOMPARE(device->currentData().toString(), QStringLiteral("cuda:1"));
        QCOMPARE(form.presetBox()->currentText(), preset); // new choices are no edit
        QVERIFY(device->toolTip().contains(QLatin1Char('2')));
    }

    void presetsAndConfigFilesRoundTrip()
    {
        TrainPage page(newWorkspace());
        TrainConfigForm *form = page.form();
        QVERIFY(form->applyPreset(QStringLiteral("fashion-mnist-cnn")));
        const auto preset = nlohmann::json::parse(form->configJson().toStdString());
        QCOMPARE(preset["model"]["type"].get<std::string>(), std::string("cnn"));
        QCOMPARE(preset["model"]["conv"], nlohmann::json({32, 64}));
        QCOMPARE(preset["dataset"].get<std::string>(),
                 std::string("/usr/share/datasets/fashion-mnist"));

        QVERIFY(form->setConfigJson(tinyConfig(m_dataset, 4)));
        qobject_cast<QSpinBox *>(form->field(QStringLiteral("batch_size")))->setValue(48);
        const QString path = m_dir.filePath(QStringLiteral("saved.json"));
        QString error;
        QVERIFY2(page.saveConfig(path, &error), qPrintable(error));
        const QByteArray saved = form->configJson();
        QVERIFY(form->applyPreset(QStringLiteral("fashion-mnist-mlp")));
        QVERIFY2(page.loadConfig(path, &error), qPrintable(error));
        QCOMPARE(nlohmann::json::parse(form->configJson().toStdString()),
                 nlohmann::json::parse(saved.toStdString()));
        QCOMPARE(nlohmann::json::parse(saved.toStdString())["batch_size"].get<int>(), 48);

        const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
        testdata::writeBytes(bad.toStdString(), "{\"epochs\": \"many\"}");
        QVERIFY(!page.loadConfig(bad, &error));
        QVERIFY2(error.contains(bad) && error.contains(QStringLiteral("epochs")),
                 qPrintable(error));
        QCOMPARE(nlohmann::json::parse(form->configJson().toStdString()),
                 nlohmann::json::parse(saved.toStdString()));
    }

    void aTextPresetTrainsToFinished()
    {
        const QString workspace = newWorkspace();
        const QString reviews = m_dir.filePath(QStringLiteral("reviews.csv"));
        writeReviewsCsv(reviews, 60);
        TrainPage page(workspace);
        page.resize(1280, 800);
        page.show();
        TrainConfigForm *form = page.form();
        form->setDatasetPath(reviews);
        QTRY_COMPARE_WITH_TIMEOUT(form->datasetKind(), DataKind::Text, 5000);
        QVERIFY(form->applyPreset(QStringLiteral("text-simplernn")));
        qobject_cast<QSpinBox *>(form->field(QStringLiteral("epochs")))->setValue(2);
        qobject_cast<QSpinBox *>(form->field(QStringLiteral("batch_size")))->setValue(16);
        qobject_cast<QSpinBox *>(form->field(QStringLiteral("threads")))->setValue(1);
        QVERIFY2(page.startBlockedReason().isEmpty(), qPrintable(page.startBlockedReason()));
        QCoreApplication::processEvents(); // lays out the rows the text model shows
        QVERIFY(page.grab().save(mf::test::shotPath(m_dir, QStringLiteral("train-text-form.png")),
                                 "PNG"));

        QSignalSpy ended(page.controller(), &TrainController::runEnded);
        QTest::mouseClick(page.startButton(), Qt::LeftButton);
        QVERIFY(ended.wait(kTrainTimeoutMs));
        const auto report = ended.takeFirst().at(0).value<TrainOutcomeReport>();
        QVERIFY2(report.status == RunStatus::Finished, qPrintable(page.statusText()));
        QCOMPARE(storedStatus(workspace, report.runId), RunStatus::Finished);
        QCOMPARE(storedMetrics(workspace, report.runId, "val_accuracy").size(), std::size_t(2));
        RunStore store(Workspace{workspace.toStdString()}.databasePath());
        const auto config = nlohmann::json::parse(store.run(report.runId)->configJson);
        QCOMPARE(config["model"]["type"].get<std::string>(), std::string("rnn"));
        QCOMPARE(config["model"]["embedding_dim"].get<int>(), 32);
        QCOMPARE(page.lossChartTitle(), QStringLiteral("Loss"));
        QTest::qWait(600); // the charts repaint at their own pace
        QVERIFY(page.grab().save(
            mf::test::shotPath(m_dir, QStringLiteral("train-text-finished.png")), "PNG"));

        // The finished run is offered to start from.
        auto *source = qobject_cast<QComboBox *>(form->field(QStringLiteral("init_from_run")));
        QTRY_VERIFY_WITH_TIMEOUT(source->findData(report.runId) > 0, 5000);
    }

    void preTrainingRunsLabelTheirCharts()
    {
        TrainPage page(newWorkspace());
        TrainController *controller = page.controller();
        const auto prepare = [controller](const char *objective) {
            const nlohmann::json config = {{"dataset", "/data/reviews.csv"},
                                           {"model", {{"type", "transformer"}}},
                                           {"objective", objective}};
            Q_EMIT controller->runPrepared(4, QByteArray::fromStdString(config.dump()), 3);
        };
        EpochMetrics epoch;
        epoch.epoch = 1;
        epoch.step = 10;
        epoch.valLoss = std::log(20.0);
        epoch.valAccuracy = 0.25;

        prepare("masked_tokens");
        QCOMPARE(page.lossChartTitle(), QStringLiteral("Masked-token loss"));
        QCOMPARE(page.accuracyChartTitle(), QStringLiteral("Masked-token accuracy"));
        Q_EMIT controller->epochEnded(epoch);
        QVERIFY2(page.statusText().contains(QStringLiteral("masked-token accuracy")),
                 qPrintable(page.statusText()));

        prepare("next_token");
        QCOMPARE(page.lossChartTitle(), QStringLiteral("Next-token loss"));
        Q_EMIT controller->epochEnded(epoch);
        // Perplexity: exp of the validation loss.
        const QString perplexity = QLocale().toString(20.0, 'f', 2);
        QCOMPARE(page.lossChartTitle(),
                 QStringLiteral("Next-token loss · perplexity ") + perplexity);
        QVERIFY2(page.statusText().contains(QStringLiteral("perplexity ") + perplexity),
                 qPrintable(page.statusText()));

        prepare("classify");
        QCOMPARE(page.lossChartTitle(), QStringLiteral("Loss"));
        QCOMPARE(page.accuracyChartTitle(), QStringLiteral("Accuracy"));
    }

    void aPretrainedEncoderIsFineTunedFromTheTrainPage()
    {
        const QString workspace = newWorkspace();
        const QString corpus = m_dir.filePath(QStringLiteral("corpus.csv"));
        writeReviewsCsv(corpus, 60);
        TrainPage page(workspace);
        page.show();
        TrainConfigForm *form = page.form();
        form->setDatasetPath(corpus);
        QTRY_COMPARE_WITH_TIMEOUT(form->datasetKind(), DataKind::Text, 5000);
        const QString fineTune = QStringLiteral("text-transformer-finetune");
        QVERIFY(!offered(form->presetBox(), fineTune));

        QVERIFY(form->applyPreset(QStringLiteral("text-transformer-pretrain")));
        setNumber(form, "epochs", 1);
        setNumber(form, "batch_size", 16);
        setNumber(form, "threads", 1);
        setNumber(form, "text.sequence_length", 16);
        QSignalSpy ended(page.controller(), &TrainController::runEnded);
        QVERIFY(page.startTraining());
        QVERIFY(ended.wait(kTrainTimeoutMs));
        const auto pretrained = ended.takeFirst().at(0).value<TrainOutcomeReport>();
        QVERIFY2(pretrained.status == RunStatus::Finished, qPrintable(page.statusText()));
        QCOMPARE(page.lossChartTitle(), QStringLiteral("Masked-token loss"));
        QCOMPARE(page.accuracyChartTitle(), QStringLiteral("Masked-token accuracy"));

        // Once the store lists the pre-trained encoder, the fine-tuning preset starts from it.
        QTRY_VERIFY_WITH_TIMEOUT(offered(form->presetBox(), fineTune), 5000);
        QVERIFY(form->applyPreset(fineTune));
        const auto config = nlohmann::json::parse(form->configJson().toStdString());
        QCOMPARE(config["init_from_run"].get<qint64>(), pretrained.runId);
        QCOMPARE(config["text"]["sequence_length"].get<int>(), 16);
        QCOMPARE(config["objective"].get<std::string>(), std::string("classify"));
        setNumber(form, "epochs", 2);
        setNumber(form, "batch_size", 16);
        setNumber(form, "threads", 1);
        QVERIFY2(page.startBlockedReason().isEmpty(), qPrintable(page.startBlockedReason()));
        auto *scroll = page.findChild<QScrollArea *>(QStringLiteral("trainFormScroll"));
        scroll->ensureWidgetVisible(form->field(QStringLiteral("freeze_epochs")));
        QCoreApplication::processEvents();
        QVERIFY(page.grab().save(
            mf::test::shotPath(m_dir, QStringLiteral("train-text-finetune.png")), "PNG"));
        QVERIFY(page.startTraining());
        QVERIFY(ended.wait(kTrainTimeoutMs));
        const auto tuned = ended.takeFirst().at(0).value<TrainOutcomeReport>();
        QVERIFY2(tuned.status == RunStatus::Finished, qPrintable(page.statusText()));
        QCOMPARE(page.lossChartTitle(), QStringLiteral("Loss"));
        RunStore store(Workspace{workspace.toStdString()}.databasePath());
        const auto stored = nlohmann::json::parse(store.run(tuned.runId)->configJson);
        QCOMPARE(stored["init_from_run"].get<qint64>(), pretrained.runId);
        QCOMPARE(stored["freeze_epochs"].get<int>(), 1);
    }

    void closingDuringTrainingAsksAndStops()
    {
        const QString workspace = newWorkspace();
        MainWindow window(workspace);
        window.show();
        TrainPage *page = window.trainPage();
        QVERIFY(page->form()->setConfigJson(tinyConfig(m_dataset, 200, 1)));
        QSignalSpy steps(page->controller(), &TrainController::steps);
        QSignalSpy ended(page->controller(), &TrainController::runEnded);
        QVERIFY(page->startTraining());
        QVERIFY(steps.wait(kTrainTimeoutMs));

        bool asked = false;
        QTimer::singleShot(0, this, [&asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            asked = true;
            box->button(QMessageBox::Yes)->click();
        });
        window.close();
        QVERIFY(asked);
        QVERIFY(window.isVisible()); // stays open until the run has stopped
        QVERIFY(ended.wait(kTrainTimeoutMs));
        const auto report = ended.takeFirst().at(0).value<TrainOutcomeReport>();
        QCOMPARE(report.status, RunStatus::Stopped);
        QTRY_VERIFY(!window.isVisible());
        QCOMPARE(storedStatus(workspace, report.runId), RunStatus::Stopped);
        // The dialog said the run is kept with its checkpoint: one of the step it stopped on.
        QVERIFY(report.steps > 0);
        QVERIFY(report.hasCheckpoint);
        QCOMPARE(report.checkpointStep, report.steps);
        QVERIFY(hasCheckpointOfStep(workspace, report.runId, report.steps, kBatchesOfOne));
    }

    // Last: the translators stay installed.
    void theTextFieldsReadInChinese()
    {
        QVERIFY(LanguageSetup::apply(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
        const QString reviews = m_dir.filePath(QStringLiteral("reviews-zh.csv"));
        writeReviewsCsv(reviews, 20);
        TrainPage page(newWorkspace());
        page.resize(1280, 800);
        page.show();
        TrainConfigForm *form = page.form();
        form->setDatasetPath(reviews);
        QTRY_COMPARE_WITH_TIMEOUT(form->datasetKind(), DataKind::Text, 5000);
        QVERIFY(form->applyPreset(QStringLiteral("text-bigru")));
        QCOMPARE(form->fieldLabel(QStringLiteral("text.max_vocab")), QString::fromUtf8("词表大小"));
        QCOMPARE(form->fieldLabel(QStringLiteral("model.embedding_dim")),
                 QString::fromUtf8("嵌入维度"));
        QCoreApplication::processEvents();
        QVERIFY(page.grab().save(
            mf::test::shotPath(m_dir, QStringLiteral("train-text-form-zh_CN.png")), "PNG"));
    }
};

MF_TEST_MAIN(TestTrainPage)
#include "tst_trainpage.moc"
