#include "core/dist/pipelineparallel.h"
#include "core/train/trainer.h"
#include "tests/core/dist/localjob.h"
#include "tests/core/train/trainingfixtures.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <torch/torch.h>

using namespace mf;
using namespace mf::trainingfixtures;

namespace {

/// No dropout and no batch norm (a micro-batch's masks and statistics differ from the batch's).
TrainConfig pipelineConfig(const nlohmann::json &model)
{
    TrainConfig config = smallConfig();
    config.model = model;
    config.epochs = 2;
    config.batchSize = 32;
    return config;
}

struct StopAtStep : TrainerObserver
{
    Trainer *trainer = nullptr;
    std::int64_t stopAt = 0;
    void onStep(const StepMetrics &step) override
    {
        if (step.step == stopAt)
            trainer->requestStop();
    }
};

} // namespace

class TestPipelineTraining : public QObject
{
    Q_OBJECT

private:
    Dataset m_train = imageDataset(256, 4, 1);
    Dataset m_validation = imageDataset(64, 4, 2);

private Q_SLOTS:
    void stagesEqualOneProcessOnTheWholeBatch_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QList<int>>("boundaries");
        QTest::addColumn<int>("stages");
        QTest::addColumn<QString>("schedule");
        const QString mlp = R"({"type":"mlp","hidden":[32,16]})";
        const QString cnn = R"({"type":"cnn","conv":[4,8],"fc":[16]})";
        QTest::newRow("mlp, balanced") << mlp << QList<int>{} << 2 << "gpipe";
        QTest::newRow("mlp, cut after the first layer") << mlp << QList<int>{1} << 2 << "gpipe";
        QTest::newRow("cnn, balanced") << cnn << QList<int>{} << 2 << "gpipe";
        QTest::newRow("mlp, 1f1b") << mlp << QList<int>{} << 2 << "1f1b";
        QTest::newRow("cnn, 3 stages, 1f1b") << cnn << QList<int>{} << 3 << "1f1b";
        QTest::newRow("mlp, 3 stages, gpipe") << mlp << QList<int>{2, 4} << 3 << "gpipe";
    }

    void stagesEqualOneProcessOnTheWholeBatch()
    {
        // 4 micro-batches of 8 through the stages against one process on the batch of 32.
        QFETCH(QString, model);
        QFETCH(QList<int>, boundaries);
        QFETCH(int, stages);
        QFETCH(QString, schedule);
        const TrainConfig config = pipelineConfig(nlohmann::json::parse(model.toStdString()));
        Trainer single(config, m_train, m_validation, referenceKernels());
        const TrainResult expected = single.run();
        const torch::Tensor expectedWeights = flatParameters(*single.model());

        std::vector<torch::Tensor> weights(static_cast<std::size_t>(stages));
        std::vector<TrainResult> results(static_cast<std::size_t>(stages));
        testjob::runLocalJob(stages, [&](int rank, std::shared_ptr<Collectives> collectives) {
            TrainerOptions options = referenceKernels();
            options.pipeline = std::make_shared<PipelineParallel>(
                collectives, 4, std::vector<std::size_t>(boundaries.begin(), boundaries.end()),
                *pipelineScheduleFromName(schedule.toStdString()));
            Trainer trainer(config, m_train, m_validation, options);
            results[rank] = trainer.run();
            weights[rank] = flatParameters(*trainer.model());
        });
        QCOMPARE(results[0].steps, expected.steps);
        QVERIFY(!results[0].pipelineStages.empty());
        for (int rank = 1; rank < stages; ++rank) // every rank holds the whole model
            QVERIFY(torch::equal(weights[0], weights[rank]));
        const double difference = (weights[0] - expectedWeights).abs().max().item<double>();
        QVERIFY2(difference < 1e-5, qPrintable(QString::number(difference)));
        QVERIFY(std::abs(results[0].last.trainLoss - expected.last.trainLoss) < 1e-5);
        QVERIFY(std::abs(results[0].last.trainAccuracy - expected.last.trainAccuracy) < 1e-9);
        QVERIFY(std::abs(results[1].last.valAccuracy - expected.last.valAccuracy) < 1e-9);
    }

    void aStoppedPipelineResumesAsIfUninterrupted()
    {
        // Adam's moments of stage 1's parameters live on rank 1: unless rank 0's checkpoint
        // gathers them, the resumed stage 1 starts its moments over and drifts away.
        const TrainConfig config =
            pipelineConfig(nlohmann::json::parse(R"({"type":"mlp","hidden":[32,16]})"));
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const auto job = [&](const std::string &checkpoints, std::int64_t stopAt,
                             const std::string &restore) {
            std::vector<torch::Tensor> weights(2);
            std::vector<TrainResult> results(2);
            testjob::runLocalJob(2, [&](int rank, std::shared_ptr<Collectives> collectives) {
                TrainerOptions options = referenceKernels();
                options.pipeline = std::make_shared<PipelineParallel>(
                    collectives, 4, std::vector<std::size_t>{1}, PipelineSchedule::OneFOneB);
                if (rank == 0)
                    options.checkpointDir = checkpoints;
                Trainer trainer(config, m_train, m_validation, options);
                if (!restore.empty())
                    trainer.restoreCheckpoint(restore);
                StopAtStep stop;
                stop.trainer = &trainer;
                stop.stopAt = rank == 1 ? stopAt : 0; // any rank's stop ends the job
                trainer.addObserver(&stop);
                results[rank] = trainer.run();
                weights[rank] = flatParameters(*trainer.model());
            });
            return std::make_pair(results[0], weights[0]);
        };
        const auto [straight, straightWeights] =
            job(directory.filePath("straight").toStdString(), 0, {});
        const auto [stopped, stoppedWeights] =
            job(directory.filePath("stopped").toStdString(), 5, {});
        QCOMPARE(stopped.outcome, TrainOutcome::Stopped);
        QCOMPARE(stopped.steps, std::int64_t(6)); // the request rides with the next step
        const auto [resumed, resumedWeights] =
            job(directory.filePath("resumed").toStdString(), 0, stopped.lastCheckpoint);
        QCOMPARE(resumed.outcome, TrainOutcome::Finished);
        QCOMPARE(resumed.steps, straight.steps);
        const double difference = (resumedWeights - straightWeights).abs().max().item<double>();
        QVERIFY2(difference < 1e-6, qPrintable(QString::number(difference)));
    }

    void whatAStageCannotDoIsRefused()
    {
        TrainConfig config = pipelineConfig({{"type", "mlp"}, {"hidden", {8}}});
        config.clipGradNorm = 1.0;
        testjob::runLocalJob(1, [&](int, std::shared_ptr<Collectives> collectives) {
            TrainerOptions options;
            options.pipeline = std::make_shared<PipelineParallel>(collectives, 2);
            const std::string message = testdata::errorMessage(
                [&] { Trainer trainer(config, m_train, m_validation, options); });
            QVERIFY2(message.find("does not support gradient clipping") != std::string::npos,
                     message.c_str());
        });
    }
};

MF_TEST_GUILESS_MAIN(TestPipelineTraining)
#include "tst_pipelinetraining.moc"
