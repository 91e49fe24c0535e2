#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/train/trainingsession.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <atomic>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <functional>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace mf;

namespace {

class StepHook : public TrainerObserver
{
public:
    std::function<void(const StepMetrics &)> hook;
    void onStep(const StepMetrics &step) override
    {
        if (hook)
            hook(step);
    }
};

/// The checkpoint files of a run on disk, against the artifacts its store lists: retention
/// deletes both together.
void compareCheckpointsOnDisk(const RunStore &store, const std::string &workspaceDir,
                              std::int64_t runId)
{
    std::set<std::string> files;
    const std::string dir = Workspace{workspaceDir}.runDir(runId) + "/checkpoints";
    for (const auto &entry : std::filesystem::directory_iterator(dir))
        files.insert(std::filesystem::canonical(entry.path()).string());
    std::set<std::string> listed;
    for (const Artifact &artifact : store.artifacts(runId))
        listed.insert(std::filesystem::canonical(artifact.path).string());
    QCOMPARE(listed, files);
}

/// Every step a run reports, with its loss, for comparing a resumed run with a straight one.
class StepLog : public TrainerObserver
{
public:
    std::vector<StepMetrics> steps;
    std::function<void(const StepMetrics &)> hook;
    void onStep(const StepMetrics &step) override
    {
        steps.push_back(step);
        if (hook)
            hook(step);
    }
};

std::vector<Artifact> checkpointArtifacts(const RunStore &store, std::int64_t runId)
{
    std::vector<Artifact> found;
    for (const Artifact &artifact : store.artifacts(runId))
        if (artifact.kind == "checkpoint")
            found.push_back(artifact);
    return found;
}

std::set<int> epochsOf(const std::vector<MetricPoint> &points)
{
    std::set<int> epochs;
    for (const MetricPoint &point : points)
        epochs.insert(point.epoch);
    return epochs;
}

} // namespace

class TestTrainingSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_dataset;

    SessionOptions workspace(const std::string &name) const
    {
        SessionOptions options;
        options.workspaceDir = m_dir.path().toStdString() + "/" + name;
        options.runName = name;
        return options;
    }

    TrainConfig config() const
    {
        TrainConfig config;
        config.dataset = m_dataset;
        config.model = {{"type", "mlp"}, {"hidden", {32}}};
        config.optimizer.learningRate = 0.01;
        config.epochs = 3;
        config.batchSize = 32;
        config.validationFraction = 0.25;
        config.threads = 1;
        return config;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dataset = m_dir.path().toStdString() + "/mnist";
        testdata::writeMnistLayout(m_dataset, testdata::makeImageSet(512, 4, 1, 8, 8, 1),
                                   testdata::makeImageSet(64, 4, 1, 8, 8, 2));
    }

    void fullSessionFinishesWithTestMetrics()
    {
        const SessionOptions options = workspace("full");
        TrainingSession session(config(), options);
        const std::int64_t runId = session.prepare();
        QVERIFY(runId > 0);
        QCOMPARE(session.prepare(), runId);
        const SessionResult result = session.run();
        QCOMPARE(result.runId, runId);
        QCOMPARE(result.train.outcome, TrainOutcome::Finished);
        QCOMPARE(result.train.epochsCompleted, 3);
        QVERIFY(result.test.has_value());
        QCOMPARE(result.test->samples, std::int64_t(64));
        QVERIFY2(result.test->accuracy > 0.8, qPrintable(QString::number(result.test->accuracy)));
        QCOMPARE(result.validation.samples, std::int64_t(128));
        // Each epoch validates once; the final report reuses the last epoch's, then the test.
        QCOMPARE(result.evaluatedSamples, std::int64_t(3 * 128 + 64));

        RunStore store(Workspace{options.workspaceDir}.databasePath());
        const RunRecord run = *store.run(runId);
        QCOMPARE(run.status, RunStatus::Finished);
        QCOMPARE(run.name, std::string("full"));
        QCOMPARE(run.model, std::string("mlp"));
        QCOMPARE(run.dataset, m_dataset);
        QCOMPARE(run.device, std::string("cpu"));
        QCOMPARE(run.pid, std::int64_t(::getpid()));
        QVERIFY(QString::fromStdString(run.versions).startsWith("modelforge 0.1.0; libtorch "));
        QVERIFY(run.endedAtMs > 0);
        QCOMPARE(nlohmann::json::parse(run.configJson).at("epochs").get<int>(), 3);

        const std::map<std::string, std::string> params = store.params(runId);
        QCOMPARE(params.at("optimizer.name"), std::string("adam"));
        QCOMPARE(params.at("model.hidden"), std::string("[32]"));
        QCOMPARE(params.at("epochs"), std::string("3"));

        const std::map<std::string, double> latest = store.latestMetrics(runId);
        QCOMPARE(latest.at("test_accuracy"), result.test->accuracy);
        QCOMPARE(latest.at("test_loss"), result.test->loss);
        QCOMPARE(store.metrics(runId, "train_loss").size(), std::size_t(3 * 12)); // 384 / 32
        QCOMPARE(epochsOf(store.metrics(runId, "val_accuracy")), (std::set<int>{1, 2, 3}));
        QCOMPARE(store.metrics(runId, "val_loss").back().value, result.validation.loss);

        const std::vector<Artifact> artifacts = store.artifacts(runId);
        // Retention keeps the newest two checkpoints (epochs 2 and 3) and the best: the first
        // epoch of the highest validation accuracy, as the store recorded it. The third epoch's
        // pruning took the first one's file and row, unless epoch 1 was the best.
        int bestEpoch = 0;
        double bestAccuracy = 0.0;
        for (const MetricPoint &point : store.metrics(runId, "val_accuracy"))
            if (bestEpoch == 0 || point.value > bestAccuracy) {
                bestEpoch = point.epoch;
                bestAccuracy = point.value;
            }
        QCOMPARE(result.train.bestEpoch, bestEpoch);
        const std::set<int> keptEpochs{2, 3, bestEpoch};
        std::set<int> artifactEpochs;
        for (const Artifact &artifact : artifacts)
            artifactEpochs.insert(artifact.epoch);
        QCOMPARE(artifactEpochs, keptEpochs);
        QCOMPARE(artifacts.size(), keptEpochs.size()); // one row per kept epoch
        compareCheckpointsOnDisk(store, options.workspaceDir, runId);
        for (const Artifact &artifact : artifacts)
            QVERIFY(QString::fromStdString(artifact.path)
                        .startsWith(
                            QString::fromStdString(Workspace{options.workspaceDir}.runDir(runId))));

        // Evaluation takes the best epoch's checkpoint, chosen from the stored metrics.
        QCOMPARE(TrainingSession::evaluationCheckpoint(runId, options).epoch,
                 result.train.bestEpoch);
        const EvalReport test = TrainingSession::evaluateRun(runId, options, EvalSplit::Test);
        QCOMPARE(test.samples, std::int64_t(64));
        QVERIFY(test.accuracy > 0.8);
        const EvalReport validation =
            TrainingSession::evaluateRun(runId, options, EvalSplit::Validation);
        QCOMPARE(validation.samples, std::int64_t(128));

        try {
            TrainingSession::resume(runId, options);
            QFAIL("a finished run was resumed");
        } catch (const ConfigError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("finished"), e.what());
        }
    }

    void stopRequestLeavesTheRunStopped()
    {
        const SessionOptions options = workspace("stopped");
        TrainingSession session(config(), options);
        StepHook hook;
        hook.hook = [&](const StepMetrics &step) {
            if (step.step == 3)
                session.requestStop();
        };
        session.addObserver(&hook);
        const SessionResult result = session.run();
        QCOMPARE(result.train.outcome, TrainOutcome::Stopped);
        QCOMPARE(result.train.steps, std::int64_t(3));
        RunStore store(Workspace{options.workspaceDir}.databasePath());
        QCOMPARE(store.run(result.runId)->status, RunStatus::Stopped);
        QCOMPARE(store.metrics(result.runId, "train_loss").size(), std::size_t(3));
        // A stop evaluates nothing: the validation and test passes over the half-trained
        // weights made a stop take seconds on a full dataset. The stop checkpoint keeps them.
        QCOMPARE(result.validation.samples, std::int64_t(0));
        QVERIFY(!result.test.has_value());
        QCOMPARE(result.evaluatedSamples, std::int64_t(0));
        QCOMPARE(store.latestMetrics(result.runId).count("test_accuracy"), std::size_t(0));
        // The checkpoint of step 3, recorded like the epochs' ones.
        const std::vector<Artifact> checkpoints = checkpointArtifacts(store, result.runId);
        QCOMPARE(checkpoints.size(), std::size_t(1));
        QCOMPARE(checkpoints[0].epoch, 1); // the epoch in progress
        QCOMPARE(result.train.lastCheckpoint, checkpoints[0].path);
        QVERIFY(checkpoints[0].sizeBytes > 0 && !checkpoints[0].sha256.empty());
        compareCheckpointsOnDisk(store, options.workspaceDir, result.runId);
    }

    void compressionVariantRecordsItsLineageAndIsNotResumed()
    {
        SessionOptions options = workspace("variant");
        options.params = {{kParentRunParam, "7"}, {kCompressionParam, "channels 0.5"}};
        TrainingSession session(config(), options);
        StepHook hook;
        hook.hook = [&](const StepMetrics &step) {
            if (step.step == 2)
                session.requestStop();
        };
        session.addObserver(&hook);
        const SessionResult result = session.run();
        QCOMPARE(result.train.outcome, TrainOutcome::Stopped);
        RunStore store(Workspace{options.workspaceDir}.databasePath());
        const auto params = store.params(result.runId);
        QCOMPARE(params.at(kParentRunParam), std::string("7"));
        QCOMPARE(params.at(kCompressionParam), std::string("channels 0.5"));
        // Its teacher or masks are not stored: resuming would train another model.
        try {
            TrainingSession::resume(result.runId, workspace("variant"));
            QFAIL("a compression variant was resumed");
        } catch (const ConfigError &error) {
            QVERIFY2(QString(error.what()).contains("compression variant"), error.what());
        }
        QCOMPARE(store.run(result.runId)->status, RunStatus::Stopped);
    }

    void stopInsideAnEpochResumesFromThatStep()
    {
        // Stopped twice inside an epoch (in epoch 1, before any checkpoint, and again in
        // epoch 2 of the resumed run) and resumed each time: every resume continues at the
        // step after the stop, and the run ends as the uninterrupted run of the same seed
        // does, bitwise: losses of every step, final validation and test figures. Dropout and
        // a cosine schedule make the dropout generator and the global step matter.
        TrainConfig resumable = config();
        resumable.model = {{"type", "mlp"}, {"hidden", {32}}, {"dropout", 0.2}};
        resumable.schedule.name = "cosine";
        resumable.seed = 11;
        constexpr std::int64_t kBatches = 12; // 384 training samples in batches of 32

        StepLog straightLog;
        TrainingSession straight(resumable, workspace("straight"));
        straight.addObserver(&straightLog);
        const SessionResult expected = straight.run();
        QCOMPARE(expected.train.outcome, TrainOutcome::Finished);
        QCOMPARE(straightLog.steps.size(), std::size_t(3 * kBatches));

        const SessionOptions options = workspace("stopped-inside");
        const std::string db = Workspace{options.workspaceDir}.databasePath();
        std::int64_t runId = 0;
        {
            TrainingSession first(resumable, options);
            StepLog log;
            log.hook = [&](const StepMetrics &step) {
                if (step.step == 5)
                    first.requestStop();
            };
            first.addObserver(&log);
            const SessionResult stopped = first.run();
            runId = stopped.runId;
            QCOMPARE(stopped.train.outcome, TrainOutcome::Stopped);
            QCOMPARE(stopped.train.steps, std::int64_t(5));
            QCOMPARE(stopped.train.epochsCompleted, 0);
            RunStore store(db);
            QCOMPARE(store.run(runId)->status, RunStatus::Stopped);
            // Stopped in epoch 1, before any epoch's checkpoint: the stop wrote one.
            QCOMPARE(checkpointArtifacts(store, runId).size(), std::size_t(1));
        }

        StepLog resumedLog;
        {
            TrainingSession second = TrainingSession::resume(runId, options);
            resumedLog.hook = [&](const StepMetrics &step) {
                if (step.step == kBatches + 5)
                    second.requestStop();
            };
            second.addObserver(&resumedLog);
            const SessionResult stopped = second.run();
            QCOMPARE(stopped.train.outcome, TrainOutcome::Stopped);
            QCOMPARE(stopped.train.steps, kBatches + 5);
            QCOMPARE(stopped.train.epochsCompleted, 1);
        }
        QVERIFY(!resumedLog.steps.empty());
        // The step counter continues after the stop, not from 0 nor from an epoch's start.
        QCOMPARE(resumedLog.steps.front().step, std::int64_t(6));
        QCOMPARE(resumedLog.steps.front().epoch, 1);
        QCOMPARE(resumedLog.steps.front().batchInEpoch, std::int64_t(6));
        {
            RunStore store(db);
            // Epoch 1's checkpoint and the second stop's; the first stop's went when epoch 1's
            // checkpoint was written.
            const std::vector<Artifact> checkpoints = checkpointArtifacts(store, runId);
            QCOMPARE(checkpoints.size(), std::size_t(2));
            compareCheckpointsOnDisk(store, options.workspaceDir, runId);
        }

        StepLog lastLog;
        TrainingSession third = TrainingSession::resume(runId, options);
        third.addObserver(&lastLog);
        const SessionResult result = third.run();
        QCOMPARE(result.train.outcome, TrainOutcome::Finished);
        QVERIFY(!lastLog.steps.empty());
        QCOMPARE(lastLog.steps.front().step, kBatches + 6);
        QCOMPARE(lastLog.steps.front().epoch, 2);
        QCOMPARE(result.train.steps, 3 * kBatches);

        // Bitwise the uninterrupted run: each step's loss, then the final figures.
        std::vector<StepMetrics> pieced = resumedLog.steps;
        pieced.insert(pieced.end(), lastLog.steps.begin(), lastLog.steps.end());
        QCOMPARE(pieced.size(), std::size_t(3 * kBatches - 5));
        for (std::size_t i = 0; i < pieced.size(); ++i) {
            const StepMetrics &want = straightLog.steps[i + 5];
            QCOMPARE(pieced[i].step, want.step);
            QCOMPARE(pieced[i].loss, want.loss);
            QCOMPARE(pieced[i].learningRate, want.learningRate);
        }
        QCOMPARE(result.validation.loss, expected.validation.loss);
        QCOMPARE(result.validation.accuracy, expected.validation.accuracy);
        QVERIFY(result.test.has_value());
        QCOMPARE(result.test->loss, expected.test->loss);

        RunStore store(db);
        QCOMPARE(store.run(runId)->status, RunStatus::Finished);
        // Each step logged once over the three sessions, and the epochs' figures as the
        // straight run logged them (the stopped epochs' sums were carried over).
        const std::vector<MetricPoint> losses = store.metrics(runId, "train_loss");
        QCOMPARE(losses.size(), std::size_t(3 * kBatches));
        for (std::size_t i = 0; i < losses.size(); ++i)
            QCOMPARE(losses[i].step, std::int64_t(i + 1));
        const RunStore straightStore(Workspace{workspace("straight").workspaceDir}.databasePath());
        for (const char *key : {"epoch_train_loss", "train_accuracy", "val_loss"}) {
            const std::vector<MetricPoint> got = store.metrics(runId, key);
            const std::vector<MetricPoint> want = straightStore.metrics(expected.runId, key);
            QCOMPARE(got.size(), want.size());
            for (std::size_t i = 0; i < got.size(); ++i)
                QCOMPARE(got[i].value, want[i].value);
        }
        // No stop checkpoint outlives the epoch checkpoints written after it.
        for (const Artifact &artifact : checkpointArtifacts(store, runId))
            QVERIFY2(artifact.path.find("-step-") == std::string::npos, artifact.path.c_str());
        compareCheckpointsOnDisk(store, options.workspaceDir, runId);
    }

    void stopBeforeTheFirstBatchKeepsNoCheckpoint()
    {
        const SessionOptions options = workspace("stopped-at-once");
        TrainingSession session(config(), options);
        session.requestStop(); // before prepare(): applies to the trainer it creates
        const SessionResult result = session.run();
        QCOMPARE(result.train.outcome, TrainOutcome::Stopped);
        QCOMPARE(result.train.steps, std::int64_t(0));
        QVERIFY(result.train.lastCheckpoint.empty());
        RunStore store(Workspace{options.workspaceDir}.databasePath());
        QCOMPARE(store.run(result.runId)->status, RunStatus::Stopped);
        QVERIFY(checkpointArtifacts(store, result.runId).empty());

        // Nothing was trained, so resuming starts over, and says so.
        TrainingSession resumed = TrainingSession::resume(result.runId, options);
        QCOMPARE(resumed.startStep(), std::int64_t(0));
        StepLog log;
        resumed.addObserver(&log);
        QCOMPARE(resumed.run().train.outcome, TrainOutcome::Finished);
        QCOMPARE(log.steps.front().step, std::int64_t(1));
    }

    void divergenceLeavesTheRunFailed()
    {
        const SessionOptions options = workspace("diverged");
        TrainConfig diverging = config();
        diverging.optimizer.name = "sgd";
        diverging.optimizer.learningRate = 1e30;
        TrainingSession session(diverging, options);
        const SessionResult result = session.run();
        QCOMPARE(result.train.outcome, TrainOutcome::Failed);
        QVERIFY(!result.test.has_value());
        RunStore store(Workspace{options.workspaceDir}.databasePath());
        const RunRecord run = *store.run(result.runId);
        QCOMPARE(run.status, RunStatus::Failed);
        QVERIFY2(QString::fromStdString(run.failureReason).startsWith("loss became"),
                 run.failureReason.c_str());
    }

    void exceptionDuringTrainingMarksTheRunFailed()
    {
        const SessionOptions options = workspace("thrown");
        TrainingSession session(config(), options);
        StepHook hook;
        hook.hook = [](const StepMetrics &step) {
            if (step.step == 4)
                throw std::runtime_error("observer gave up");
        };
        session.addObserver(&hook);
        const std::int64_t runId = session.prepare();
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, session.run());
        RunStore store(Workspace{options.workspaceDir}.databasePath());
        const RunRecord run = *store.run(runId);
        QCOMPARE(run.status, RunStatus::Failed);
        QCOMPARE(run.failureReason, std::string("observer gave up"));
        QCOMPARE(store.metrics(runId, "train_loss").size(), std::size_t(4));
    }

    void pausedRunKeepsItsHeartbeat()
    {
        const SessionOptions options = workspace("paused");
        TrainingSession session(config(), options);
        std::atomic<std::int64_t> steps{0};
        StepHook hook;
        hook.hook = [&](const StepMetrics &step) {
            steps = step.step;
            if (step.step == 2)
                session.setPaused(true);
        };
        session.addObserver(&hook);
        const std::int64_t runId = session.prepare();
        SessionResult result;
        std::thread worker([&] { result = session.run(); });
        QTRY_COMPARE(steps.load(), std::int64_t(2));
        RunStore store(Workspace{options.workspaceDir}.databasePath());
        const std::int64_t before = store.run(runId)->heartbeatAtMs;
        QTRY_VERIFY_WITH_TIMEOUT(store.run(runId)->heartbeatAtMs > before, 5000);
        QCOMPARE(steps.load(), std::int64_t(2));
        QCOMPARE(store.run(runId)->status, RunStatus::Running);
        session.setPaused(false);
        worker.join();
        QCOMPARE(result.train.outcome, TrainOutcome::Finished);
        QCOMPARE(store.run(runId)->status, RunStatus::Finished);
    }

    void heartbeatGoesOnWhileTheLoopIsBusy()
    {
        // A step (or a validation pass, or a checkpoint) that takes long sends nothing through
        // the training loop; the heartbeat must advance anyway.
        SessionOptions options = workspace("heartbeat");
        options.heartbeatInterval = std::chrono::milliseconds(50);
        TrainConfig one = config();
        one.epochs = 1;
        TrainingSession session(one, options);
        const std::int64_t runId = session.prepare();
        const std::string db = Workspace{options.workspaceDir}.databasePath();
        std::int64_t before = 0, during = 0;
        StepHook hook;
        hook.hook = [&](const StepMetrics &step) {
            if (step.step != 3)
                return;
            RunStore reader(db);
            before = reader.run(runId)->heartbeatAtMs;
            std::this_thread::sleep_for(std::chrono::milliseconds(600));
            during = reader.run(runId)->heartbeatAtMs;
        };
        session.addObserver(&hook);
        QCOMPARE(session.run().train.outcome, TrainOutcome::Finished);
        QVERIFY2(during - before >= 300, qPrintable(QStringLiteral("%1 ms").arg(during - before)));
    }

    void badInputCreatesNoRunningRun()
    {
        const SessionOptions options = workspace("bad");
        TrainConfig missing = config();
        missing.dataset = m_dir.path().toStdString() + "/no-such-dataset";
        QVERIFY_THROWS_EXCEPTION(mf::Error, TrainingSession(missing, options).prepare());

        TrainConfig badSpec = config();
        badSpec.model = {{"type", "mlp"}, {"hidden", {32}}, {"colour", "blue"}};
        QVERIFY_THROWS_EXCEPTION(ConfigError, TrainingSession(badSpec, options).run());

        RunStore store(Workspace{options.workspaceDir}.databasePath());
        for (const RunRecord &run : store.listRuns())
            QVERIFY(run.status != RunStatus::Running);
    }

    void runWithoutValidationSamplesIsRefused()
    {
        // 512 samples: a fraction of 0.0005 rounds to no validation sample at all, and a run
        // would judge its best epoch and early stopping on nothing.
        const SessionOptions options = workspace("no-validation");
        TrainConfig tiny = config();
        tiny.validationFraction = 0.0005;
        try {
            TrainingSession(tiny, options).prepare();
            QFAIL("a run without validation samples was prepared");
        } catch (const ConfigError &error) {
            QVERIFY2(std::string(error.what()).find("leaves none for validation") !=
                         std::string::npos,
                     error.what());
        }
        TrainConfig none = config();
        none.validationFraction = 0.0;
        QVERIFY_THROWS_EXCEPTION(ConfigError, TrainingSession(none, options).prepare());
        QVERIFY(RunStore(Workspace{options.workspaceDir}.databasePath()).listRuns().empty());
    }

    void killedRunIsInterruptedAndResumable()
    {
        const SessionOptions options = workspace("killed");
        TrainConfig slow = config();
        slow.epochs = 5;
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // The child trains; from epoch 3 on each step is slowed so the parent can kill it
            // mid-epoch. It never returns into the test framework.
            try {
                TrainingSession session(slow, options);
                StepHook hook;
                hook.hook = [](const StepMetrics &step) {
                    if (step.epoch >= 3)
                        std::this_thread::sleep_for(std::chrono::milliseconds(150));
                };
                session.addObserver(&hook);
                session.run();
            } catch (...) {
                ::_exit(2);
            }
            ::_exit(0);
        }

        const std::string db = Workspace{options.workspaceDir}.databasePath();
        std::int64_t runId = 0;
        bool epochThreeFlushed = false;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (!epochThreeFlushed && std::chrono::steady_clock::now() < deadline) {
            QTest::qWait(100);
            if (!std::filesystem::exists(db))
                continue;
            RunStore watcher(db);
            const std::vector<RunRecord> runs = watcher.listRuns();
            if (runs.empty())
                continue;
            runId = runs.front().id;
            epochThreeFlushed = epochsOf(watcher.metrics(runId, "train_loss")).count(3) > 0;
        }
        ::kill(child, SIGKILL);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status));
        QVERIFY(epochThreeFlushed);

        {
            RunStore reopened(db);
            const RunRecord run = *reopened.run(runId);
            QCOMPARE(run.status, RunStatus::Interrupted);
            QCOMPARE(epochsOf(reopened.metrics(runId, "epoch_train_loss")), (std::set<int>{1, 2}));
            QVERIFY(epochsOf(reopened.metrics(runId, "train_loss")).count(3) > 0);
            QCOMPARE(reopened.artifacts(runId).size(), std::size_t(2));
        }

        TrainingSession resumed = TrainingSession::resume(runId, options);
        QCOMPARE(resumed.runId(), runId);
        {
            // The resumed run now belongs to this process: another reader opening the store
            // must not take it for the dead child's run.
            RunStore other(db);
            const RunRecord claimed = *other.run(runId);
            QCOMPARE(claimed.status, RunStatus::Running);
            QCOMPARE(claimed.pid, std::int64_t(::getpid()));
            QVERIFY(claimed.failureReason.empty());
        }
        const SessionResult result = resumed.run();
        QCOMPARE(result.train.outcome, TrainOutcome::Finished);
        QCOMPARE(result.train.epochsCompleted, 5);
        QCOMPARE(result.train.steps, std::int64_t(5 * 12));
        QVERIFY(result.test.has_value());

        RunStore after(db);
        QCOMPARE(after.run(runId)->status, RunStatus::Finished);
        const std::vector<MetricPoint> epochLosses = after.metrics(runId, "epoch_train_loss");
        QCOMPARE(epochLosses.size(), std::size_t(5));
        QCOMPARE(epochsOf(epochLosses), (std::set<int>{1, 2, 3, 4, 5}));
        // The partly trained epoch 3 was logged again after the resume, not twice.
        QCOMPARE(after.metrics(runId, "train_loss").size(), std::size_t(5 * 12));
        QVERIFY(after.artifacts(runId).size() <= 3); // the newest two and the best
        compareCheckpointsOnDisk(after, options.workspaceDir, runId);
        QVERIFY(after.latestMetrics(runId).count("test_accuracy") == 1);
    }

    void movedOrCopiedWorkspaceUsesItsOwnCheckpoints()
    {
        const SessionOptions original = workspace("before-move");
        std::int64_t runId = 0;
        {
            TrainingSession session(config(), original);
            StepHook hook;
            hook.hook = [&](const StepMetrics &step) {
                if (step.step == 14) // early in epoch 2, after the first checkpoint
                    session.requestStop();
            };
            session.addObserver(&hook);
            runId = session.run().runId;
        }
        namespace fs = std::filesystem;
        const SessionOptions copy = workspace("copied");
        fs::copy(original.workspaceDir, copy.workspaceDir, fs::copy_options::recursive);
        const SessionOptions moved = workspace("after-move");
        fs::rename(original.workspaceDir, moved.workspaceDir);

        // The copy evaluates its own files: spoiling the moved original's checkpoint does not
        // reach it.
        const Artifact movedCheckpoint = TrainingSession::evaluationCheckpoint(runId, moved);
        QVERIFY(QString::fromStdString(movedCheckpoint.path)
                    .startsWith(QString::fromStdString(moved.workspaceDir + "/")));
        const std::string bytes = testdata::readBytes(movedCheckpoint.path);
        testdata::writeBytes(movedCheckpoint.path, "spoiled");
        const EvalReport fromCopy = TrainingSession::evaluateRun(runId, copy, EvalSplit::Test);
        QCOMPARE(fromCopy.samples, std::int64_t(64));
        testdata::writeBytes(movedCheckpoint.path, bytes);

        const EvalReport fromMoved = TrainingSession::evaluateRun(runId, moved, EvalSplit::Test);
        QCOMPARE(fromMoved.accuracy, fromCopy.accuracy);
        TrainingSession resumed = TrainingSession::resume(runId, moved);
        const SessionResult result = resumed.run();
        QCOMPARE(result.train.outcome, TrainOutcome::Finished);
        QCOMPARE(result.train.epochsCompleted, 3);
        RunStore store(Workspace{moved.workspaceDir}.databasePath());
        compareCheckpointsOnDisk(store, moved.workspaceDir, runId);
        QVERIFY(!fs::exists(original.workspaceDir));
    }

    void resumingACorruptedCheckpointFails()
    {
        const SessionOptions options = workspace("tampered");
        TrainingSession session(config(), options);
        StepHook hook;
        hook.hook = [&](const StepMetrics &step) {
            if (step.step == 14) // early in epoch 2, after the first checkpoint
                session.requestStop();
        };
        session.addObserver(&hook);
        const std::int64_t runId = session.run().runId;
        RunStore store(Workspace{options.workspaceDir}.databasePath());
        const std::vector<Artifact> artifacts = store.artifacts(runId);
        // Epoch 1's checkpoint and the stop's, of step 14: the one a resume reads.
        QCOMPARE(artifacts.size(), std::size_t(2));
        const auto newest = std::max_element(
            artifacts.begin(), artifacts.end(),
            [](const Artifact &a, const Artifact &b) { return a.epoch < b.epoch; });
        QCOMPARE(newest->epoch, 2);
        std::string bytes = testdata::readBytes(newest->path);
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x55);
        testdata::writeBytes(newest->path, bytes);
        try {
            TrainingSession::resume(runId, options);
            QFAIL("a changed checkpoint was accepted");
        } catch (const DataError &e) {
            QCOMPARE(e.file(), newest->path);
            QVERIFY2(QString::fromStdString(e.reason()).contains("sha256"), e.what());
        }
        QCOMPARE(store.run(runId)->status, RunStatus::Stopped);
    }
};

MF_TEST_GUILESS_MAIN(TestTrainingSession)
#include "tst_trainingsession.moc"
