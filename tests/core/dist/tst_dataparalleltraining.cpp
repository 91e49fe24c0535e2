#include "core/dist/dataparallel.h"
#include "core/train/trainer.h"
#include "tests/core/dist/localjob.h"
#include "tests/core/train/trainingfixtures.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <array>

#include <torch/torch.h>

using namespace mf;
using namespace mf::trainingfixtures;

namespace {

/// No dropout (its masks depend on the batch a sample is in), Adam, 2 epochs.
TrainConfig equalityConfig(std::int64_t batchSize)
{
    TrainConfig config = smallConfig();
    config.model = {{"type", "mlp"}, {"hidden", {32}}};
    config.epochs = 2;
    config.batchSize = batchSize;
    return config;
}

/// A CNN with batch norm after each convolution, whose statistics span the batch.
TrainConfig batchNormConfig(std::int64_t batchSize, bool sync)
{
    TrainConfig config = equalityConfig(batchSize);
    config.model = {{"type", "cnn"},      {"conv", {4, 6}}, {"kernel", 3}, {"padding", 1},
                    {"batch_norm", true}, {"pool", 2},      {"fc", {16}}};
    config.syncBatchNorm = sync;
    return config;
}

/// The running means and variances of every batch norm, flat.
torch::Tensor flatRunningStatistics(torch::nn::Module &model)
{
    std::vector<torch::Tensor> flat;
    for (const auto &buffer : model.named_buffers())
        if (buffer.key().find("running_") != std::string::npos)
            flat.push_back(buffer.value().detach().reshape({-1}).clone());
    return torch::cat(flat);
}

struct StepCounter : TrainerObserver
{
    std::function<void(const StepMetrics &)> onStepHook;
    std::vector<double> losses;
    void onStep(const StepMetrics &step) override
    {
        losses.push_back(step.loss);
        if (onStepHook)
            onStepHook(step);
    }
};

} // namespace

class TestDataParallelTraining : public QObject
{
    Q_OBJECT

private:
    Dataset m_train = imageDataset(256, 4, 1);
    Dataset m_validation = imageDataset(64, 4, 2);

private Q_SLOTS:
    void twoRanksEqualOneProcessOnTheUnionOfTheirBatches()
    {
        // Rank r trains on positions r, r + 2, ... of each epoch's order, 16 a step; one process
        // with batches of 32 trains on the union of the two ranks' batches at every step.
        Trainer single(equalityConfig(32), m_train, m_validation, referenceKernels());
        StepCounter singleSteps;
        single.addObserver(&singleSteps);
        const TrainResult expected = single.run();
        const torch::Tensor expectedWeights = flatParameters(*single.model());

        std::vector<torch::Tensor> weights(2);
        std::vector<TrainResult> results(2);
        std::vector<std::vector<double>> losses(2);
        testjob::runLocalJob(2, [&](int rank, std::shared_ptr<Collectives> collectives) {
            TrainerOptions options = referenceKernels();
            options.dataParallel = std::make_shared<DataParallel>(collectives);
            Trainer trainer(equalityConfig(16), m_train, m_validation, options);
            StepCounter steps;
            trainer.addObserver(&steps);
            results[rank] = trainer.run();
            weights[rank] = flatParameters(*trainer.model());
            losses[rank] = steps.losses;
        });

        QCOMPARE(results[0].steps, expected.steps);
        QCOMPARE(results[0].steps, std::int64_t(16));  // 8 a epoch on each rank
        QVERIFY(torch::equal(weights[0], weights[1])); // the ranks never drift apart
        const double difference = (weights[0] - expectedWeights).abs().max().item<double>();
        QVERIFY2(difference < 1e-5, qPrintable(QString::number(difference)));
        // The job reports its own figures: the mean loss of each step over the ranks, the
        // epoch's training loss over all samples, the same validation on every rank.
        QCOMPARE(losses[0].size(), singleSteps.losses.size());
        for (std::size_t i = 0; i < losses[0].size(); ++i)
            QVERIFY(std::abs(losses[0][i] - singleSteps.losses[i]) < 1e-5);
        QVERIFY(std::abs(results[0].last.trainLoss - expected.last.trainLoss) < 1e-5);
        QVERIFY(std::abs(results[0].last.trainAccuracy - expected.last.trainAccuracy) < 1e-9);
        QVERIFY(std::abs(results[0].last.valAccuracy - expected.last.valAccuracy) < 1e-9);
        QCOMPARE(results[1].last.trainLoss, results[0].last.trainLoss);
        QCOMPARE(results[1].last.valLoss, results[0].last.valLoss);
    }

    void aStopAskedOfOneRankStopsAllAtTheSameStep()
    {
        // Were the other rank to go on, it would wait in its next all-reduce until the timeout.
        std::vector<TrainResult> results(2);
        testjob::runLocalJob(2, [&](int rank, std::shared_ptr<Collectives> collectives) {
            TrainerOptions options = referenceKernels();
            options.dataParallel = std::make_shared<DataParallel>(collectives);
            Trainer trainer(equalityConfig(16), m_train, m_validation, options);
            StepCounter steps;
            if (rank == 1)
                steps.onStepHook = [&](const StepMetrics &step) {
                    if (step.step == 3)
                        trainer.requestStop();
                };
            trainer.addObserver(&steps);
            results[rank] = trainer.run();
        });
        // The request rides with step 4's gradients; both stop after it.
        for (const TrainResult &result : results) {
            QCOMPARE(result.outcome, TrainOutcome::Stopped);
            QCOMPARE(result.steps, std::int64_t(4));
        }
    }

    void syncBatchNormEqualsOneProcessOnTheUnionOfTheirBatches()
    {
        Trainer single(batchNormConfig(32, false), m_train, m_validation, referenceKernels());
        const TrainResult expected = single.run();
        const torch::Tensor expectedWeights = flatParameters(*single.model());
        const torch::Tensor expectedStatistics = flatRunningStatistics(*single.model());

        for (const bool sync : {true, false}) {
            std::vector<torch::Tensor> weights(2), statistics(2);
            std::vector<TrainResult> results(2);
            testjob::runLocalJob(2, [&](int rank, std::shared_ptr<Collectives> collectives) {
                TrainerOptions options = referenceKernels();
                options.dataParallel = std::make_shared<DataParallel>(collectives);
                Trainer trainer(batchNormConfig(16, sync), m_train, m_validation, options);
                results[rank] = trainer.run();
                weights[rank] = flatParameters(*trainer.model());
                statistics[rank] = flatRunningStatistics(*trainer.model());
            });
            QCOMPARE(results[0].steps, expected.steps);
            const double weightGap = (weights[0] - expectedWeights).abs().max().item<double>();
            const double statisticsGap =
                (statistics[0] - expectedStatistics).abs().max().item<double>();
            const QString gaps = QStringLiteral("sync %1: weights %2, running statistics %3")
                                     .arg(sync)
                                     .arg(weightGap)
                                     .arg(statisticsGap);
            if (sync) {
                QVERIFY2(weightGap < 1e-5, qPrintable(gaps));
                QVERIFY2(statisticsGap < 1e-5, qPrintable(gaps));
                // The ranks' statistics are the job's, so they stay equal too.
                QVERIFY(torch::allclose(statistics[0], statistics[1], 0.0, 1e-6));
                QVERIFY(std::abs(results[0].last.valAccuracy - expected.last.valAccuracy) < 1e-9);
            } else {
                // Each rank normalises by its own 16 samples: not the same training.
                QVERIFY2(weightGap > 1e-4, qPrintable(gaps));
                QVERIFY2(!torch::allclose(statistics[0], statistics[1], 0.0, 1e-6),
                         qPrintable(gaps));
            }
        }
    }

    void tensorsGoThroughTheGroupForTheirDevice()
    {
        // CPU tensors through Gloo; CUDA tensors through NCCL only where this build has it (a
        // CPU build keeps Gloo, whose all-reduce takes CUDA tensors where Gloo was built so).
        std::array<bool, 2> cpuSame{}, cudaSame{}; // not vector<bool>: two threads write
        std::vector<int> localRanks(2);
        std::vector<std::string> backends(2);
        testjob::runLocalJob(2, [&](int rank, std::shared_ptr<Collectives> collectives) {
            cpuSame[rank] = collectives->forTensorsOn(torch::kCPU) == collectives;
            localRanks[rank] = collectives->localRank();
            DataParallel parallel(collectives);
            parallel.useDevice(torch::Device("cuda:0"));
            backends[rank] = parallel.backend();
            cudaSame[rank] = collectives->forTensorsOn(torch::Device("cuda:0")) == collectives;
        });
        for (int rank = 0; rank < 2; ++rank) {
            QVERIFY(cpuSame[rank]);
            QCOMPARE(localRanks[rank], rank);
            if (!Collectives::ncclBuilt()) {
                QVERIFY(cudaSame[rank]);
                QCOMPARE(backends[rank], std::string("gloo"));
            } else {
                QVERIFY(!cudaSame[rank]);
                QCOMPARE(backends[rank], std::string("nccl"));
            }
        }
    }

    void ranksStartFromTheLeadersWeights()
    {
        // Different seeds build different models; the broadcast makes them rank 0's.
        std::vector<torch::Tensor> weights(2);
        testjob::runLocalJob(2, [&](int rank, std::shared_ptr<Collectives> collectives) {
            TrainConfig config = equalityConfig(16);
            config.seed = 100 + static_cast<std::uint64_t>(rank);
            config.epochs = 1;
            TrainerOptions options = referenceKernels();
            options.dataParallel = std::make_shared<DataParallel>(collectives);
            Trainer trainer(config, m_train, m_validation, options);
            trainer.run();
            weights[rank] = flatParameters(*trainer.model());
        });
        QVERIFY(torch::equal(weights[0], weights[1]));
    }
};

MF_TEST_GUILESS_MAIN(TestDataParallelTraining)
#include "tst_dataparalleltraining.moc"
