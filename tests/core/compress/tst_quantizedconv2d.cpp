#include "core/compress/quantengine.h"
#include "core/compress/quantizedconv2d.h"
#include "core/compress/quantminmaxobserver.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <QFileInfo>
#include <QTemporaryDir>

#include <optional>

using namespace mf;

namespace {

/// One row per engine LibTorch knows; the rows of engines this build lacks are skipped.
const char *const kEngines[] = {"qnnpack", "onednn", "fbgemm", "x86"};

QuantParams calibrate(const torch::Tensor &values)
{
    QuantMinMaxObserver observer;
    observer.observe(values);
    return observer.params();
}

torch::Tensor reference(torch::nn::Conv2d conv, const torch::Tensor &x, bool relu)
{
    torch::NoGradGuard noGrad;
    const auto y = conv(x);
    return relu ? torch::relu(y) : y;
}

/// The worst error of a convolution computed from x and w rounded to int8 steps sx and sw[c],
/// for every output: sw/2 sum|x| (over the output's receptive field, a convolution of |x|
/// with ones) + sx/2 sum|w_c| + K sx sw / 4, plus half a step sx sw of the bias (added as
/// int32), one output step (requantisation; the engines' multipliers may round a value near
/// a half step either way) and 1e-5 for the float rounding of the reference. Padding adds
/// exact zeros. The int32 sums are exact on every engine.
torch::Tensor errorBound(const torch::nn::Conv2d &conv, const torch::Tensor &x,
                         const torch::Tensor &qweight, double sx, double outStep)
{
    torch::NoGradGuard noGrad;
    const auto &options = conv->options;
    const auto weight = conv->weight.detach();
    const auto sw = qweight.q_per_channel_scales().to(torch::kFloat32).view({1, -1, 1, 1});
    const auto fieldSumAbsX = torch::conv2d(x.abs(), torch::ones_like(weight), {}, options.stride(),
                                            c10::get<torch::ExpandingArray<2>>(options.padding()),
                                            options.dilation(), options.groups());
    const auto sumAbsW = weight.abs().sum({1, 2, 3}).view({1, -1, 1, 1});
    const double k = static_cast<double>(weight[0].numel());
    return 0.5 * sw * fieldSumAbsX + 0.5 * sx * sumAbsW + k * sx * sw / 4 + sx * sw / 2 + outStep +
           1e-5;
}

} // namespace

class TestQuantizedConv2d : public QObject
{
    Q_OBJECT

private:
    bool selectEngine(const QString &name, std::optional<QuantEngineGuard> &guard)
    {
        const c10::QEngine engine = quantEngineFromName(name.toStdString());
        if (!quantEngineOffered(engine))
            return false;
        guard.emplace(engine);
        return true;
    }

private Q_SLOTS:
    void matchesFloat_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("geometry");
        QTest::addColumn<bool>("relu");
        const char *const geometries[] = {"3x3 pad 1", "3x3 stride 2 dilation 2 groups 2"};
        for (const char *engine : kEngines)
            for (int geometry = 0; geometry < 2; ++geometry)
                for (bool relu : {false, true})
                    QTest::addRow("%s %s%s", engine, geometries[geometry], relu ? " relu" : "")
                        << QString(engine) << geometry << relu;
    }

    /// Calibrated on the data it then runs, against the float convolution within errorBound(),
    /// and not equal to it: int8 arithmetic ran.
    void matchesFloat()
    {
        QFETCH(QString, engine);
        QFETCH(int, geometry);
        QFETCH(bool, relu);
        std::optional<QuantEngineGuard> guard;
        if (!selectEngine(engine, guard))
            QSKIP(qPrintable("this LibTorch build does not offer the " + engine + " engine"));
        torch::manual_seed(11);
        auto options = torch::nn::Conv2dOptions(8, 16, 3).padding(1);
        if (geometry == 1)
            options = torch::nn::Conv2dOptions(8, 16, 3).stride(2).padding(2).dilation(2).groups(2);
        torch::nn::Conv2d conv(options);
        const auto x = torch::randn({2, 8, 12, 12});
        const auto expected = reference(conv, x, relu);
        const QuantParams input = calibrate(x);
        const QuantParams output = calibrate(expected);
        auto layer = quantizeConv2d(conv, input, output, relu);
        QCOMPARE(QString(quantEngineName(layer->engine())), engine);

        const auto y = layer(x);
        QCOMPARE(y.scalar_type(), torch::kFloat32);
        QCOMPARE(y.sizes(), expected.sizes());
        const auto error = (y - expected).abs();
        const auto bound = errorBound(conv, x, layer->state().weight, input.scale, output.scale);
        QVERIFY2((error <= bound).all().item<bool>(),
                 qPrintable(
                     QString("error %1 over the bound").arg((error - bound).max().item<double>())));
        QVERIFY(error.max().item<double>() > 0);
        if (relu)
            QVERIFY((y >= 0).all().item<bool>());
        qInfo("%s: max error %g, output step %g", qPrintable(engine), error.max().item<double>(),
              output.scale);

        const auto q = layer->forwardQuantized(layer->quantizeInput(x));
        QCOMPARE(q.scalar_type(), torch::kQUInt8);
        QCOMPARE(q.q_zero_point(), output.zeroPoint);
        QVERIFY(torch::equal(q.dequantize(), y));
        QCOMPARE(layer(x[0]).sizes(), expected[0].sizes());
    }

    void reloadsBitForBit_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<bool>("relu");
        for (const char *engine : kEngines)
            for (bool relu : {false, true})
                QTest::addRow("%s%s", engine, relu ? " relu" : "") << QString(engine) << relu;
    }

    /// torch::save(layer) writes int8 weights: at most 0.3 of torch::save(float layer), and the
    /// reloaded layer, packed again, computes bitwise the same outputs.
    void reloadsBitForBit()
    {
        QFETCH(QString, engine);
        QFETCH(bool, relu);
        std::optional<QuantEngineGuard> guard;
        if (!selectEngine(engine, guard))
            QSKIP(qPrintable("this LibTorch build does not offer the " + engine + " engine"));
        torch::manual_seed(12);
        torch::nn::Conv2d conv(torch::nn::Conv2dOptions(64, 64, 3).padding(1));
        const auto x = torch::randn({1, 64, 8, 8});
        auto layer = quantizeConv2d(conv, calibrate(x), calibrate(reference(conv, x, relu)), relu);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string floatPath = dir.filePath("float.pt").toStdString();
        const std::string int8Path = dir.filePath("int8.pt").toStdString();
        torch::save(conv, floatPath);
        torch::save(layer, int8Path);
        const double ratio = double(QFileInfo(QString::fromStdString(int8Path)).size()) /
                             double(QFileInfo(QString::fromStdString(floatPath)).size());
        qInfo("int8 file / float file: %.4f", ratio);
        QVERIFY2(ratio <= 0.3, qPrintable(QString::number(ratio)));

        QuantizedConv2d reloaded(QuantizedConv2dImpl::loadState(int8Path));
        QVERIFY(torch::equal(reloaded(x), layer(x)));
        QVERIFY(reloaded->state().padding == layer->state().padding);
        QCOMPARE(reloaded->state().relu, relu);
    }

    void refusesWhatItCannotRun()
    {
        torch::nn::Conv2d circular(
            torch::nn::Conv2dOptions(2, 2, 3).padding_mode(torch::kCircular));
        QVERIFY_THROWS_EXCEPTION(ConfigError, quantizeConv2d(circular, {0.1, 128}, {0.1, 128}));
        torch::nn::Conv2d uneven(torch::nn::Conv2dOptions(2, 2, 2).padding(torch::kSame));
        QVERIFY_THROWS_EXCEPTION(ConfigError, quantizeConv2d(uneven, {0.1, 128}, {0.1, 128}));
        torch::nn::Conv2d same(torch::nn::Conv2dOptions(2, 2, 3).padding(torch::kSame));
        QVERIFY((quantizeConv2d(same, {0.1, 128}, {0.1, 128})->state().padding ==
                 std::array<std::int64_t, 2>{1, 1}));
        auto layer = quantizeConv2d(torch::nn::Conv2d(2, 2, 1), {0.1, 128}, {0.1, 128});
        QVERIFY_THROWS_EXCEPTION(ConfigError, layer->forwardQuantized(torch::randn({1, 2, 3, 3})));

        QTemporaryDir dir;
        const std::string path = dir.filePath("linear.pt").toStdString();
        torch::save(torch::nn::Conv2d(2, 2, 1), path);
        QVERIFY_THROWS_EXCEPTION(Error, QuantizedConv2dImpl::loadState(path));
    }
};

MF_TEST_GUILESS_MAIN(TestQuantizedConv2d)
#include "tst_quantizedconv2d.moc"
