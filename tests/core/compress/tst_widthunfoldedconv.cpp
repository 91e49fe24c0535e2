#include "core/compress/quantengine.h"
#include "core/compress/quantops.h"
#include "core/compress/widthunfoldedconv.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using namespace mf;

namespace {

/// A one-channel convolution's state with random int8 weights, per channel or per tensor.
QuantizedConv2dState state(std::int64_t kernelHeight, std::int64_t kernelWidth,
                           std::array<std::int64_t, 2> stride, std::array<std::int64_t, 2> padding,
                           std::array<std::int64_t, 2> dilation, bool perChannel, bool relu)
{
    const std::int64_t outputs = 8;
    const torch::Tensor codes =
        torch::randint(-127, 128, {outputs, 1, kernelHeight, kernelWidth}, torch::kInt8);
    QuantizedConv2dState s;
    s.weight = perChannel ? torch::_make_per_channel_quantized_tensor(
                                codes, torch::rand({outputs}, torch::kDouble) * 0.01 + 0.001,
                                torch::zeros({outputs}, torch::kLong), 0)
                          : torch::_make_per_tensor_quantized_tensor(codes, 0.004, 0);
    s.bias = torch::randn({outputs}) * 0.1;
    s.stride = stride;
    s.padding = padding;
    s.dilation = dilation;
    s.input = {0.02, 128};
    s.output = {0.05, relu ? 0 : 128};
    s.relu = relu;
    return s;
}

/// quint8 images [N, 1, H, W] with codes all over [0, 255].
torch::Tensor images(std::int64_t batch, std::int64_t height, std::int64_t width)
{
    return torch::_make_per_tensor_quantized_tensor(
        torch::randint(0, 256, {batch, 1, height, width}, torch::kUInt8), 0.02, 128);
}

torch::Tensor direct(const QuantizedConv2dState &s, const torch::Tensor &x)
{
    const QuantConv2dPacked packed =
        quantConv2dPrepack(s.weight, s.bias, s.stride, s.padding, s.dilation, s.groups);
    return quantConv2d(x, packed, s.output.scale, s.output.zeroPoint, s.relu);
}

} // namespace

class TestWidthUnfoldedConv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theBytesAreTheDirectConvolutions_data()
    {
        QTest::addColumn<int>("kernelHeight");
        QTest::addColumn<int>("kernelWidth");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("padding");
        QTest::addColumn<int>("dilation");
        QTest::addColumn<bool>("perChannel");
        QTest::addColumn<bool>("relu");
        QTest::newRow("3x3, padding 1, ReLU (the CNN's first layer)")
            << 3 << 3 << 1 << 1 << 1 << true << true;
        QTest::newRow("3x3, no padding") << 3 << 3 << 1 << 0 << 1 << true << false;
        QTest::newRow("5x2, padding 2") << 5 << 2 << 1 << 2 << 1 << true << true;
        QTest::newRow("1x4, stride 2") << 1 << 4 << 2 << 1 << 1 << true << false;
        QTest::newRow("3x3, dilation 2, padding 2") << 3 << 3 << 1 << 2 << 2 << true << true;
        QTest::newRow("3x3, stride 2, padding 1, per tensor")
            << 3 << 3 << 2 << 1 << 1 << false << false;
    }

    /// The unfolded convolution gives the bytes quantized::conv2d(_relu) gives for the layer, on
    /// every engine the build offers, and its output has the layer's parameters.
    void theBytesAreTheDirectConvolutions()
    {
        QFETCH(int, kernelHeight);
        QFETCH(int, kernelWidth);
        QFETCH(int, stride);
        QFETCH(int, padding);
        QFETCH(int, dilation);
        QFETCH(bool, perChannel);
        QFETCH(bool, relu);
        torch::manual_seed(kernelHeight * 10 + kernelWidth + stride * 100);
        const QuantizedConv2dState s =
            state(kernelHeight, kernelWidth, {stride, stride}, {padding, padding},
                  {dilation, dilation}, perChannel, relu);
        QVERIFY(WidthUnfoldedConv::appliesTo(s));
        const torch::Tensor x = images(3, 11, 13);
        for (const c10::QEngine engine : quantEngines()) {
            QuantEngineGuard selected(engine);
            const torch::Tensor expected = direct(s, x);
            const torch::Tensor unfolded = WidthUnfoldedConv(s).forward(x);
            QVERIFY2(unfolded.sizes() == expected.sizes(), quantEngineName(engine));
            QCOMPARE(unfolded.q_scale(), s.output.scale);
            QCOMPARE(unfolded.q_zero_point(), s.output.zeroPoint);
            QVERIFY2(torch::equal(unfolded.int_repr(), expected.int_repr()),
                     quantEngineName(engine));
        }
    }

    /// Channel j of output column x holds the column kernel column j reads; columns beyond the
    /// row and the fourth channel hold the zero point.
    void eachColumnGoesToItsChannel()
    {
        const QuantizedConv2dState s = state(1, 3, {1, 1}, {0, 1}, {1, 1}, true, false);
        const torch::Tensor codes = torch::arange(1, 6, torch::kUInt8).view({1, 1, 1, 5});
        const torch::Tensor x = torch::_make_per_tensor_quantized_tensor(codes, 0.1, 7);
        const torch::Tensor unfolded = WidthUnfoldedConv(s).unfold(x);
        QCOMPARE(unfolded.sizes(), (std::vector<std::int64_t>{1, 4, 1, 5}));
        QVERIFY(unfolded.is_contiguous(torch::MemoryFormat::ChannelsLast));
        QCOMPARE(unfolded.q_scale(), 0.1);
        QCOMPARE(unfolded.q_zero_point(), 7);
        const torch::Tensor expected = torch::tensor({7, 1, 2, 7, //
                                                      1, 2, 3, 7, //
                                                      2, 3, 4, 7, //
                                                      3, 4, 5, 7, //
                                                      4, 5, 7, 7},
                                                     torch::kUInt8);
        QVERIFY(torch::equal(unfolded.int_repr().permute({0, 2, 3, 1}).reshape({-1}), expected));
    }

    /// Only one-channel convolutions without groups, 2 to 4 columns wide.
    void appliesToOneChannelConvolutionsTwoToFourWide()
    {
        QVERIFY(WidthUnfoldedConv::appliesTo(state(3, 3, {1, 1}, {1, 1}, {1, 1}, true, false)));
        QVERIFY(!WidthUnfoldedConv::appliesTo(state(3, 1, {1, 1}, {1, 1}, {1, 1}, true, false)));
        QVERIFY(!WidthUnfoldedConv::appliesTo(state(3, 5, {1, 1}, {1, 1}, {1, 1}, true, false)));
        QuantizedConv2dState rgb = state(3, 3, {1, 1}, {1, 1}, {1, 1}, true, false);
        rgb.weight = torch::quantize_per_tensor(torch::randn({8, 3, 3, 3}), 0.01, 0, torch::kQInt8);
        QVERIFY(!WidthUnfoldedConv::appliesTo(rgb));
        QVERIFY(!WidthUnfoldedConv::accepts(images(2, 5, 5).dequantize()));
        QVERIFY(WidthUnfoldedConv::accepts(images(2, 5, 5)));
    }

    /// A one-channel QuantizedConv2d measures both ways on its first input of a shape, under the
    /// engine it runs on, says which it used, and gives the direct convolution's bytes.
    void theLayerUsesTheMeasuredWayAndSaysSo()
    {
        const QuantizedConv2dState s = state(3, 3, {1, 1}, {1, 1}, {1, 1}, true, true);
        const torch::Tensor x = images(5, 12, 12);
        for (const c10::QEngine engine : quantEngines()) {
            QuantEngineGuard selected(engine);
            QVERIFY2(WidthUnfoldedConv::summary(5).empty(), quantEngineName(engine));
            QuantizedConv2d layer(s);
            const torch::Tensor y = layer->forwardQuantized(x);
            const std::string summary = WidthUnfoldedConv::summary(5);
            QVERIFY2(summary.rfind("[5, 1, 12, 12] to 8 channels, 3x3 ", 0) == 0, summary.c_str());
            QVERIFY2(summary.find(" used (direct ") != std::string::npos &&
                         summary.find(", width-unfolded ") != std::string::npos,
                     summary.c_str());
            QVERIFY(torch::equal(y.int_repr(), direct(s, x).int_repr()));
            layer->forwardQuantized(x);
            QCOMPARE(WidthUnfoldedConv::summary(5), summary); // measured once
        }
    }
};

MF_TEST_GUILESS_MAIN(TestWidthUnfoldedConv)
#include "tst_widthunfoldedconv.moc"
