// A compression run changes training through TrainingHooks: the weights it starts from, the
// loss of a batch and what follows each step.
#include "core/train/trainer.h"
#include "core/train/traininghooks.h"
#include "tests/core/train/trainingfixtures.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using namespace mf;
using namespace mf::trainingfixtures;

class TestTrainingHooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initializeRunsOnceOnTheBuiltModelBeforeTraining()
    {
        auto hooks = std::make_shared<TrainingHooks>();
        int calls = 0;
        torch::Tensor initial;
        hooks->initialize = [&](torch::nn::Sequential &model) {
            ++calls;
            torch::NoGradGuard noGrad;
            for (torch::Tensor parameter : model->parameters())
                parameter.fill_(0.01);
            initial = flatParameters(*model).clone();
        };
        // A loss that no weight changes: the weights stay those initialize() put in.
        hooks->loss = [](const torch::Tensor &, const torch::Tensor &logits,
                         const torch::Tensor &) { return logits.sum() * 0.0; };
        TrainConfig config = smallConfig();
        config.optimizer.name = "sgd";
        config.epochs = 2;
        TrainerOptions options;
        options.hooks = hooks;
        Trainer trainer(config, imageDataset(64, 4, 1), imageDataset(16, 4, 2), options);
        QCOMPARE(calls, 1);
        QCOMPARE(trainer.run().outcome, TrainOutcome::Finished);
        QCOMPARE(calls, 1);
        QVERIFY(torch::equal(flatParameters(*trainer.model()), initial));
    }

    void lossHookSeesTheBatchAndReplacesTheConfigLoss()
    {
        auto hooks = std::make_shared<TrainingHooks>();
        std::int64_t samples = 0;
        hooks->loss = [&](const torch::Tensor &inputs, const torch::Tensor &logits,
                          const torch::Tensor &labels) {
            samples += inputs.size(0);
            if (labels.size(0) != inputs.size(0) || logits.size(0) != inputs.size(0))
                throw std::runtime_error("batch parts disagree");
            return torch::nn::functional::cross_entropy(logits, labels) * 2.0;
        };
        TrainConfig config = smallConfig();
        config.epochs = 1;
        TrainerOptions options;
        options.hooks = hooks;
        Trainer hooked(config, imageDataset(64, 4, 1), imageDataset(16, 4, 2), options);
        const TrainResult withHook = hooked.run();
        QCOMPARE(samples, std::int64_t(64));
        Trainer plain(config, imageDataset(64, 4, 1), imageDataset(16, 4, 2));
        const TrainResult without = plain.run();
        // Twice the gradient moves Adam's first steps alike, but not its whole run.
        QVERIFY(!torch::equal(flatParameters(*hooked.model()), flatParameters(*plain.model())));
        QVERIFY(withHook.outcome == TrainOutcome::Finished &&
                without.outcome == TrainOutcome::Finished);
    }

    void afterStepFollowsEveryOptimiserStep()
    {
        auto hooks = std::make_shared<TrainingHooks>();
        std::vector<std::int64_t> steps;
        torch::nn::Sequential model{nullptr};
        hooks->initialize = [&](torch::nn::Sequential &built) { model = built; };
        // Zeroing one weight after each step keeps it zero at the end, whatever the optimiser.
        hooks->afterStep = [&](std::int64_t taken) {
            steps.push_back(taken);
            torch::NoGradGuard noGrad;
            model->parameters().front().view(-1)[0].zero_();
        };
        TrainConfig config = smallConfig();
        config.epochs = 2;
        config.batchSize = 16;
        TrainerOptions options;
        options.hooks = hooks;
        Trainer trainer(config, imageDataset(64, 4, 1), imageDataset(16, 4, 2), options);
        const TrainResult result = trainer.run();
        QCOMPARE(result.outcome, TrainOutcome::Finished);
        QCOMPARE(steps.size(), std::size_t(8));
        for (std::size_t i = 0; i < steps.size(); ++i)
            QCOMPARE(steps[i], std::int64_t(i + 1));
        QCOMPARE(trainer.model()->parameters().front().view(-1)[0].item<float>(), 0.0f);
    }
};

MF_TEST_GUILESS_MAIN(TestTrainingHooks)
#include "tst_traininghooks.moc"
