#include "core/models/maxpool.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <ATen/Context.h>

#include <limits>

using namespace mf;

Q_DECLARE_METATYPE(mf::Activation)
Q_DECLARE_METATYPE(mf::PoolKernel)

namespace {

/// What every kernel must compute: the activation, then ATen's max_pool2d.
torch::Tensor reference(const torch::Tensor &input, std::int64_t size, Activation activation)
{
    return torch::max_pool2d(activate(activation, input), {size, size}, {size, size});
}

} // namespace

class TestMaxPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kernelsMatchTheReference_data()
    {
        QTest::addColumn<PoolKernel>("kernel");
        QTest::addColumn<Activation>("activation");
        QTest::addColumn<bool>("channelsLast");
        for (PoolKernel kernel : {PoolKernel::PoolFirst, PoolKernel::OneDnn, PoolKernel::Fused})
            for (Activation activation : {Activation::Identity, Activation::Relu,
                                          Activation::Sigmoid, Activation::Tanh, Activation::Gelu})
                for (bool channelsLast : {false, true}) {
                    if (!MaxPool(2, activation)->runs(kernel, torch::kCPU, torch::kFloat32))
                        continue;
                    QTest::addRow("%s %s %s", poolKernelName(kernel), activationName(activation),
                                  channelsLast ? "nhwc" : "nchw")
                        << kernel << activation << channelsLast;
                }
    }

    /// Each kernel against the activation followed by ATen's pooling: the same values, and the
    /// gradient routed to the same inputs, on odd sizes, windows of 2, 3 and 4, and ties (many
    /// equal maxima in one window, and windows that ReLU zeroes entirely). ReLU and the
    /// identity give bitwise the same gradient. Sigmoid and tanh, pooled first, compute their
    /// gradient on the pooled value instead of every value: the same arithmetic on the same
    /// number, compared within 1e-6.
    /// NaN inputs are checked where a kernel keeps ATen's rule for them (the last NaN of a
    /// window wins, and only it gets a gradient): pooling first and the fused kernel with ReLU
    /// or no activation. oneDNN's pooling does not propagate NaN as ATen does, and ATen's
    /// sigmoid and tanh gradients are NaN at every NaN input, the pooled-first ones only at the
    /// winner. Either way the loss is NaN, and the trainer fails the run.
    void kernelsMatchTheReference()
    {
        QFETCH(PoolKernel, kernel);
        QFETCH(Activation, activation);
        QFETCH(bool, channelsLast);
        const bool exact = activation == Activation::Identity || activation == Activation::Relu;
        struct Case
        {
            const char *name;
            int height, width, size;
        };
        for (const Case &c : {Case{"28x28 by 2", 28, 28, 2}, Case{"odd 7x9 by 2", 7, 9, 2},
                              Case{"12x12 by 3", 12, 12, 3}, Case{"9x11 by 4", 9, 11, 4},
                              Case{"ties", 8, 8, 2}, Case{"nan", 6, 6, 2}}) {
            if (QByteArray(c.name) == "nan" && (kernel == PoolKernel::OneDnn || !exact))
                continue;
            torch::manual_seed(7);
            torch::Tensor input = torch::randn({3, 5, c.height, c.width});
            if (QByteArray(c.name) == "ties")
                input = input.round().clamp_max(0) + (input > 1.5).to(torch::kFloat);
            if (QByteArray(c.name) == "nan") {
                input.index_put_({0, 0, 1, 1}, std::numeric_limits<float>::quiet_NaN());
                input.index_put_({1, 2, 4, 5}, std::numeric_limits<float>::quiet_NaN());
                input.index_put_({1, 2, 5, 4}, std::numeric_limits<float>::quiet_NaN());
            }
            if (channelsLast)
                input = input.contiguous(at::MemoryFormat::ChannelsLast);
            const torch::Tensor a = input.clone(at::MemoryFormat::Preserve).requires_grad_(true);
            const torch::Tensor b = input.clone(at::MemoryFormat::Preserve).requires_grad_(true);
            const torch::Tensor weights = torch::randn({3, 5, c.height / c.size, c.width / c.size});

            MaxPool pool(c.size, activation);
            QCOMPARE(pool->kernel(), PoolKernel::Aten);
            pool->setKernel(kernel);
            const torch::Tensor ours = pool->forward(a);
            const torch::Tensor expected = reference(b, c.size, activation);
            QCOMPARE(ours.sizes().vec(), expected.sizes().vec());
            QVERIFY2(torch::allclose(ours, expected, 0.0, 0.0, /*equal_nan=*/true), c.name);
            QCOMPARE(ours.suggest_memory_format(), input.suggest_memory_format());
            (ours * weights).nan_to_num(0.0).sum().backward();
            (expected * weights).nan_to_num(0.0).sum().backward();
            const double tolerance = exact ? 0.0 : 1e-6;
            QVERIFY2(torch::allclose(a.grad(), b.grad(), 0.0, tolerance, true), c.name);
        }
    }

    void kernelsThatCannotRunFallBackToTheReference()
    {
        // GELU dips below zero: pooling first would change the result, so no kernel does it.
        const MaxPool gelu(2, Activation::Gelu);
        QVERIFY(!gelu->runs(PoolKernel::PoolFirst, torch::kCPU, torch::kFloat32));
        QVERIFY(!gelu->runs(PoolKernel::Fused, torch::kCPU, torch::kFloat32));
        // With no activation there is nothing to pool first.
        QVERIFY(!MaxPool(2)->runs(PoolKernel::PoolFirst, torch::kCPU, torch::kFloat32));
        // A window with more positions than the fused kernel's byte indices can name.
        QVERIFY(
            !MaxPool(16, Activation::Relu)->runs(PoolKernel::Fused, torch::kCPU, torch::kFloat32));

        for (PoolKernel kernel : {PoolKernel::OneDnn, PoolKernel::Fused}) {
            MaxPool pool(2, Activation::Relu);
            pool->setKernel(kernel);
            const torch::Tensor input = torch::randn({2, 3, 8, 8}, torch::kFloat64);
            QVERIFY(torch::equal(pool->forward(input), reference(input, 2, Activation::Relu)));
            // A transposed float input is taken in a layout the kernel reads: the same values.
            const torch::Tensor transposed = torch::randn({2, 3, 8, 8}).transpose(2, 3);
            QVERIFY(torch::equal(pool->forward(transposed),
                                 reference(transposed, 2, Activation::Relu)));
        }
    }

    void fusedKernelRunsWithoutGradients()
    {
        MaxPool pool(2, Activation::Relu);
        pool->setKernel(PoolKernel::Fused);
        const torch::Tensor input = torch::randn({4, 6, 10, 10});
        torch::NoGradGuard noGrad;
        QVERIFY(torch::equal(pool->forward(input), reference(input, 2, Activation::Relu)));
    }
};

MF_TEST_GUILESS_MAIN(TestMaxPool)
#include "tst_maxpool.moc"
