// Training with an augmentation pipeline: the trainer, the normalisation rule, and a session
// that stores its pipeline and resumes with the stored copy.
#include "core/augment/augmentpipeline.h"
#include "core/augment/pipelinefile.h"
#include "core/data/datasetstats.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/train/trainer.h"
#include "core/train/trainingsession.h"
#include "core/util/error.h"
#include "tests/core/train/trainingfixtures.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <functional>

using namespace mf;
using namespace mf::trainingfixtures;

namespace {

std::shared_ptr<const AugmentPipeline> pipelineOf(const std::string &json)
{
    return std::make_shared<const AugmentPipeline>(
        AugmentPipeline::fromJson(nlohmann::json::parse(json)));
}

const char *const kCropFlip = R"({"operations": [
    {"op": "random_crop", "padding": 1},
    {"op": "horizontal_flip"},
    {"op": "brightness", "strength": 0.2}]})";

class LossProbe : public TrainerObserver
{
public:
    std::vector<double> losses;
    std::function<void(const StepMetrics &)> hook;
    void onStep(const StepMetrics &step) override
    {
        losses.push_back(step.loss);
        if (hook)
            hook(step);
    }
};

} // namespace

class TestAugmentedTraining : public QObject
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

    TrainConfig sessionConfig(const std::string &pipelineFile) const
    {
        TrainConfig config;
        config.dataset = m_dataset;
        config.model = {{"type", "mlp"}, {"hidden", {32}}};
        config.optimizer.learningRate = 0.01;
        config.epochs = 3;
        config.batchSize = 32;
        config.validationFraction = 0.25;
        config.threads = 1;
        config.augmentation = pipelineFile;
        return config;
    }

    std::string writePipeline(const std::string &name, const std::string &json) const
    {
        const std::string path = m_dir.path().toStdString() + "/" + name;
        testdata::writeBytes(path, json);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dataset = m_dir.path().toStdString() + "/mnist";
        testdata::writeMnistLayout(m_dataset, testdata::makeImageSet(512, 4, 1, 8, 8, 1),
                                   testdata::makeImageSet(64, 4, 1, 8, 8, 2));
    }

    void trainingWithAugmentationFinishes()
    {
        const Dataset train = imageDataset(256, 4, 1);
        const Dataset validation = imageDataset(64, 4, 2);
        LossProbe plainLosses, augmentedLosses;
        Trainer plain(smallConfig(), train, validation);
        plain.addObserver(&plainLosses);
        QCOMPARE(plain.run().outcome, TrainOutcome::Finished);

        TrainerOptions options;
        options.augmentation = pipelineOf(kCropFlip);
        Trainer augmented(smallConfig(), train, validation, options);
        augmented.addObserver(&augmentedLosses);
        const TrainResult result = augmented.run();
        QCOMPARE(result.outcome, TrainOutcome::Finished);
        QCOMPARE(result.epochsCompleted, 3);
        QCOMPARE(augmentedLosses.losses.size(), plainLosses.losses.size());
        for (double loss : augmentedLosses.losses)
            QVERIFY(std::isfinite(loss));
        QVERIFY(result.last.valAccuracy > 0.5);
        // The first batch is the same samples, augmented: the loss differs from step 1 on.
        QVERIFY(augmentedLosses.losses.front() != plainLosses.losses.front());
    }

    void validationIsNormalisedLikeTheTrainingBatches()
    {
        const Dataset train = imageDataset(64, 2, 3, 3, 6);
        const Dataset validation = imageDataset(16, 2, 4, 3, 6);
        TrainConfig config = smallConfig();
        config.model = {{"type", "mlp"}, {"hidden", {8}}};

        Trainer own(config, train, validation);
        const ChannelStats splitStats = computeChannelStats(train);
        QCOMPARE(own.normalization().mean, splitStats.mean);

        TrainerOptions options;
        options.augmentation = pipelineOf(kCropFlip);
        Trainer withoutNormalize(config, train, validation, options);
        QCOMPARE(withoutNormalize.normalization().mean, splitStats.mean);
        QCOMPARE(withoutNormalize.normalization().std, splitStats.std);

        options.augmentation = pipelineOf(R"({"operations": [{"op": "horizontal_flip"},
            {"op": "normalize", "mean": [0.4, 0.5, 0.6], "std": [0.2]}]})");
        for (bool normalize : {true, false}) {
            config.normalize = normalize;
            Trainer withNormalize(config, train, validation, options);
            QCOMPARE(withNormalize.normalization().mean, (std::vector<double>{0.4, 0.5, 0.6}));
            QCOMPARE(withNormalize.normalization().std, (std::vector<double>{0.2, 0.2, 0.2}));
        }
    }

    void aPipelineThatDoesNotSuitTheImagesFailsAtOnce()
    {
        TrainerOptions options;
        options.augmentation = pipelineOf(R"({"operations": [{"op": "contrast"}]})");
        const std::string error = testdata::errorMessage([&] {
            Trainer trainer(smallConfig(), imageDataset(32, 2, 1, 2), imageDataset(8, 2, 2, 2),
                            options);
        });
        QVERIFY2(error.rfind("augmentation: operations[0]: ", 0) == 0, error.c_str());
    }

    void aSessionStoresItsPipelineAndResumesWithIt()
    {
        const std::string pipelineFile = writePipeline("resume.json", kCropFlip);

        const SessionOptions straightOptions = workspace("straight");
        TrainingSession straight(sessionConfig(pipelineFile), straightOptions);
        const std::int64_t straightId = straight.prepare();
        const SessionResult expected = straight.run();
        QCOMPARE(expected.train.outcome, TrainOutcome::Finished);
        {
            RunStore store(Workspace{straightOptions.workspaceDir}.databasePath());
            const std::map<std::string, std::string> params = store.params(straightId);
            QCOMPARE(params.at("augmentation"), pipelineFile);
            QCOMPARE(nlohmann::json::parse(params.at("augmentation_pipeline")),
                     loadAugmentPipeline(pipelineFile).toJson());
        }

        const SessionOptions options = workspace("interrupted");
        TrainingSession first(sessionConfig(pipelineFile), options);
        LossProbe stopper;
        stopper.hook = [&](const StepMetrics &step) {
            if (step.step == 14) // in epoch 2, after the first checkpoint
                first.requestStop();
        };
        first.addObserver(&stopper);
        const std::int64_t runId = first.prepare();
        QCOMPARE(first.run().train.outcome, TrainOutcome::Stopped);

        // The file changes after the run began; the resumed run keeps the stored pipeline.
        const char *const other = R"({"operations": [{"op": "vertical_flip", "probability": 1}]})";
        writePipeline("resume.json", other);
        TrainingSession resumed = TrainingSession::resume(runId, options);
        const SessionResult result = resumed.run();
        QCOMPARE(result.train.outcome, TrainOutcome::Finished);
        QCOMPARE(result.validation.loss, expected.validation.loss);
        QCOMPARE(result.test->loss, expected.test->loss);

        // The changed file would have trained another model.
        TrainingSession changed(sessionConfig(pipelineFile), workspace("changed"));
        QVERIFY(changed.run().validation.loss != expected.validation.loss);
    }

    void aBadPipelineFileCreatesNoRun()
    {
        const std::string pipelineFile =
            writePipeline("bad.json", R"({"operations": [{"op": "random_crop", "padding": -1}]})");
        const SessionOptions options = workspace("bad");
        TrainingSession session(sessionConfig(pipelineFile), options);
        const std::string error = testdata::errorMessage([&] { session.prepare(); });
        const std::string expected = "augmentation: " + pipelineFile + ": operations[0].padding: ";
        QVERIFY2(error.rfind(expected, 0) == 0, error.c_str());
        const std::string db = Workspace{options.workspaceDir}.databasePath();
        if (std::filesystem::exists(db))
            QVERIFY(RunStore(db).listRuns().empty());
    }
};

MF_TEST_GUILESS_MAIN(TestAugmentedTraining)
#include "tst_augmentedtraining.moc"
