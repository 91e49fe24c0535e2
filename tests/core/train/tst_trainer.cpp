#include "core/train/checkpoint.h"
#include "core/train/trainer.h"
#include "core/util/error.h"
#include "tests/core/train/trainingfixtures.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <thread>

using namespace mf;
using namespace mf::trainingfixtures;

namespace {

/// Calls the given hooks; records every step loss.
class Probe : public TrainerObserver
{
public:
    std::vector<double> losses;
    std::vector<int> lossEpochs;
    std::vector<EpochMetrics> epochs;
    std::vector<std::pair<std::string, int>> checkpoints;
    std::vector<std::pair<std::string, int>> removed;
    std::vector<StepMetrics> stepRecords;
    std::atomic<std::int64_t> steps{0};
    std::function<void(const StepMetrics &)> stepHook;
    std::function<void(const std::string &, int)> checkpointHook;

    void onStep(const StepMetrics &step) override
    {
        losses.push_back(step.loss);
        lossEpochs.push_back(step.epoch);
        stepRecords.push_back(step);
        steps = step.step;
        if (stepHook)
            stepHook(step);
    }
    void onEpoch(const EpochMetrics &epoch) override { epochs.push_back(epoch); }
    void onCheckpointRemoved(const std::string &path, int epoch) override
    {
        removed.emplace_back(path, epoch);
    }
    void onCheckpoint(const std::string &path, int epoch) override
    {
        checkpoints.emplace_back(path, epoch);
        if (checkpointHook)
            checkpointHook(path, epoch);
    }

    std::vector<double> lossesOfEpoch(int epoch) const
    {
        std::vector<double> picked;
        for (std::size_t i = 0; i < losses.size(); ++i)
            if (lossEpochs[i] == epoch)
                picked.push_back(losses[i]);
        return picked;
    }
};

} // namespace

class TestTrainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void learnsTheEasySet()
    {
        TrainConfig config = smallConfig();
        config.epochs = 6;
        Trainer trainer(config, imageDataset(256, 4, 1), imageDataset(128, 4, 2));
        Probe probe;
        trainer.addObserver(&probe);
        const TrainResult result = trainer.run();
        QCOMPARE(result.outcome, TrainOutcome::Finished);
        QCOMPARE(result.epochsCompleted, 6);
        QCOMPARE(result.steps, std::int64_t(6 * 8));
        QCOMPARE(probe.losses.size(), std::size_t(48));
        QCOMPARE(probe.epochs.size(), std::size_t(6));
        QVERIFY2(result.last.valAccuracy > 0.9,
                 qPrintable(QString::number(result.last.valAccuracy)));
        QVERIFY(result.last.trainLoss < probe.epochs.front().trainLoss);
        QVERIFY(result.samplesPerSecond > 0.0);
        QVERIFY(result.lastCheckpoint.empty());

        // evaluate() is the same computation the epoch's validation used.
        const EvalReport report = trainer.evaluate(imageDataset(128, 4, 2));
        QCOMPARE(report.samples, std::int64_t(128));
        QCOMPARE(report.accuracy, result.last.valAccuracy);
        QCOMPARE(report.loss, result.last.valLoss);
        QCOMPARE(report.confusion.size(), std::size_t(4));
        QCOMPARE(report.classNames,
                 (std::vector<std::string>{"class0", "class1", "class2", "class3"}));
    }

    void stepMetricsAreConsistent()
    {
        TrainConfig config = smallConfig();
        config.epochs = 2;
        Trainer trainer(config, imageDataset(100, 4, 1), imageDataset(40, 4, 2));
        std::vector<StepMetrics> steps;
        Probe probe;
        probe.stepHook = [&](const StepMetrics &s) { steps.push_back(s); };
        trainer.addObserver(&probe);
        trainer.run();
        QCOMPARE(steps.size(), std::size_t(8)); // 100 samples in batches of 32: 4 per epoch
        for (std::size_t i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps[i].step, std::int64_t(i + 1));
            QCOMPARE(steps[i].epoch, int(i / 4 + 1));
            QCOMPARE(steps[i].batchInEpoch, std::int64_t(i % 4 + 1));
            QCOMPARE(steps[i].batchesPerEpoch, std::int64_t(4));
            QCOMPARE(steps[i].learningRate, 0.01);
        }
        QCOMPARE(probe.epochs.back().step, std::int64_t(8));
    }

    void sameSeedIsBitwiseIdentical_data()
    {
        QTest::addColumn<std::uint64_t>("otherSeed");
        QTest::addColumn<bool>("identical");
        QTest::newRow("same seed") << std::uint64_t(7) << true;
        QTest::newRow("different seed") << std::uint64_t(8) << false;
    }

    void sameSeedIsBitwiseIdentical()
    {
        QFETCH(std::uint64_t, otherSeed);
        QFETCH(bool, identical);
        const auto firstEpochLosses = [](std::uint64_t seed) {
            TrainConfig config = smallConfig();
            config.seed = seed;
            config.epochs = 1;
            Trainer trainer(config, imageDataset(256, 4, 1), imageDataset(64, 4, 2));
            Probe probe;
            trainer.addObserver(&probe);
            trainer.run();
            return probe.lossesOfEpoch(1);
        };
        const std::vector<double> a = firstEpochLosses(7);
        const std::vector<double> b = firstEpochLosses(otherSeed);
        QCOMPARE(a.size(), std::size_t(8));
        QCOMPARE(a == b, identical); // exact comparison of every double
    }

    void stopRequestEndsTheRun()
    {
        Trainer trainer(smallConfig(), imageDataset(256, 4, 1), imageDataset(64, 4, 2));
        Probe probe;
        probe.stepHook = [&](const StepMetrics &s) {
            if (s.step == 5)
                trainer.requestStop();
        };
        trainer.addObserver(&probe);
        const TrainResult result = trainer.run();
        QCOMPARE(result.outcome, TrainOutcome::Stopped);
        QCOMPARE(result.steps, std::int64_t(5));
        QCOMPARE(result.epochsCompleted, 0);
        QVERIFY(probe.epochs.empty());
    }

    void stopInsideAnEpochResumesBitwise_data()
    {
        QTest::addColumn<int>("stopAfter");   // the step whose observer asks to stop
        QTest::addColumn<bool>("stopFile");   // the stop writes a checkpoint of its own
        QTest::addColumn<int>("resumeEpoch"); // the epoch of the first resumed step
        QTest::newRow("after the first batch") << 1 << true << 1;
        QTest::newRow("inside epoch 2") << 11 << true << 2;
        QTest::newRow("after epoch 2's last batch") << 16 << false << 3;
        QTest::newRow("paused, then stopped") << -3 << true << 1;
    }

    void stopInsideAnEpochResumesBitwise()
    {
        // The trainer's side of a resume after Stop: a run stopped at any step continues at
        // the next one and ends bitwise as the uninterrupted run: every loss, the weights, the
        // epoch figures (the stopped epoch's sums are carried in the checkpoint) and the
        // validation. smallConfig() has dropout; the cosine schedule depends on the step.
        QFETCH(int, stopAfter);
        QFETCH(bool, stopFile);
        QFETCH(int, resumeEpoch);
        const bool pauseFirst = stopAfter < 0;
        const std::int64_t stopStep = std::abs(stopAfter);
        TrainConfig config = smallConfig();
        config.schedule.name = "cosine";
        const Dataset train = imageDataset(256, 4, 1); // 8 batches of 32 per epoch
        const Dataset validation = imageDataset(64, 4, 2);

        Trainer straight(config, train, validation);
        Probe straightProbe;
        straight.addObserver(&straightProbe);
        const TrainResult expected = straight.run();
        QCOMPARE(expected.steps, std::int64_t(24));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TrainerOptions options;
        options.checkpointDir = dir.path().toStdString() + "/checkpoints";
        Trainer first(config, train, validation, options);
        Probe firstProbe;
        firstProbe.stepHook = [&](const StepMetrics &s) {
            if (s.step != stopStep)
                return;
            if (pauseFirst)
                first.setPaused(true);
            else
                first.requestStop();
        };
        first.addObserver(&firstProbe);
        TrainResult stopped;
        std::thread worker([&] { stopped = first.run(); });
        if (pauseFirst) {
            QTRY_VERIFY(firstProbe.steps.load() == stopStep && first.isPaused());
            first.requestStop();
        }
        worker.join();
        QCOMPARE(stopped.outcome, TrainOutcome::Stopped);
        QCOMPARE(stopped.steps, stopStep);
        QCOMPARE(stopped.lastCheckpointStep, stopStep);
        const std::string stopName = Checkpoint::stopFileName(resumeEpoch, stopStep);
        QCOMPARE(stopped.lastCheckpoint,
                 options.checkpointDir + "/" +
                     (stopFile ? stopName : Checkpoint::fileName(resumeEpoch - 1)));
        QCOMPARE(std::filesystem::exists(options.checkpointDir + "/" + stopName), stopFile);
        if (stopFile) {
            QCOMPARE(firstProbe.checkpoints.back(),
                     std::make_pair(stopped.lastCheckpoint, resumeEpoch));
            const CheckpointHeader header = Checkpoint::readHeader(stopped.lastCheckpoint);
            QCOMPARE(header.formatVersion, Checkpoint::kFormatVersion);
            QCOMPARE(header.state.epoch, resumeEpoch - 1);
            QCOMPARE(header.state.globalStep, stopStep);
            QCOMPARE(header.state.batchInEpoch, stopStep - 8 * (resumeEpoch - 1));
            QCOMPARE(header.state.epochSamples, 32 * header.state.batchInEpoch);
            QVERIFY(header.dropoutGeneratorState.defined());
        }

        Trainer second(config, train, validation, options);
        second.restoreCheckpoint(stopped.lastCheckpoint);
        QCOMPARE(second.state().globalStep, stopStep);
        Probe secondProbe;
        second.addObserver(&secondProbe);
        const TrainResult result = second.run();
        QCOMPARE(result.outcome, TrainOutcome::Finished);
        QCOMPARE(result.steps, expected.steps);
        QCOMPARE(secondProbe.stepRecords.front().step, stopStep + 1);
        QCOMPARE(secondProbe.stepRecords.front().epoch, resumeEpoch);
        QCOMPARE(secondProbe.stepRecords.front().batchInEpoch,
                 stopStep - 8 * (resumeEpoch - 1) + 1);
        const std::vector<double> tail(straightProbe.losses.begin() + stopStep,
                                       straightProbe.losses.end());
        QVERIFY(secondProbe.losses == tail); // exact comparison of every double
        QVERIFY(torch::equal(flatParameters(*second.model()), flatParameters(*straight.model())));
        const EpochMetrics &resumedEpoch = secondProbe.epochs.front();
        const EpochMetrics &sameEpoch = straightProbe.epochs[std::size_t(resumeEpoch - 1)];
        QCOMPARE(resumedEpoch.epoch, resumeEpoch);
        QCOMPARE(resumedEpoch.trainLoss, sameEpoch.trainLoss);
        QCOMPARE(resumedEpoch.trainAccuracy, sameEpoch.trainAccuracy);
        QCOMPARE(resumedEpoch.valLoss, sameEpoch.valLoss);
        QCOMPARE(result.last.valLoss, expected.last.valLoss);
        QCOMPARE(result.bestEpoch, expected.bestEpoch);
        // The stop checkpoint lasted until the resumed run wrote the next epoch's.
        if (stopFile) {
            QVERIFY(!std::filesystem::exists(options.checkpointDir + "/" + stopName));
            QCOMPARE(secondProbe.removed.size(), std::size_t(1));
            QCOMPARE(secondProbe.removed.front(),
                     std::make_pair(options.checkpointDir + "/" + stopName, resumeEpoch));
            QCOMPARE(secondProbe.checkpoints.front().second, resumeEpoch);
        }
    }

    void stopBeforeAnyStepWritesNoCheckpoint()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TrainerOptions options;
        options.checkpointDir = dir.path().toStdString() + "/checkpoints";
        Trainer trainer(smallConfig(), imageDataset(256, 4, 1), imageDataset(64, 4, 2), options);
        Probe probe;
        trainer.addObserver(&probe);
        trainer.requestStop();
        const TrainResult result = trainer.run();
        QCOMPARE(result.outcome, TrainOutcome::Stopped);
        QCOMPARE(result.steps, std::int64_t(0));
        QVERIFY(result.lastCheckpoint.empty());
        QVERIFY(probe.checkpoints.empty());
        QVERIFY(!std::filesystem::exists(options.checkpointDir) ||
                std::filesystem::is_empty(options.checkpointDir));
    }

    void stopCheckpointOfAnotherBatchSizeIsRefused()
    {
        // A stop checkpoint continues its epoch's batch order: a run that cuts the epoch into
        // other batches cannot continue it and says why instead of training on a shifted order.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TrainerOptions options;
        options.checkpointDir = dir.path().toStdString() + "/checkpoints";
        Trainer first(smallConfig(), imageDataset(256, 4, 1), imageDataset(64, 4, 2), options);
        Probe probe;
        probe.stepHook = [&](const StepMetrics &s) {
            if (s.step == 3)
                first.requestStop();
        };
        first.addObserver(&probe);
        const TrainResult stopped = first.run();
        QCOMPARE(stopped.lastCheckpointStep, std::int64_t(3));
        Trainer smaller(smallConfig(), imageDataset(64, 4, 1), imageDataset(64, 4, 2));
        try {
            smaller.restoreCheckpoint(stopped.lastCheckpoint);
            QFAIL("a stop checkpoint past the end of the epoch was accepted");
        } catch (const DataError &e) {
            QVERIFY2(QString::fromStdString(e.reason()).contains(QStringLiteral("batch 3")),
                     e.what());
        }
    }

    void pauseBlocksAndResumeContinues()
    {
        TrainConfig config = smallConfig();
        config.epochs = 2;
        Trainer trainer(config, imageDataset(256, 4, 1), imageDataset(64, 4, 2));
        Probe probe;
        probe.stepHook = [&](const StepMetrics &s) {
            if (s.step == 3)
                trainer.setPaused(true);
        };
        trainer.addObserver(&probe);
        TrainResult result;
        std::thread worker([&] { result = trainer.run(); });
        QTRY_VERIFY(probe.steps.load() == 3 && trainer.isPaused());
        QTest::qWait(300);
        QCOMPARE(probe.steps.load(), std::int64_t(3)); // blocked, not crawling on
        trainer.setPaused(false);
        worker.join();
        QCOMPARE(result.outcome, TrainOutcome::Finished);
        QCOMPARE(result.steps, std::int64_t(16));
    }

    void stopWhilePaused()
    {
        Trainer trainer(smallConfig(), imageDataset(256, 4, 1), imageDataset(64, 4, 2));
        Probe probe;
        probe.stepHook = [&](const StepMetrics &s) {
            if (s.step == 2)
                trainer.setPaused(true);
        };
        trainer.addObserver(&probe);
        TrainResult result;
        std::thread worker([&] { result = trainer.run(); });
        QTRY_VERIFY(probe.steps.load() == 2);
        QTest::qWait(100);
        trainer.requestStop();
        worker.join();
        QCOMPARE(result.outcome, TrainOutcome::Stopped);
        QCOMPARE(result.steps, std::int64_t(2));
    }

    void nonFiniteLossFailsAndKeepsLastCheckpoint()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string checkpoints = dir.path().toStdString() + "/checkpoints";
        TrainerOptions options;
        options.checkpointDir = checkpoints;
        Trainer trainer(smallConfig(), imageDataset(256, 4, 1), imageDataset(64, 4, 2), options);
        Probe probe;
        probe.checkpointHook = [&](const std::string &, int epoch) {
            if (epoch == 1) {
                torch::NoGradGuard noGrad;
                trainer.model()->parameters().front().fill_(
                    std::numeric_limits<float>::quiet_NaN());
            }
        };
        trainer.addObserver(&probe);
        const TrainResult result = trainer.run();
        QCOMPARE(result.outcome, TrainOutcome::Failed);
        QCOMPARE(QString::fromStdString(result.failureReason),
                 QStringLiteral("loss became nan at epoch 2 step 9"));
        QCOMPARE(result.epochsCompleted, 1);
        QCOMPARE(result.lastCheckpoint, checkpoints + "/" + Checkpoint::fileName(1));
        QVERIFY(!std::filesystem::exists(checkpoints + "/" + Checkpoint::fileName(2)));
        const CheckpointHeader header = Checkpoint::readHeader(result.lastCheckpoint);
        QCOMPARE(header.state.epoch, 1);
        QCOMPARE(header.state.globalStep, std::int64_t(8));
        QCOMPARE(probe.epochs.size(), std::size_t(1));
    }

    void hugeLearningRateFails()
    {
        TrainConfig config = smallConfig();
        config.model = {{"type", "mlp"}, {"hidden", {32}}};
        config.optimizer.name = "sgd";
        config.optimizer.learningRate = 1e30;
        Trainer trainer(config, imageDataset(256, 4, 1), imageDataset(64, 4, 2));
        const TrainResult result = trainer.run();
        QCOMPARE(result.outcome, TrainOutcome::Failed);
        QVERIFY2(QString::fromStdString(result.failureReason)
                     .contains(QRegularExpression("^loss became (nan|inf) at epoch 1 step \\d+$")),
                 result.failureReason.c_str());
        QCOMPARE(result.epochsCompleted, 0);
        QVERIFY(result.lastCheckpoint.empty());
    }

    void earlyStoppingAfterPatience_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::newRow("val_accuracy") << QStringLiteral("val_accuracy");
        QTest::newRow("val_loss") << QStringLiteral("val_loss");
    }

    void earlyStoppingAfterPatience()
    {
        QFETCH(QString, metric);
        TrainConfig config = smallConfig();
        config.model = {{"type", "mlp"}, {"hidden", {32}}};
        config.optimizer.name = "sgd";
        config.optimizer.learningRate = 1e-30; // the weights never change: no epoch improves
        config.epochs = 10;
        config.earlyStoppingPatience = 2;
        config.earlyStoppingMetric = metric.toStdString();
        Trainer trainer(config, imageDataset(128, 4, 1), imageDataset(64, 4, 2));
        const TrainResult result = trainer.run();
        QCOMPARE(result.outcome, TrainOutcome::EarlyStopped);
        QCOMPARE(result.epochsCompleted, 3);
        QCOMPARE(result.bestEpoch, 1);
    }

    void noEarlyStoppingWhileImproving()
    {
        TrainConfig config = smallConfig();
        config.epochs = 4;
        config.earlyStoppingPatience = 1;
        config.earlyStoppingMetric = "val_loss";
        Trainer trainer(config, imageDataset(256, 4, 1), imageDataset(64, 4, 2));
        Probe probe;
        trainer.addObserver(&probe);
        const TrainResult result = trainer.run();
        QCOMPARE(result.outcome, TrainOutcome::Finished);
        QCOMPARE(result.epochsCompleted, 4);
        QCOMPARE(result.bestEpoch, 4);
        for (std::size_t i = 1; i < probe.epochs.size(); ++i)
            QVERIFY(probe.epochs[i].valLoss < probe.epochs[i - 1].valLoss);
    }

    void patienceRunningOutOnTheLastEpochStillFinishes()
    {
        TrainConfig config = smallConfig();
        config.model = {{"type", "mlp"}, {"hidden", {32}}};
        config.optimizer.name = "sgd";
        config.optimizer.learningRate = 1e-30;
        config.epochs = 3;
        config.earlyStoppingPatience = 2;
        Trainer trainer(config, imageDataset(128, 4, 1), imageDataset(64, 4, 2));
        const TrainResult result = trainer.run();
        QCOMPARE(result.outcome, TrainOutcome::Finished);
        QCOMPARE(result.epochsCompleted, 3);
    }

    void gradientClippingBoundsTheUpdate_data()
    {
        QTest::addColumn<double>("clip");
        QTest::newRow("clipped") << 0.01;
        QTest::newRow("unclipped") << 0.0;
    }

    void gradientClippingBoundsTheUpdate()
    {
        // Plain SGD with rate 1 moves the weights by exactly the (clipped) gradient.
        QFETCH(double, clip);
        TrainConfig config = smallConfig();
        config.model = {{"type", "mlp"}, {"hidden", {32}}};
        config.optimizer.name = "sgd";
        config.optimizer.momentum = 0.0;
        config.optimizer.learningRate = 1.0;
        config.epochs = 1;
        config.clipGradNorm = clip;
        Trainer trainer(config, imageDataset(256, 4, 1), imageDataset(64, 4, 2));
        torch::Tensor previous = flatParameters(*trainer.model());
        double largestMove = 0.0;
        Probe probe;
        probe.stepHook = [&](const StepMetrics &) {
            const torch::Tensor now = flatParameters(*trainer.model());
            largestMove = std::max(largestMove, (now - previous).norm().item<double>());
            previous = now;
        };
        trainer.addObserver(&probe);
        trainer.run();
        if (clip > 0.0)
            QVERIFY2(largestMove <= clip * 1.001, qPrintable(QString::number(largestMove)));
        else
            QVERIFY2(largestMove > 0.05, qPrintable(QString::number(largestMove)));
    }

    void rejectsUnusableSettings_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown device") << QStringLiteral("tpu") << QStringLiteral("\"tpu\"");
        if (!torch::cuda::is_available())
            QTest::newRow("cuda missing")
                << QStringLiteral("cuda")
                << QStringLiteral(
                       "CUDA requested but this LibTorch build has no usable CUDA device");
    }

    void rejectsUnusableSettings()
    {
        QFETCH(QString, device);
        QFETCH(QString, message);
        TrainConfig config = smallConfig();
        config.device = device.toStdString();
        try {
            Trainer trainer(config, imageDataset(64, 4, 1), imageDataset(16, 4, 2));
            QFAIL("no ConfigError");
        } catch (const ConfigError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
        }
    }

    void rejectsMismatchedValidationSet()
    {
        try {
            Trainer trainer(smallConfig(), imageDataset(64, 4, 1), imageDataset(16, 4, 2, 1, 10));
            QFAIL("no ConfigError");
        } catch (const ConfigError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("[1, 10, 10]"), e.what());
        }
    }

    void tablesAreNormalisedPerFeature()
    {
        // Features on wildly different scales; the label is the sign of the small one.
        const std::int64_t n = 256;
        torch::manual_seed(3);
        Dataset table;
        table.kind = DatasetKind::Table;
        const torch::Tensor small = torch::randn({n, 1});
        table.inputs = torch::cat({small * 0.001, torch::randn({n, 1}) * 1000.0 + 5000.0}, 1);
        table.labels = (small.reshape({n}) > 0).to(torch::kInt64);
        table.classNames = {"negative", "positive"};
        table.featureNames = {"small", "large"};
        table.format = "csv";
        const Dataset train = table.subset(torch::arange(0, 192));
        const Dataset validation = table.subset(torch::arange(192, n));
        TrainConfig config = smallConfig();
        config.model = {{"type", "mlp"}, {"hidden", {16}}};
        config.epochs = 8;
        Trainer trainer(config, train, validation);
        QCOMPARE(trainer.normalization().mean.size(), std::size_t(2));
        QVERIFY(trainer.normalization().mean[1] > 4000.0);
        const TrainResult result = trainer.run();
        QVERIFY2(result.last.valAccuracy > 0.9,
                 qPrintable(QString::number(result.last.valAccuracy)));
    }
};

MF_TEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
