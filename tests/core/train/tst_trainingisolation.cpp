// A training shares its process with evaluations (the Runs section evaluates on a thread of its
// own while the Train section trains): neither may change what the other computes.
#include "core/models/modelfactory.h"
#include "core/train/trainer.h"
#include "core/train/trainingsession.h"
#include "tests/core/train/trainingfixtures.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace mf;
using namespace mf::trainingfixtures;

class TestTrainingIsolation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SessionOptions m_options;
    std::int64_t m_finishedRun = 0;

    static TrainConfig isolationConfig()
    {
        TrainConfig config = smallConfig(); // an MLP with dropout: the masks are drawn per batch
        config.model = {{"type", "mlp"}, {"hidden", {64, 32}}, {"dropout", 0.3}};
        config.epochs = 6;
        config.batchSize = 16;
        return config;
    }

    // Holds each epoch's end until the evaluator has finished one more evaluation, so that
    // evaluations run during every epoch however fast the training is on this machine.
    class EpochAwaitsEvaluation : public TrainerObserver
    {
    public:
        explicit EpochAwaitsEvaluation(const std::atomic<int> &evaluations)
            : m_evaluations(evaluations), m_seen(evaluations.load())
        {
        }
        void onEpoch(const EpochMetrics &) override
        {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
            while (m_evaluations.load() <= m_seen && std::chrono::steady_clock::now() < deadline)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            m_seen = m_evaluations.load();
        }

    private:
        const std::atomic<int> &m_evaluations;
        int m_seen;
    };

    static torch::Tensor trainedParameters(TrainerObserver *observer = nullptr)
    {
        Trainer trainer(isolationConfig(), imageDataset(768, 4, 1), imageDataset(64, 4, 2));
        if (observer)
            trainer.addObserver(observer);
        const TrainResult result = trainer.run();
        if (result.outcome != TrainOutcome::Finished)
            qFatal("the isolation run did not finish: %s", result.failureReason.c_str());
        return flatParameters(*trainer.model());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const std::string dataset = m_dir.path().toStdString() + "/mnist";
        testdata::writeMnistLayout(dataset, testdata::makeImageSet(256, 4, 1, 8, 8, 1),
                                   testdata::makeImageSet(64, 4, 1, 8, 8, 2));
        TrainConfig config = smallConfig();
        config.dataset = dataset;
        config.epochs = 1;
        config.seed = 99; // another seed than the training beside it
        config.threads = 2;
        m_options.workspaceDir = m_dir.path().toStdString() + "/ws";
        TrainingSession session(config, m_options);
        m_finishedRun = session.run().runId;
    }

    void evaluationBesideTrainingLeavesTheTrainingBitwiseEqual()
    {
        const torch::Tensor alone = trainedParameters();
        const int threadsBefore = at::get_num_threads();

        std::atomic<bool> training{true};
        std::atomic<int> evaluations{0};
        std::string evaluationError;
        std::thread evaluator([&] {
            try {
                while (training.load()) {
                    TrainingSession::evaluateRun(m_finishedRun, m_options, EvalSplit::Test);
                    ++evaluations;
                }
            } catch (const std::exception &error) {
                evaluationError = error.what();
            }
        });
        EpochAwaitsEvaluation awaitEvaluation(evaluations);
        const torch::Tensor beside = trainedParameters(&awaitEvaluation);
        training = false;
        evaluator.join();

        QVERIFY2(evaluationError.empty(), evaluationError.c_str());
        QVERIFY2(evaluations.load() >= isolationConfig().epochs,
                 "the evaluations did not overlap the training");
        QVERIFY(torch::equal(alone, beside));
        QCOMPARE(at::get_num_threads(), threadsBefore); // an evaluation sets no thread count
    }

    void seededBuildLeavesTheGlobalGeneratorAlone()
    {
        torch::manual_seed(5);
        const torch::Tensor expected = torch::rand({8});
        torch::manual_seed(5);
        auto built = buildModel(isolationConfig().model, {1, 8, 8}, 4, 123);
        QVERIFY(torch::equal(torch::rand({8}), expected));

        // And a seeded build is the build after torch::manual_seed(seed).
        torch::manual_seed(123);
        auto reference = buildModel(isolationConfig().model, {1, 8, 8}, 4);
        QVERIFY(torch::equal(flatParameters(*built), flatParameters(*reference)));
    }
};

MF_TEST_GUILESS_MAIN(TestTrainingIsolation)
#include "tst_trainingisolation.moc"
