#include "core/compress/inputquantizer.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <algorithm>

namespace {

const mf::QuantizeKernel kKernels[] = {mf::QuantizeKernel::Aten, mf::QuantizeKernel::SinglePass};

} // namespace

class TestInputQuantizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bothKernelsRoundHalfToEvenAndClamp()
    {
        // scale 0.5, zero point 10: x * 2 rounded half to even, plus 10, clamped to [0, 255].
        const torch::Tensor x =
            torch::tensor({-10.0f, -4.75f, 0.0f, 0.25f, 0.75f, 1.25f, 3.1f, 122.0f, 200.0f});
        const std::vector<int> expected{0, 0, 10, 10, 12, 12, 16, 254, 255};
        for (mf::QuantizeKernel kernel : kKernels) {
            const torch::Tensor q = mf::InputQuantizer::quantize(x, {0.5, 10}, kernel);
            QVERIFY(q.scalar_type() == torch::kQUInt8);
            QVERIFY(q.qscheme() == torch::kPerTensorAffine);
            QCOMPARE(q.q_scale(), 0.5);
            QCOMPARE(q.q_zero_point(), std::int64_t(10));
            const torch::Tensor integers = q.int_repr().to(torch::kInt32);
            for (std::size_t i = 0; i < expected.size(); ++i)
                QVERIFY2(integers[std::int64_t(i)].item<int>() == expected[i],
                         (std::string(mf::quantizeKernelName(kernel)) + " at " + std::to_string(i))
                             .c_str());
        }
    }

    /// Where ATen's cast to a 64-bit integer overflows (infinities, 1e30), the single pass
    /// saturates.
    void theSinglePassSaturates()
    {
        const torch::Tensor x = torch::tensor({-INFINITY, -1e30f, 1e30f, INFINITY});
        const torch::Tensor q =
            mf::InputQuantizer::quantize(x, {0.5, 10}, mf::QuantizeKernel::SinglePass);
        QVERIFY(torch::equal(q.int_repr(), torch::tensor({0, 0, 255, 255}, torch::kUInt8)));
    }

    void theKernelsAgreeAndKeepTheMemoryFormat_data()
    {
        QTest::addColumn<bool>("channelsLast");
        QTest::newRow("NCHW") << false;
        QTest::newRow("channels-last") << true;
    }

    void theKernelsAgreeAndKeepTheMemoryFormat()
    {
        QFETCH(bool, channelsLast);
        torch::manual_seed(3);
        torch::Tensor x = torch::randn({5, 6, 7, 8}) * 3.0;
        if (channelsLast)
            x = x.contiguous(torch::MemoryFormat::ChannelsLast);
        const mf::QuantParams params{0.0371, 97};
        const torch::Tensor aten =
            mf::InputQuantizer::quantize(x, params, mf::QuantizeKernel::Aten);
        const torch::Tensor onePass =
            mf::InputQuantizer::quantize(x, params, mf::QuantizeKernel::SinglePass);
        QCOMPARE(onePass.is_contiguous(torch::MemoryFormat::ChannelsLast), channelsLast);
        // Debian's LibTorch rounds both the same way; an FBGEMM build's quantize_per_tensor may
        // round a tie the other way, one step apart.
        const auto apart =
            (aten.int_repr().to(torch::kInt32) - onePass.int_repr().to(torch::kInt32))
                .abs()
                .max()
                .item<int>();
        QVERIFY2(apart <= 1, std::to_string(apart).c_str());
        QVERIFY(torch::allclose(onePass.dequantize(), x.clamp(-97 * 0.0371, 158 * 0.0371), 0.0,
                                0.0371 / 2 + 1e-6));
    }

    void theMeasuredKernelIsTheFasterOneAndIsKept()
    {
        const torch::Tensor x = torch::randn({3, 1, 11, 13});
        QVERIFY(!mf::InputQuantizer::decisionFor(x).has_value());
        QVERIFY(mf::InputQuantizer::summary(x).empty());
        const mf::QuantParams params{0.02, 128};
        const torch::Tensor q = mf::InputQuantizer::quantize(x, params);
        const std::optional<mf::KernelDecision> decision = mf::InputQuantizer::decisionFor(x);
        QVERIFY(decision.has_value());
        QCOMPARE(decision->timings.size(), std::size_t(2));
        const auto fastest =
            std::min_element(decision->timings.begin(), decision->timings.end(),
                             [](const mf::KernelTiming &a, const mf::KernelTiming &b) {
                                 return a.millis < b.millis;
                             });
        QCOMPARE(decision->chosen, fastest->candidate);
        const std::string summary = mf::InputQuantizer::summary(x);
        QVERIFY2(summary.rfind(decision->chosen + " used (aten ", 0) == 0, summary.c_str());
        QVERIFY2(summary.find(", single-pass ") != std::string::npos, summary.c_str());
        const mf::QuantizeKernel chosen = decision->chosen == "single-pass"
                                              ? mf::QuantizeKernel::SinglePass
                                              : mf::QuantizeKernel::Aten;
        QVERIFY(
            torch::equal(q.int_repr(), mf::InputQuantizer::quantize(x, params, chosen).int_repr()));
        // Another shape is measured on its own; a double tensor is quantised as float.
        QVERIFY(!mf::InputQuantizer::decisionFor(torch::randn({4, 1, 11, 13})).has_value());
        QVERIFY(torch::equal(mf::InputQuantizer::quantize(x.to(torch::kFloat64), params).int_repr(),
                             q.int_repr()));
    }
};

MF_TEST_GUILESS_MAIN(TestInputQuantizer)
#include "tst_inputquantizer.moc"
