#include "core/compress/quantengine.h"
#include "core/compress/quantmaxpool.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

namespace {

/// quint8 codes 0..255 spread over the tensor, with the zero point and scale of a calibrated
/// activation, in the memory format given.
torch::Tensor codes(std::vector<std::int64_t> shape, torch::MemoryFormat format)
{
    const torch::Tensor values = torch::randint(0, 256, shape, torch::kUInt8);
    return torch::_make_per_tensor_quantized_tensor(values, 0.05, 3).contiguous(format);
}

} // namespace

class TestQuantMaxPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theSinglePassGivesAtensBytes_data()
    {
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("size");
        QTest::newRow("1 channel 28x28, 2") << 1 << 28 << 28 << 2;
        QTest::newRow("32 channels 28x28, 2") << 32 << 28 << 28 << 2;
        QTest::newRow("3 channels 7x9, 2 (a row and a column left over)") << 3 << 7 << 9 << 2;
        QTest::newRow("5 channels 10x11, 3") << 5 << 10 << 11 << 3;
        QTest::newRow("64 channels 4x4, 4") << 64 << 4 << 4 << 4;
        QTest::newRow("2 channels 3x3, 1") << 2 << 3 << 3 << 1;
    }

    /// The largest code of each window, scale, zero point and channels-last storage: the bytes
    /// ATen's max_pool2d gives.
    void theSinglePassGivesAtensBytes()
    {
        QFETCH(int, channels);
        QFETCH(int, height);
        QFETCH(int, width);
        QFETCH(int, size);
        torch::manual_seed(channels * 100 + height);
        const torch::Tensor x =
            codes({3, channels, height, width}, torch::MemoryFormat::ChannelsLast);
        const torch::Tensor aten = mf::QuantMaxPool::pool(x, size, mf::QuantPoolKernel::Aten);
        const torch::Tensor ours = mf::QuantMaxPool::pool(x, size, mf::QuantPoolKernel::SinglePass);
        QCOMPARE(ours.sizes(), aten.sizes());
        QCOMPARE(ours.q_scale(), x.q_scale());
        QCOMPARE(ours.q_zero_point(), x.q_zero_point());
        QVERIFY(ours.is_contiguous(torch::MemoryFormat::ChannelsLast));
        QVERIFY(torch::equal(ours.int_repr(), aten.int_repr()));
        // By hand for the first window of the first channel.
        const torch::Tensor window = x.int_repr()[0][0].slice(0, 0, size).slice(1, 0, size);
        QCOMPARE(ours.int_repr()[0][0][0][0].item<int>(), window.max().item<int>());
    }

    /// NCHW input with more than one channel, which the single pass does not read, goes to ATen.
    void otherInputGoesToAten()
    {
        const torch::Tensor x = codes({2, 4, 6, 6}, torch::MemoryFormat::Contiguous);
        const torch::Tensor pooled = mf::QuantMaxPool::pool(x, 2, mf::QuantPoolKernel::SinglePass);
        QVERIFY(torch::equal(pooled.int_repr(),
                             torch::max_pool2d(x, {2, 2}, {2, 2}, {0, 0}, {1, 1}).int_repr()));
        QVERIFY(mf::QuantMaxPool::pool(x, 2).is_contiguous());
        QVERIFY(mf::QuantMaxPool::summary(2).empty()); // nothing was measured for it
    }

    /// The kernel measured faster for a shape is used, named in the summary and kept.
    void theMeasuredKernelIsTheFasterOneAndIsKept()
    {
        const torch::Tensor x = codes({5, 16, 12, 12}, torch::MemoryFormat::ChannelsLast);
        QVERIFY(mf::QuantMaxPool::summary(5).empty());
        const torch::Tensor pooled = mf::QuantMaxPool::pool(x, 2);
        const std::string summary = mf::QuantMaxPool::summary(5);
        QVERIFY2(summary.rfind("[5, 16, 12, 12] ", 0) == 0, summary.c_str());
        QVERIFY2(summary.find(" used (aten ") != std::string::npos &&
                     summary.find(", single-pass ") != std::string::npos,
                 summary.c_str());
        QVERIFY(torch::equal(pooled.int_repr(),
                             mf::QuantMaxPool::pool(x, 2, mf::QuantPoolKernel::Aten).int_repr()));
        mf::QuantMaxPool::pool(x, 2);
        QCOMPARE(mf::QuantMaxPool::summary(5), summary);
        mf::QuantMaxPool::pool(codes({5, 8, 6, 6}, torch::MemoryFormat::ChannelsLast), 2);
        const std::string both = mf::QuantMaxPool::summary(5);
        QVERIFY2(both.rfind(summary + "; [5, 8, 6, 6] ", 0) == 0, both.c_str());
        QVERIFY(mf::QuantMaxPool::summary(6).empty());
    }

    /// Each int8 engine's models measure their own decision (the kernels are timed between that
    /// engine's layers): under every engine the build offers, the summary is empty until a tensor
    /// of that shape is pooled with the engine selected, whatever the engines before measured.
    void eachEngineMeasuresItsOwn()
    {
        const torch::Tensor x = codes({7, 8, 6, 6}, torch::MemoryFormat::ChannelsLast);
        const std::vector<c10::QEngine> engines = mf::quantEngines();
        QVERIFY(!engines.empty());
        for (const c10::QEngine engine : engines) {
            mf::QuantEngineGuard selected(engine);
            QVERIFY2(mf::QuantMaxPool::summary(7).empty(), mf::quantEngineName(engine));
            mf::QuantMaxPool::pool(x, 2);
            const std::string measured = mf::QuantMaxPool::summary(7);
            QVERIFY2(measured.rfind("[7, 8, 6, 6] ", 0) == 0, measured.c_str());
        }
    }
};

MF_TEST_GUILESS_MAIN(TestQuantMaxPool)
#include "tst_quantmaxpool.moc"
