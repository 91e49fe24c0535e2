#include "core/models/maxpool.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

class TestMaxPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesAtenValuesAndGradients_data()
    {
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("ties");
        QTest::newRow("28x28 by 2") << 28 << 28 << 2 << false;
        QTest::newRow("odd 7x9 by 2") << 7 << 9 << 2 << false;
        QTest::newRow("by 3") << 12 << 12 << 3 << false;
        QTest::newRow("ties (relu zeros)") << 8 << 8 << 2 << true;
    }

    void matchesAtenValuesAndGradients()
    {
        QFETCH(int, height);
        QFETCH(int, width);
        QFETCH(int, size);
        QFETCH(bool, ties);
        torch::manual_seed(7);
        torch::Tensor input = torch::randn({3, 4, height, width});
        if (ties)
            input = input.round().clamp_min(0); // many equal maxima inside one window
        const torch::Tensor a = input.clone().requires_grad_(true);
        const torch::Tensor b = input.clone().requires_grad_(true);
        const torch::Tensor weights = torch::randn({3, 4, height / size, width / size});

        // The oneDNN kernel, which a kernel plan may choose, against ATen's (a LibTorch
        // without oneDNN runs ATen's for it, which must agree all the more).
        mf::MaxPool pool(size);
        QCOMPARE(pool->kernel(), mf::PoolKernel::Aten);
        pool->setKernel(mf::PoolKernel::OneDnn);
        const torch::Tensor ours = pool->forward(a);
        const torch::Tensor reference = torch::max_pool2d(b, {size, size}, {size, size});
        QCOMPARE(ours.sizes().vec(), reference.sizes().vec());
        QVERIFY(torch::equal(ours, reference));
        (ours * weights).sum().backward();
        (reference * weights).sum().backward();
        QVERIFY(torch::equal(a.grad(), b.grad()));
    }

    void nonContiguousAndDoubleInputsFallBack()
    {
        const torch::Tensor input = torch::randn({2, 3, 8, 8}, torch::kFloat64);
        mf::MaxPool pool(2);
        pool->setKernel(mf::PoolKernel::OneDnn);
        QVERIFY(torch::equal(pool->forward(input), torch::max_pool2d(input, {2, 2}, {2, 2})));
        // oneDNN takes a contiguous copy of a transposed float input: the same values.
        const torch::Tensor transposed = torch::randn({2, 3, 8, 8}).transpose(2, 3);
        QVERIFY(
            torch::equal(pool->forward(transposed), torch::max_pool2d(transposed, {2, 2}, {2, 2})));
    }
};

MF_TEST_GUILESS_MAIN(TestMaxPool)
#include "tst_maxpool.moc"
