#include "core/compress/quantengine.h"
#include "core/compress/quantizedlinear.h"
#include "core/compress/quantminmaxobserver.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <QFileInfo>
#include <QTemporaryDir>

#include <optional>

using namespace mf;

namespace {

void addEngineColumn()
{
    QTest::addColumn<QString>("engine");
}

/// One row per engine LibTorch knows; the rows of engines this build lacks are skipped.
const char *const kEngines[] = {"qnnpack", "onednn", "fbgemm", "x86"};

/// The engine column and one row per engine, for tests that vary nothing else.
void addEngineRows()
{
    addEngineColumn();
    for (const char *engine : kEngines)
        QTest::newRow(engine) << QString(engine);
}

/// The per-output-channel weight scales, one per row of the weight.
torch::Tensor weightScales(const torch::Tensor &weight)
{
    if (weight.qscheme() == torch::kPerChannelAffine)
        return weight.q_per_channel_scales().to(torch::kFloat32);
    return torch::full({weight.size(0)}, weight.q_scale(), torch::kFloat32);
}

/// The worst error of y = x w^T + b computed from x and w rounded to int8 steps sx and sw:
/// |x||dw| + |dx||w| + |dx||dw| <= sw/2 sum|x| + sx/2 sum|w| + K sx sw / 4, plus half a step
/// sx sw of the bias (an engine may round it to int32 in that step), `outStep` where the
/// output is requantised, and 1e-5 for the float rounding of the reference. The int32 sums
/// are exact, so this bound holds on every engine.
torch::Tensor errorBound(const torch::Tensor &x, const torch::Tensor &weight,
                         const torch::Tensor &qweight, double sx, double outStep)
{
    const auto sw = weightScales(qweight);
    const double k = static_cast<double>(weight.size(1));
    const auto sumAbsX = x.abs().sum(-1, true);
    const auto sumAbsW = weight.abs().sum(1);
    return 0.5 * sw * sumAbsX + 0.5 * sx * sumAbsW + k * sx * sw / 4 + sx * sw / 2 + outStep + 1e-5;
}

/// The input step of a dynamic layer: the engine quantises each input over its own range,
/// fbgemm and x86 to 7 bits.
double dynamicInputStep(const torch::Tensor &x, const QString &engine)
{
    const bool reduceRange = engine == "fbgemm" || engine == "x86";
    return affineQuantParams(x.min().item<double>(), x.max().item<double>(), reduceRange).scale;
}

QuantParams calibrate(const torch::Tensor &values)
{
    QuantMinMaxObserver observer;
    observer.observe(values);
    return observer.params();
}

torch::Tensor reference(torch::nn::Linear linear, const torch::Tensor &x, bool relu)
{
    torch::NoGradGuard noGrad;
    const auto y = linear(x);
    return relu ? torch::relu(y) : y;
}

} // namespace

class TestQuantizedLinear : public QObject
{
    Q_OBJECT

private:
    /// Selects the row's engine; false where this build does not offer it.
    bool selectEngine(const QString &name, std::optional<QuantEngineGuard> &guard)
    {
        const c10::QEngine engine = quantEngineFromName(name.toStdString());
        if (!quantEngineOffered(engine))
            return false;
        guard.emplace(engine);
        return true;
    }

private Q_SLOTS:
    void dynamicMatchesFloat_data()
    {
        addEngineColumn();
        QTest::addColumn<bool>("perChannel");
        QTest::addColumn<bool>("relu");
        for (const char *engine : kEngines)
            for (bool perChannel : {false, true})
                for (bool relu : {false, true})
                    QTest::addRow("%s %s%s", engine, perChannel ? "per-channel" : "per-tensor",
                                  relu ? " relu" : "")
                        << QString(engine) << perChannel << relu;
    }

    /// Against the float layer within errorBound(), and not equal to it: int8 arithmetic ran.
    void dynamicMatchesFloat()
    {
        QFETCH(QString, engine);
        QFETCH(bool, perChannel);
        QFETCH(bool, relu);
        std::optional<QuantEngineGuard> guard;
        if (!selectEngine(engine, guard))
            QSKIP(qPrintable("this LibTorch build does not offer the " + engine + " engine"));
        torch::manual_seed(1);
        torch::nn::Linear linear(64, 32);
        const auto x = torch::randn({16, 64});
        auto layer = quantizeLinearDynamic(
            linear, perChannel ? QuantGranularity::PerChannel : QuantGranularity::PerTensor, relu);
        QCOMPARE(QString(quantEngineName(layer->engine())), engine);
        const auto y = layer(x);
        QCOMPARE(y.scalar_type(), torch::kFloat32);
        QCOMPARE(y.sizes(), (std::vector<std::int64_t>{16, 32}));
        const auto expected = reference(linear, x, relu);
        const auto error = (y - expected).abs();
        const auto bound = errorBound(x, linear->weight.detach(), layer->state().weight,
                                      dynamicInputStep(x, engine), 0);
        QVERIFY2((error <= bound).all().item<bool>(),
                 qPrintable(QString("error %1 over the bound %2")
                                .arg((error - bound).max().item<double>())
                                .arg(bound.min().item<double>())));
        QVERIFY(error.max().item<double>() > 0);
        qInfo("%s: max error %g, smallest bound %g", qPrintable(engine), error.max().item<double>(),
              bound.min().item<double>());
    }

    void staticMatchesFloat_data()
    {
        addEngineColumn();
        QTest::addColumn<bool>("relu");
        for (const char *engine : kEngines)
            for (bool relu : {false, true})
                QTest::addRow("%s%s", engine, relu ? " relu" : "") << QString(engine) << relu;
    }

    /// Calibrated on the data it then runs: no value is clamped, and errorBound() holds with
    /// one output step (the engines requantise with their own fixed-point or float
    /// multipliers and may round a value near a half step either way).
    void staticMatchesFloat()
    {
        QFETCH(QString, engine);
        QFETCH(bool, relu);
        std::optional<QuantEngineGuard> guard;
        if (!selectEngine(engine, guard))
            QSKIP(qPrintable("this LibTorch build does not offer the " + engine + " engine"));
        torch::manual_seed(2);
        torch::nn::Linear linear(64, 32);
        const auto x = torch::randn({16, 64});
        const auto expected = reference(linear, x, relu);
        const QuantParams input = calibrate(x);
        const QuantParams output = calibrate(expected);
        auto layer = quantizeLinearStatic(linear, input, output, relu);

        const auto y = layer(x);
        QCOMPARE(y.scalar_type(), torch::kFloat32);
        const auto error = (y - expected).abs();
        const auto bound = errorBound(x, linear->weight.detach(), layer->state().weight,
                                      input.scale, output.scale);
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
        QCOMPARE(q.q_scale(), output.scale);
        QCOMPARE(q.q_zero_point(), output.zeroPoint);
        QVERIFY(torch::equal(q.dequantize(), y));
    }

    void staticChainStaysInt8_data() { addEngineRows(); }

    /// Two static layers, the second calibrated where the first's output is: handing over
    /// quint8 gives bit for bit what dequantising and quantising again between them gives.
    void staticChainStaysInt8()
    {
        QFETCH(QString, engine);
        std::optional<QuantEngineGuard> guard;
        if (!selectEngine(engine, guard))
            QSKIP(qPrintable("this LibTorch build does not offer the " + engine + " engine"));
        torch::manual_seed(3);
        torch::nn::Linear first(32, 48), second(48, 8);
        const auto x = torch::randn({10, 32});
        const auto hidden = reference(first, x, true);
        const QuantParams middle = calibrate(hidden);
        auto a = quantizeLinearStatic(first, calibrate(x), middle, true);
        auto b = quantizeLinearStatic(second, middle, calibrate(reference(second, hidden, false)));
        const auto chained = b->forwardQuantized(a->forwardQuantized(a->quantizeInput(x)));
        QCOMPARE(chained.scalar_type(), torch::kQUInt8);
        QVERIFY(torch::equal(chained.dequantize(), b(a(x))));
        QVERIFY_THROWS_EXCEPTION(ConfigError, a->forwardQuantized(x));
    }

    void channelsLastInputIsReadWithoutReorder_data() { addEngineRows(); }

    /// A flattened channels-last activation read in its storage order, through the weight with
    /// its columns permuted, gives bit for bit what reordering it to NCHW first gives; each
    /// geometry gets its own permutation.
    void channelsLastInputIsReadWithoutReorder()
    {
        QFETCH(QString, engine);
        std::optional<QuantEngineGuard> guard;
        if (!selectEngine(engine, guard))
            QSKIP(qPrintable("this LibTorch build does not offer the " + engine + " engine"));
        torch::manual_seed(6);
        torch::nn::Linear linear(72, 5);
        auto layer = quantizeLinearStatic(linear, {0.03, 20}, {0.05, 0}, true);
        for (const std::vector<std::int64_t> &geometry :
             {std::vector<std::int64_t>{6, 3, 4}, {8, 3, 3}, {6, 3, 4}}) {
            const torch::Tensor x =
                layer->quantizeInput(torch::rand({7, geometry[0], geometry[1], geometry[2]}) * 2.0);
            const torch::Tensor stored = x.contiguous(torch::MemoryFormat::ChannelsLast);
            const torch::Tensor expected = layer->forwardQuantized(x.flatten(1));
            const torch::Tensor read = layer->forwardQuantizedChannelsLast(stored);
            QVERIFY(torch::equal(read.int_repr(), expected.int_repr()));
            QCOMPARE(read.q_scale(), expected.q_scale());
        }
        const torch::Tensor nchw = layer->quantizeInput(torch::rand({2, 6, 3, 4}));
        QVERIFY_THROWS_EXCEPTION(ConfigError, layer->forwardQuantizedChannelsLast(nchw));
        QVERIFY_THROWS_EXCEPTION(ConfigError,
                                 layer->forwardQuantizedChannelsLast(
                                     layer->quantizeInput(torch::rand({2, 5, 3, 4}))
                                         .contiguous(torch::MemoryFormat::ChannelsLast)));
    }

    void acceptsOtherShapes()
    {
        torch::manual_seed(4);
        torch::nn::Linear linear(8, 4);
        auto dynamicLayer = quantizeLinearDynamic(linear);
        QCOMPARE(dynamicLayer(torch::randn({8})).sizes(), (std::vector<std::int64_t>{4}));
        QCOMPARE(dynamicLayer(torch::randn({2, 3, 8})).sizes(),
                 (std::vector<std::int64_t>{2, 3, 4}));
        auto staticLayer = quantizeLinearStatic(linear, {0.05, 128}, {0.05, 128});
        QCOMPARE(staticLayer(torch::randn({8})).sizes(), (std::vector<std::int64_t>{4}));
        QVERIFY_THROWS_EXCEPTION(ConfigError, dynamicLayer->forwardQuantized(torch::randn({8})));
        QVERIFY_THROWS_EXCEPTION(ConfigError, quantizeLinearStatic(linear, {0.0, 0}, {1.0, 0}));
    }

    void reloadsBitForBit_data()
    {
        addEngineColumn();
        QTest::addColumn<int>("kind");
        const char *const kinds[] = {"dynamic per-tensor", "dynamic per-channel", "static",
                                     "static relu"};
        for (const char *engine : kEngines)
            for (int kind = 0; kind < 4; ++kind)
                QTest::addRow("%s %s", engine, kinds[kind]) << QString(engine) << kind;
    }

    /// torch::save(layer) writes int8 weights: at most 0.3 of torch::save(float layer), and the
    /// reloaded layer, packed again, computes bitwise the same outputs.
    void reloadsBitForBit()
    {
        QFETCH(QString, engine);
        QFETCH(int, kind);
        std::optional<QuantEngineGuard> guard;
        if (!selectEngine(engine, guard))
            QSKIP(qPrintable("this LibTorch build does not offer the " + engine + " engine"));
        torch::manual_seed(5);
        torch::nn::Linear linear(512, 512);
        const auto x = torch::randn({8, 512});
        const auto expected = reference(linear, x, kind == 3);
        auto layer =
            kind < 2 ? quantizeLinearDynamic(linear, kind == 0 ? QuantGranularity::PerTensor
                                                               : QuantGranularity::PerChannel)
                     : quantizeLinearStatic(linear, calibrate(x), calibrate(expected), kind == 3);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string floatPath = dir.filePath("float.pt").toStdString();
        const std::string int8Path = dir.filePath("int8.pt").toStdString();
        torch::save(linear, floatPath);
        torch::save(layer, int8Path);
        const double ratio = double(QFileInfo(QString::fromStdString(int8Path)).size()) /
                             double(QFileInfo(QString::fromStdString(floatPath)).size());
        qInfo("int8 file / float file: %.4f", ratio);
        QVERIFY2(ratio <= 0.3, qPrintable(QString::number(ratio)));

        QuantizedLinear reloaded(QuantizedLinearImpl::loadState(int8Path));
        QVERIFY(torch::equal(reloaded(x), layer(x)));
        QVERIFY(
            torch::equal(reloaded->state().weight.int_repr(), layer->state().weight.int_repr()));

        // torch::load into a layer of another shape and mode replaces its state.
        auto other = quantizeLinearDynamic(torch::nn::Linear(3, 2));
        torch::load(other, int8Path);
        QVERIFY(torch::equal(other(x), layer(x)));
    }

    void refusesOtherFiles()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("conv.pt").toStdString();
        torch::save(torch::nn::Linear(2, 2), path);
        QVERIFY_THROWS_EXCEPTION(Error, QuantizedLinearImpl::loadState(path));
        QVERIFY_THROWS_EXCEPTION(Error, QuantizedLinearImpl::loadState(path + ".missing"));
    }
};

MF_TEST_GUILESS_MAIN(TestQuantizedLinear)
#include "tst_quantizedlinear.moc"
