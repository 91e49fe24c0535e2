#include "core/models/syncablebatchnorm.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <torch/torch.h>

using mf::SyncableBatchNorm2d;

namespace {

/// LibTorch's BatchNorm2d and ours, with the same affine parameters.
struct Pair
{
    torch::nn::BatchNorm2d reference{torch::nn::BatchNorm2dOptions(3)};
    SyncableBatchNorm2d ours{3};

    Pair()
    {
        torch::NoGradGuard noGrad;
        const torch::Tensor weight = torch::tensor({0.5F, 1.5F, -1.0F});
        const torch::Tensor bias = torch::tensor({0.1F, -0.2F, 0.3F});
        reference->weight.copy_(weight);
        reference->bias.copy_(bias);
        ours->weight.copy_(weight);
        ours->bias.copy_(bias);
    }
};

double gap(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a - b).abs().max().item<double>();
}

} // namespace

class TestSyncableBatchNorm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsBatchNormsNamesAndKinds()
    {
        // Checkpoints and the compression code read these names.
        Pair pair;
        QCOMPARE(pair.ours->named_parameters().keys(), pair.reference->named_parameters().keys());
        QCOMPARE(pair.ours->named_buffers().keys(), pair.reference->named_buffers().keys());
    }

    void withoutAReducerIsBatchNorm()
    {
        Pair pair;
        torch::manual_seed(3);
        for (int step = 0; step < 3; ++step) {
            const torch::Tensor input = torch::randn({5, 3, 4, 4}) * 2 + 1;
            QVERIFY(gap(pair.ours(input), pair.reference(input)) < 1e-6);
        }
        QVERIFY(gap(pair.ours->running_mean, pair.reference->running_mean) < 1e-6);
        QVERIFY(gap(pair.ours->running_var, pair.reference->running_var) < 1e-6);
        QCOMPARE(pair.ours->num_batches_tracked.item<std::int64_t>(), std::int64_t(3));
        pair.ours->eval();
        pair.reference->eval();
        const torch::Tensor input = torch::randn({2, 3, 4, 4});
        QVERIFY(gap(pair.ours(input), pair.reference(input)) < 1e-6);
    }

    void synchronisedArithmeticIsBatchNormsOnOneRank()
    {
        // On one rank the job's sums are this rank's: the explicit mean, variance, running
        // statistics and gradients must equal batch norm's kernel's.
        Pair pair;
        pair.ours->setStatsReducer([](const torch::Tensor &local) { return local; });
        QVERIFY(pair.ours->synchronised());
        torch::manual_seed(4);
        const torch::Tensor data = torch::randn({6, 3, 5, 5}) * 3 - 2;
        const torch::Tensor upstream = torch::randn({6, 3, 5, 5});
        torch::Tensor oursInput = data.clone().requires_grad_(true);
        torch::Tensor referenceInput = data.clone().requires_grad_(true);
        const torch::Tensor oursOutput = pair.ours(oursInput);
        const torch::Tensor referenceOutput = pair.reference(referenceInput);
        QVERIFY2(gap(oursOutput, referenceOutput) < 1e-5,
                 qPrintable(QString::number(gap(oursOutput, referenceOutput))));
        (oursOutput * upstream).sum().backward();
        (referenceOutput * upstream).sum().backward();
        QVERIFY(gap(oursInput.grad(), referenceInput.grad()) < 1e-5);
        QVERIFY(gap(pair.ours->weight.grad(), pair.reference->weight.grad()) < 1e-4);
        QVERIFY(gap(pair.ours->bias.grad(), pair.reference->bias.grad()) < 1e-4);
        QVERIFY(gap(pair.ours->running_mean, pair.reference->running_mean) < 1e-6);
        QVERIFY(gap(pair.ours->running_var, pair.reference->running_var) < 1e-5);
    }

    void reachesEveryBatchNormOfAModel()
    {
        torch::nn::Sequential model(torch::nn::Conv2d(1, 3, 3), SyncableBatchNorm2d(3),
                                    torch::nn::ReLU(), SyncableBatchNorm2d(3));
        QCOMPARE(mf::setBatchNormReducer(*model, [](const torch::Tensor &t) { return t; }), 2);
        QVERIFY(model[1]->as<mf::SyncableBatchNorm2dImpl>()->synchronised());
        QCOMPARE(mf::setBatchNormReducer(*model, {}), 2);
        QVERIFY(!model[3]->as<mf::SyncableBatchNorm2dImpl>()->synchronised());
    }
};

MF_TEST_APPLESS_MAIN(TestSyncableBatchNorm)
#include "tst_syncablebatchnorm.moc"
