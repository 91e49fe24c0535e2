#include "core/compress/quantengine.h"
#include "core/compress/quantizationplanner.h"
#include "core/models/modelfactory.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using namespace mf;

namespace {

const std::vector<std::int64_t> kImage{1, 12, 12};

torch::nn::Sequential trainedLike(const nlohmann::json &spec)
{
    torch::nn::Sequential model = buildModel(spec, kImage, 5, 11);
    torch::NoGradGuard noGrad;
    for (auto &item : model->named_buffers())
        if (item.key().find("running_var") != std::string::npos)
            item.value().uniform_(0.5, 2.0);
        else if (item.key().find("running_mean") != std::string::npos)
            item.value().normal_(0.0, 0.1);
    model->eval();
    return model;
}

std::vector<torch::Tensor> batches(int count)
{
    torch::manual_seed(21);
    std::vector<torch::Tensor> result;
    for (int i = 0; i < count; ++i)
        result.push_back(torch::randn({16, 1, 12, 12}));
    return result;
}

/// int8 keeps each output within 10% of the fp32 output's range (the error of a few chained
/// 8-bit roundings on random weights) and differs from it (int8 arithmetic ran).
void verifyCloseToFloat(const torch::Tensor &quantized, const torch::Tensor &reference)
{
    const double range = reference.abs().max().item<double>();
    const double error = (quantized - reference).abs().max().item<double>();
    QVERIFY2(error < 0.1 * range, qPrintable(QString("%1 vs range %2").arg(error).arg(range)));
    QVERIFY(error > 0.0);
}

} // namespace

class TestQuantizedSequential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (quantEngines().empty())
            QSKIP("this LibTorch build offers no int8 engine");
        setQuantEngine(quantEngines().front());
    }

    void staticCnnIsCloseToFloat_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("conv, pool, fc") << R"({"type":"cnn","conv":[4,8],"fc":[16]})";
        QTest::newRow("batch norm folded")
            << R"({"type":"cnn","conv":[4,8],"fc":[16],"batch_norm":true})";
        QTest::newRow("no pooling") << R"({"type":"cnn","conv":[4],"pool":0,"fc":[]})";
        QTest::newRow("tanh: nothing fused")
            << R"({"type":"cnn","conv":[4,8],"activation":"tanh"})";
    }
    void staticCnnIsCloseToFloat()
    {
        QFETCH(QString, spec);
        auto model = trainedLike(nlohmann::json::parse(spec.toStdString()));
        const auto calibration = batches(4);
        const auto layers = quantizableLayers(model, QuantMode::Static);
        std::set<std::string> all;
        for (const QuantizableLayer &layer : layers)
            all.insert(layer.name);
        QuantizedSequential quantized(model, QuantMode::Static, all,
                                      calibrate(model, calibration, ObserverKind::MinMax));
        torch::NoGradGuard noGrad;
        verifyCloseToFloat(quantized->forward(calibration[1]), model->forward(calibration[1]));
    }

    void mixedPrecisionConvertsAtTheBoundaries()
    {
        auto model = trainedLike({{"type", "cnn"}, {"conv", {4, 8}}, {"fc", {16}}});
        const auto calibration = batches(2);
        const Calibration calibrated = calibrate(model, calibration, ObserverKind::Histogram);
        torch::NoGradGuard noGrad;
        const torch::Tensor reference = model->forward(calibration[0]);
        for (const std::set<std::string> &int8 : std::vector<std::set<std::string>>{
                 {"conv2"}, {"conv1", "fc1"}, {"fc1", "out"}, {"conv1", "conv2", "fc1", "out"}}) {
            QuantizedSequential quantized(model, QuantMode::Static, int8, calibrated);
            QCOMPARE(quantized->int8Layers(), int8);
            verifyCloseToFloat(quantized->forward(calibration[0]), reference);
        }
        // No int8 layer: the float model exactly.
        QuantizedSequential none(model, QuantMode::Static, std::set<std::string>{}, calibrated);
        QVERIFY(torch::equal(none->forward(calibration[0]), reference));
    }

    void dynamicMlpQuantisesItsLinearLayers()
    {
        auto model = trainedLike({{"type", "mlp"}, {"hidden", {64, 32}}});
        QCOMPARE(quantizableLayers(model, QuantMode::Dynamic).size(), std::size_t(3));
        QuantizedSequential quantized(model, QuantMode::Dynamic,
                                      std::set<std::string>{"fc1", "fc2", "out"}, Calibration{});
        torch::NoGradGuard noGrad;
        const torch::Tensor input = batches(1).front();
        verifyCloseToFloat(quantized->forward(input), model->forward(input));
        // Dynamic int8 leaves convolutions alone.
        auto cnn = trainedLike({{"type", "cnn"}, {"conv", {4}}, {"fc", {8}}});
        for (const QuantizableLayer &layer : quantizableLayers(cnn, QuantMode::Dynamic))
            QVERIFY(!layer.convolution);
    }

    void aLayerThatIsSlowerInInt8StaysInFp32()
    {
        auto model = trainedLike({{"type", "cnn"}, {"conv", {4, 8}}, {"fc", {16}}});
        QuantPlannerOptions options;
        // Each int8 layer saves 1 ms, except conv2, which costs 5.
        options.timer = [](QuantizedSequentialImpl &quantized) {
            double millis = 20.0;
            for (const std::string &layer : quantized.int8Layers())
                millis += layer == "conv2" ? 5.0 : -1.0;
            return millis;
        };
        const QuantPlan plan = planQuantization(model, batches(2), batches(1).front(), options);
        QCOMPARE(plan.model->int8Layers(), (std::set<std::string>{"conv1", "fc1", "out"}));
        QCOMPARE(plan.layers.size(), std::size_t(4));
        for (const QuantLayerDecision &decision : plan.layers) {
            QCOMPARE(decision.int8, decision.layer != "conv2");
            QVERIFY2(QString::fromStdString(decision.reason)
                         .startsWith(decision.int8 ? "faster in int8" : "slower in int8"),
                     decision.reason.c_str());
        }
        QCOMPARE(plan.engineMillis.size(), quantEngines().size());
        QCOMPARE(std::string(quantEngineName(plan.engine)), plan.engineMillis.front().first);
    }

    void aLayerThatCostsTooMuchAccuracyStaysInFp32()
    {
        auto model = trainedLike({{"type", "mlp"}, {"hidden", {32}}});
        QuantPlannerOptions options;
        options.mode = QuantMode::Dynamic;
        options.timer = [](QuantizedSequentialImpl &quantized) {
            return 10.0 - double(quantized.int8Layers().size());
        };
        options.accuracyBudget = 0.5;
        options.accuracy = [](const auto &, const std::set<std::string> &int8) {
            return int8.count("out") ? 0.894 : int8.count("fc1") ? 0.898 : 0.9;
        };
        const QuantPlan plan = planQuantization(model, {}, batches(1).front(), options);
        QCOMPARE(plan.model->int8Layers(), (std::set<std::string>{"fc1"}));
        const QuantLayerDecision &out = plan.layers.back();
        QCOMPARE(out.layer, std::string("out"));
        QVERIFY(!out.int8);
        QCOMPARE(out.accuracyAlone, 0.894);
        QVERIFY2(QString::fromStdString(out.reason).contains("0.60 points"), out.reason.c_str());
    }

    void aModelWithNothingToQuantiseIsAClearError()
    {
        torch::nn::Sequential model{torch::nn::Flatten(), torch::nn::ReLU()};
        QVERIFY_THROWS_EXCEPTION(
            ConfigError,
            planQuantization(model, batches(1), batches(1).front(), QuantPlannerOptions{}));
        auto cnn = trainedLike({{"type", "cnn"}, {"conv", {4}}});
        QVERIFY_THROWS_EXCEPTION(ConfigError, QuantizedSequential(cnn, QuantMode::Static,
                                                                  std::set<std::string>{"conv9"},
                                                                  Calibration{}));
        QVERIFY_THROWS_EXCEPTION(ConfigError, calibrate(cnn, {}, ObserverKind::MinMax));
    }
};

MF_TEST_GUILESS_MAIN(TestQuantizedSequential)
#include "tst_quantizedsequential.moc"
