#include "core/train/autocastscope.h"
#include "core/train/gradscaler.h"
#include "core/train/trainer.h"
#include "core/train/traininghooks.h"
#include "tests/core/train/trainingfixtures.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <torch/torch.h>

#include <cmath>
#include <thread>

using namespace mf;

class TestMixedPrecision : public QObject
{
    Q_OBJECT

private:
    torch::nn::Linear m_layer{torch::nn::Linear(8, 4)};
    torch::Tensor m_inputs = torch::randn({3, 8});

private Q_SLOTS:
    void namesAreRead()
    {
        QCOMPARE(mixedPrecisionFromName("off"), std::optional(MixedPrecision::Off));
        QCOMPARE(mixedPrecisionFromName("bf16"), std::optional(MixedPrecision::Bf16));
        QCOMPARE(mixedPrecisionFromName("fp16"), std::optional(MixedPrecision::Fp16));
        QVERIFY(!mixedPrecisionFromName("fp8").has_value());
    }

    void bf16AutocastOnTheCpuLastsItsScope()
    {
        {
            const AutocastScope autocast(MixedPrecision::Bf16, torch::kCPU);
            QCOMPARE(m_layer->forward(m_inputs).scalar_type(), torch::kBFloat16);
            // Autocast is thread-local: another thread computes in float meanwhile.
            torch::ScalarType elsewhere = torch::kBFloat16;
            std::thread other([&] { elsewhere = m_layer->forward(m_inputs).scalar_type(); });
            other.join();
            QCOMPARE(elsewhere, torch::kFloat32);
        }
        QCOMPARE(m_layer->forward(m_inputs).scalar_type(), torch::kFloat32);
    }

    void offAndCudaAutocastLeaveCpuTensorsAlone()
    {
        {
            const AutocastScope autocast(MixedPrecision::Off, torch::kCPU);
            QCOMPARE(m_layer->forward(m_inputs).scalar_type(), torch::kFloat32);
        }
        {
            // What a CPU-only build does with a CUDA run's scope: nothing to its CPU tensors.
            const AutocastScope autocast(MixedPrecision::Fp16, torch::Device(torch::kCUDA, 0));
            QCOMPARE(m_layer->forward(m_inputs).scalar_type(), torch::kFloat32);
        }
    }

    void scalerScalesUnscalesAndBacksOff()
    {
        GradScaler::Options options;
        options.initialScale = 1024.0;
        options.growthInterval = 3;
        GradScaler scaler(options);
        QCOMPARE(scaler.scaled(torch::tensor(0.5)).item<double>(), 512.0);

        torch::Tensor weight = torch::zeros({2}, torch::requires_grad());
        weight.mutable_grad() = torch::tensor({2048.0f, -1024.0f});
        QVERIFY(!scaler.unscale({weight}));
        QVERIFY(torch::equal(weight.grad(), torch::tensor({2.0f, -1.0f})));

        weight.mutable_grad() = torch::tensor({INFINITY, 1.0f});
        QVERIFY(scaler.unscale({weight})); // an overflow: skip the step
        scaler.update(true);
        QCOMPARE(scaler.scale(), 512.0);
        // Three clean steps in a row double it; an overflow in between starts the count again.
        scaler.update(false);
        scaler.update(false);
        QCOMPARE(scaler.scale(), 512.0);
        scaler.update(false);
        QCOMPARE(scaler.scale(), 1024.0);
        // Parameters without a gradient are passed over.
        torch::Tensor frozen = torch::zeros({2});
        QVERIFY(!scaler.unscale({frozen}));
    }

    void runningOutOfDeviceMemoryFailsTheRun()
    {
        // LibTorch's CUDA allocator throws c10::OutOfMemoryError; here a loss hook does, in the
        // first step of epoch 2 (48 training samples: 2 batches of 32 an epoch).
        auto hooks = std::make_shared<TrainingHooks>();
        int calls = 0;
        hooks->loss = [&](const torch::Tensor &, const torch::Tensor &logits,
                          const torch::Tensor &labels) {
            if (++calls == 3)
                C10_THROW_ERROR(OutOfMemoryError, "CUDA out of memory. Tried to allocate 2.00 GiB");
            return torch::nn::functional::cross_entropy(logits, labels);
        };
        TrainerOptions options;
        options.hooks = hooks;
        Trainer trainer(trainingfixtures::smallConfig(), trainingfixtures::imageDataset(64, 4, 1),
                        trainingfixtures::imageDataset(16, 4, 2), options);
        const TrainResult result = trainer.run();
        QCOMPARE(result.outcome, TrainOutcome::Failed);
        QVERIFY2(
            QString::fromStdString(result.failureReason)
                .startsWith(QStringLiteral("out of memory on cpu at epoch 2 with batches of "
                                           "32: try a smaller batch size (CUDA out of memory")),
            result.failureReason.c_str());
        QCOMPARE(result.epochsCompleted, 1);
        QCOMPARE(result.steps, std::int64_t(2));
    }

    void bf16TrainingOnTheCpuLearns()
    {
        TrainConfig config = trainingfixtures::smallConfig();
        config.epochs = 2;
        const Dataset train = trainingfixtures::imageDataset(256, 4, 1);
        const Dataset validation = trainingfixtures::imageDataset(64, 4, 2);
        Trainer exact(config, train, validation);
        exact.run();
        config.amp = "bf16";
        Trainer mixed(config, train, validation);
        const TrainResult result = mixed.run();
        QCOMPARE(result.outcome, TrainOutcome::Finished);
        QVERIFY2(result.bestValAccuracy > 0.6, qPrintable(QString::number(result.bestValAccuracy)));
        // It did compute in bf16: the weights differ from the float run's, a little.
        const torch::Tensor a = trainingfixtures::flatParameters(*exact.model());
        const torch::Tensor b = trainingfixtures::flatParameters(*mixed.model());
        const double difference = (a - b).abs().max().item<double>();
        QVERIFY2(difference > 0.0 && difference < 0.5, qPrintable(QString::number(difference)));
        QCOMPARE(b.scalar_type(), torch::kFloat32); // the parameters stay float
    }
};

MF_TEST_GUILESS_MAIN(TestMixedPrecision)
#include "tst_mixedprecision.moc"
