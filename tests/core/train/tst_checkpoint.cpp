#include "core/train/checkpoint.h"
#include "core/train/optimizerfactory.h"
#include "core/train/trainer.h"
#include "core/util/error.h"
#include "tests/core/train/trainingfixtures.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <atomic>
#include <filesystem>
#include <sstream>
#include <thread>

using namespace mf;
using namespace mf::trainingfixtures;

namespace {

class LossLog : public TrainerObserver
{
public:
    std::vector<std::pair<int, double>> losses; // (epoch, loss)
    std::function<void(int)> checkpointHook;

    void onStep(const StepMetrics &step) override { losses.emplace_back(step.epoch, step.loss); }
    void onCheckpoint(const std::string &, int epoch) override
    {
        if (checkpointHook)
            checkpointHook(epoch);
    }
    std::vector<double> from(int firstEpoch) const
    {
        std::vector<double> picked;
        for (const auto &[epoch, loss] : losses)
            if (epoch >= firstEpoch)
                picked.push_back(loss);
        return picked;
    }
};

TrainConfig resumableConfig()
{
    TrainConfig config = smallConfig();
    config.epochs = 4;
    config.schedule.name = "cosine"; // the rate depends on the global step
    return config;
}

/// Runs `call` and returns the DataError it throws; fails the test when it throws none.
template <typename Call> std::optional<DataError> dataErrorOf(Call call)
{
    try {
        call();
    } catch (const DataError &e) {
        return e;
    }
    return std::nullopt;
}

std::set<int> checkpointEpochs(const std::string &dir)
{
    std::set<int> epochs;
    for (const auto &entry : std::filesystem::directory_iterator(dir))
        epochs.insert(Checkpoint::epochOfFileName(entry.path().filename().string()));
    return epochs;
}

} // namespace

class TestCheckpoint : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string path(const std::string &name) const
    {
        return m_dir.path().toStdString() + "/" + name;
    }

    /// A checkpoint after one epoch of smallConfig(), in its own directory.
    std::string trainedCheckpoint(const std::string &dirName)
    {
        TrainConfig config = smallConfig();
        config.epochs = 1;
        TrainerOptions options;
        options.checkpointDir = path(dirName);
        Trainer trainer(config, imageDataset(128, 4, 1), imageDataset(32, 4, 2), options);
        return trainer.run().lastCheckpoint;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void fileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("epoch");
        QTest::newRow("first") << QString::fromStdString(Checkpoint::fileName(1)) << 1;
        QTest::newRow("large") << QString::fromStdString(Checkpoint::fileName(12345)) << 12345;
        QTest::newRow("temporary") << QStringLiteral("epoch-0003.pt.tmp-a1B2c3") << 0;
        QTest::newRow("other") << QStringLiteral("notes.txt") << 0;
        QTest::newRow("no digits") << QStringLiteral("epoch-.pt") << 0;
        QTest::newRow("letters") << QStringLiteral("epoch-00x1.pt") << 0;
    }

    void fileNames()
    {
        QFETCH(QString, name);
        QFETCH(int, epoch);
        QCOMPARE(Checkpoint::epochOfFileName(name.toStdString()), epoch);
    }

    void roundTrip()
    {
        TrainConfig config = smallConfig();
        config.epochs = 2;
        TrainerOptions options;
        options.checkpointDir = path("roundtrip");
        Trainer trained(config, imageDataset(128, 4, 1), imageDataset(32, 4, 2), options);
        const TrainResult result = trained.run();
        QCOMPARE(result.lastCheckpoint, options.checkpointDir + "/" + Checkpoint::fileName(2));

        TrainConfig other = config;
        other.seed = 99; // a different initialisation that loading must overwrite
        Trainer restored(other, imageDataset(128, 4, 1), imageDataset(32, 4, 2));
        QVERIFY(!torch::equal(flatParameters(*restored.model()), flatParameters(*trained.model())));
        restored.restoreCheckpoint(result.lastCheckpoint);
        QVERIFY(torch::equal(flatParameters(*restored.model()), flatParameters(*trained.model())));
        QCOMPARE(restored.state().epoch, 2);
        QCOMPARE(restored.state().globalStep, std::int64_t(8));
        QCOMPARE(restored.state().bestEpoch, trained.state().bestEpoch);
        QCOMPARE(restored.state().bestValAccuracy, trained.state().bestValAccuracy);
        QCOMPARE(restored.normalization().mean, trained.normalization().mean);
        QCOMPARE(restored.normalization().std, trained.normalization().std);

        const CheckpointHeader header = Checkpoint::readHeader(result.lastCheckpoint);
        QCOMPARE(header.formatVersion, Checkpoint::kFormatVersion);
        QCOMPARE(header.sampleShape, (std::vector<std::int64_t>{1, 8, 8}));
        QCOMPARE(header.numClasses, std::int64_t(4));
        QCOMPARE(nlohmann::json::parse(header.configJson).at("seed").get<int>(), 7);
    }

    void resumeEqualsUninterruptedRun()
    {
        const Dataset train = imageDataset(128, 4, 1);
        const Dataset validation = imageDataset(32, 4, 2);

        TrainerOptions straightOptions;
        straightOptions.checkpointDir = path("straight");
        Trainer straight(resumableConfig(), train, validation, straightOptions);
        LossLog straightLog;
        straight.addObserver(&straightLog);
        const TrainResult straightResult = straight.run();
        QCOMPARE(straightResult.epochsCompleted, 4);

        TrainerOptions firstOptions;
        firstOptions.checkpointDir = path("interrupted");
        Trainer first(resumableConfig(), train, validation, firstOptions);
        LossLog firstLog;
        firstLog.checkpointHook = [&](int epoch) {
            if (epoch == 2)
                first.requestStop();
        };
        first.addObserver(&firstLog);
        const TrainResult firstResult = first.run();
        QCOMPARE(firstResult.outcome, TrainOutcome::Stopped);
        QCOMPARE(firstResult.epochsCompleted, 2);

        Trainer second(resumableConfig(), train, validation);
        second.restoreCheckpoint(firstResult.lastCheckpoint);
        LossLog secondLog;
        second.addObserver(&secondLog);
        const TrainResult secondResult = second.run();
        QCOMPARE(secondResult.outcome, TrainOutcome::Finished);
        QCOMPARE(secondResult.epochsCompleted, 4);
        QCOMPARE(secondResult.steps, straightResult.steps);
        QCOMPARE(secondLog.losses.front().first, 3);

        const std::vector<double> expected = straightLog.from(3);
        QCOMPARE(expected.size(), std::size_t(8));
        QVERIFY(secondLog.from(3) == expected); // bitwise
        QVERIFY(torch::equal(flatParameters(*second.model()), flatParameters(*straight.model())));
        QCOMPARE(secondResult.last.valLoss, straightResult.last.valLoss);
        QCOMPARE(secondResult.bestEpoch, straightResult.bestEpoch);
    }

    void unreadableFilesAreDataErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("truncated") << QStringLiteral("truncated");
        QTest::newRow("garbage") << QStringLiteral("garbage");
        QTest::newRow("empty") << QStringLiteral("empty");
        QTest::newRow("missing") << QStringLiteral("missing");
        QTest::newRow("foreign archive") << QStringLiteral("foreign");
        QTest::newRow("future version") << QStringLiteral("version");
    }

    void unreadableFilesAreDataErrors()
    {
        QFETCH(QString, kind);
        static const std::string good = trainedCheckpoint("good");
        const std::string bytes = testdata::readBytes(good);
        const std::string bad = path("bad-" + kind.toStdString() + ".pt");
        std::string expectedReason;
        if (kind == "truncated") {
            testdata::writeBytes(bad, bytes.substr(0, bytes.size() / 2));
        } else if (kind == "garbage") {
            std::string noise(bytes.size(), '\0');
            for (std::size_t i = 0; i < noise.size(); ++i)
                noise[i] = static_cast<char>((i * 7919u) & 0xff);
            testdata::writeBytes(bad, noise);
        } else if (kind == "empty") {
            testdata::writeBytes(bad, "");
        } else if (kind == "foreign") {
            torch::serialize::OutputArchive archive;
            archive.write("weights", torch::ones({3}));
            archive.save_to(bad);
            expectedReason = "no format version";
        } else if (kind == "version") {
            torch::serialize::OutputArchive archive;
            archive.write("format_version", c10::IValue(std::int64_t(999)));
            archive.save_to(bad);
            expectedReason = "version 999";
        }
        const auto error = dataErrorOf([&] { Checkpoint::readHeader(bad); });
        QVERIFY(error.has_value());
        QCOMPARE(error->file(), bad);
        QVERIFY(QString::fromUtf8(error->what()).contains(QString::fromStdString(bad)));
        QVERIFY2(QString::fromStdString(error->reason())
                     .contains(QString::fromStdString(expectedReason)),
                 error->what());

        // Loading into a trainer fails the same way and leaves it untouched.
        Trainer trainer(smallConfig(), imageDataset(128, 4, 1), imageDataset(32, 4, 2));
        const torch::Tensor before = flatParameters(*trainer.model());
        QVERIFY(dataErrorOf([&] { trainer.restoreCheckpoint(bad); }).has_value());
        QVERIFY(torch::equal(before, flatParameters(*trainer.model())));
        QCOMPARE(trainer.state().epoch, 0);
    }

    void incompatibleCheckpointsAreRefused_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("reason");
        QTest::newRow("model") << QStringLiteral("model") << QStringLiteral("different model");
        QTest::newRow("optimizer")
            << QStringLiteral("optimizer") << QStringLiteral("different optimiser");
        QTest::newRow("image size") << QStringLiteral("size") << QStringLiteral("[1, 10, 10]");
        QTest::newRow("classes") << QStringLiteral("classes") << QStringLiteral("5");
    }

    void incompatibleCheckpointsAreRefused()
    {
        QFETCH(QString, change);
        QFETCH(QString, reason);
        static const std::string good = trainedCheckpoint("compatible");
        TrainConfig config = smallConfig();
        int size = 8;
        int classes = 4;
        if (change == "model")
            config.model = {{"type", "mlp"}, {"hidden", {16}}, {"dropout", 0.1}};
        else if (change == "optimizer")
            config.optimizer.name = "sgd";
        else if (change == "size")
            size = 10;
        else
            classes = 5;
        Trainer trainer(config, imageDataset(128, classes, 1, 1, size),
                        imageDataset(32, classes, 2, 1, size));
        const auto error = dataErrorOf([&] { trainer.restoreCheckpoint(good); });
        QVERIFY(error.has_value());
        QCOMPARE(error->file(), good);
        QVERIFY2(QString::fromStdString(error->reason()).contains("incompatible"), error->what());
        QVERIFY2(QString::fromStdString(error->reason()).contains(reason), error->what());
    }

    void failedOptimizerLoadLeavesModelAndOptimizerUnchanged()
    {
        // A checkpoint whose header is right for an Adam run but whose optimiser state is that of
        // SGD with momentum: the weights load, the optimiser state does not.
        const std::string good = trainedCheckpoint("mixed-source");
        const CheckpointHeader header = Checkpoint::readHeader(good);
        const TrainConfig config = smallConfig();
        Trainer donor(config, imageDataset(128, 4, 1), imageDataset(32, 4, 2));
        donor.restoreCheckpoint(good);
        OptimizerConfig sgd;
        sgd.name = "momentum";
        auto foreign = makeOptimizer(sgd, donor.model()->parameters());
        const std::string mixed = path("mixed.pt");
        Checkpoint::save(mixed, header, *donor.model(), *foreign);

        TrainConfig other = config;
        other.seed = 99;
        Trainer restored(other, imageDataset(128, 4, 1), imageDataset(32, 4, 2));
        restored.restoreCheckpoint(good); // an optimiser with state, which the failure must keep
        const torch::Tensor before = flatParameters(*restored.model());
        std::ostringstream optimizerBefore;
        {
            torch::serialize::OutputArchive archive;
            restored.optimizer()->save(archive);
            archive.save_to(optimizerBefore);
        }
        Trainer untouched(other, imageDataset(128, 4, 1), imageDataset(32, 4, 2));
        const torch::Tensor freshBefore = flatParameters(*untouched.model());

        const auto error = dataErrorOf([&] { restored.restoreCheckpoint(mixed); });
        QVERIFY(error.has_value());
        QCOMPARE(error->file(), mixed);
        QVERIFY(torch::equal(flatParameters(*restored.model()), before));
        std::ostringstream optimizerAfter;
        {
            torch::serialize::OutputArchive archive;
            restored.optimizer()->save(archive);
            archive.save_to(optimizerAfter);
        }
        QVERIFY(optimizerAfter.str() == optimizerBefore.str());

        QVERIFY(dataErrorOf([&] { untouched.restoreCheckpoint(mixed); }).has_value());
        QVERIFY(torch::equal(flatParameters(*untouched.model()), freshBefore));
    }

    void readersNeverSeeAHalfWrittenFile()
    {
        TrainConfig config = smallConfig();
        config.model = {{"type", "mlp"}, {"hidden", {256, 256}}}; // ~ 0.6 MB per checkpoint
        Trainer trainer(config, imageDataset(64, 4, 1), imageDataset(16, 4, 2));
        torch::optim::SGD optimizer(trainer.model()->parameters(), torch::optim::SGDOptions(0.1));
        const std::string dir = path("atomic");
        std::filesystem::create_directories(dir);
        const std::string target = dir + "/" + Checkpoint::fileName(1);
        CheckpointHeader header;
        header.configJson = nlohmann::json(config).dump();
        header.sampleShape = {1, 8, 8};
        header.numClasses = 4;
        Checkpoint::save(target, header, *trainer.model(), optimizer);

        std::atomic<bool> writing{true};
        std::atomic<int> reads{0};
        std::atomic<int> failures{0};
        std::thread reader([&] {
            while (writing.load()) {
                try {
                    if (Checkpoint::readHeader(target).state.globalStep < 0)
                        ++failures;
                } catch (const std::exception &) {
                    ++failures;
                }
                ++reads;
            }
        });
        for (int i = 1; i <= 20; ++i) {
            header.state.globalStep = i;
            Checkpoint::save(target, header, *trainer.model(), optimizer);
        }
        writing = false;
        reader.join();
        QVERIFY(reads.load() > 0);
        QCOMPARE(failures.load(), 0);
        QCOMPARE(Checkpoint::readHeader(target).state.globalStep, std::int64_t(20));
        // Only the finished file remains: no temporary left behind.
        QCOMPARE(std::distance(std::filesystem::directory_iterator(dir),
                               std::filesystem::directory_iterator()),
                 std::ptrdiff_t(1));
    }

    void keepsNewestAndBest()
    {
        TrainConfig config = smallConfig();
        config.model = {{"type", "mlp"}, {"hidden", {32}}};
        config.optimizer.name = "sgd";
        config.optimizer.learningRate = 1e-30; // nothing improves after epoch 1: it stays best
        config.epochs = 5;
        TrainerOptions options;
        options.checkpointDir = path("retention");
        options.keepCheckpoints = 2;
        std::filesystem::create_directories(options.checkpointDir);
        // A temporary left by a crash is not a checkpoint and is not touched.
        testdata::writeBytes(options.checkpointDir + "/epoch-0009.pt.tmp-Ab12Cd", "partial");
        Trainer trainer(config, imageDataset(64, 4, 1), imageDataset(16, 4, 2), options);
        const TrainResult result = trainer.run();
        QCOMPARE(result.bestEpoch, 1);
        QCOMPARE(checkpointEpochs(options.checkpointDir), (std::set<int>{0, 1, 4, 5}));
        QVERIFY(std::filesystem::exists(options.checkpointDir + "/epoch-0009.pt.tmp-Ab12Cd"));
    }
};

MF_TEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
