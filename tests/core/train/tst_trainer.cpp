#include "core/train/checkpoint.h"
#include "core/train/trainer.h"
#include "core/util/error.h"
#include "tests/core/train/trainingfixtures.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <atomic>
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
    std::atomic<std::int64_t> steps{0};
    std::function<void(const StepMetrics &)> stepHook;
    std::function<void(const std::string &, int)> checkpointHook;

    void onStep(const StepMetrics &step) override
    {
        losses.push_back(step.loss);
        lossEpochs.push_back(step.epoch);
        steps = step.step;
        if (stepHook)
            stepHook(step);
    }
    void onEpoch(const EpochMetrics &epoch) override { epochs.push_back(epoch); }
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
