#include "core/models/maxpool.h"
#include "core/models/modelfactory.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <cmath>

using nlohmann::json;
using Shape = std::vector<std::int64_t>;

Q_DECLARE_METATYPE(Shape)

namespace {

json parse(const char *text)
{
    return json::parse(text);
}

std::vector<std::string> childNames(const torch::nn::Sequential &net)
{
    std::vector<std::string> names;
    for (const auto &item : net->named_children())
        names.push_back(item.key());
    return names;
}

bool hasChild(const torch::nn::Sequential &net, const std::string &name)
{
    const auto names = childNames(net);
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// The weight of the first Linear child named `name`.
torch::Tensor linearWeight(const torch::nn::Sequential &net, const std::string &name)
{
    auto *found = net->named_children().find(name);
    if (!found)
        return {};
    return (*found)->as<torch::nn::Linear>()->weight;
}

torch::Tensor linearBias(const torch::nn::Sequential &net, const std::string &name)
{
    return (*net->named_children().find(name))->as<torch::nn::Linear>()->bias;
}

} // namespace

class TestModelFactory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outputShape_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<Shape>("input");
        QTest::addColumn<int>("classes");
        QTest::newRow("mlp 1x28x28") << "mlp" << Shape{1, 28, 28} << 10;
        QTest::newRow("mlp 3x32x32") << "mlp" << Shape{3, 32, 32} << 100;
        QTest::newRow("mlp table") << "mlp" << Shape{7} << 3;
        QTest::newRow("cnn 1x28x28") << "cnn" << Shape{1, 28, 28} << 10;
        QTest::newRow("cnn 3x32x32") << "cnn" << Shape{3, 32, 32} << 10;
        QTest::newRow("cnn 1x5x7") << "cnn" << Shape{1, 5, 7} << 2;
        QTest::newRow("resnet 1x28x28") << "resnet" << Shape{1, 28, 28} << 10;
        QTest::newRow("resnet 3x32x32") << "resnet" << Shape{3, 32, 32} << 100;
        QTest::newRow("custom cnn bn dropout")
            << R"({"type":"cnn","conv":[8,8,8],"kernel":5,"batch_norm":true,"pool":2,
                  "fc":[],"dropout":0.3,"activation":"gelu"})"
            << Shape{3, 32, 32} << 4;
        QTest::newRow("cnn without pooling")
            << R"({"type":"cnn","conv":[4],"kernel":3,"padding":0,"pool":1,"fc":[6]})"
            << Shape{2, 6, 6} << 3;
        QTest::newRow("mlp no hidden") << R"({"type":"mlp","hidden":[]})" << Shape{5} << 2;
        QTest::newRow("resnet two blocks")
            << R"({"type":"resnet","channels":[4,8],"blocks":2,"dropout":0.1})" << Shape{3, 16, 16}
            << 5;
    }

    void outputShape()
    {
        QFETCH(QString, spec);
        QFETCH(Shape, input);
        QFETCH(int, classes);
        const json j = spec.startsWith('{') ? json::parse(spec.toStdString())
                                            : mf::defaultModelSpec(spec.toStdString());
        torch::manual_seed(0);
        auto net = mf::buildModel(j, input, classes);
        Shape batch{2};
        batch.insert(batch.end(), input.begin(), input.end());
        const auto out = net->forward(torch::randn(batch));
        QCOMPARE(out.sizes().vec(), (Shape{2, classes}));
        QVERIFY(torch::isfinite(out).all().item<bool>());
        out.sum().backward();
        for (const auto &p : net->parameters())
            QVERIFY(p.grad().defined());
    }

    void defaultCnnIsTheBenchmarkNetwork()
    {
        const json spec = mf::defaultModelSpec("cnn");
        QCOMPARE(spec.at("conv"), json({32, 64}));
        QCOMPARE(spec.at("fc"), json({128}));
        QCOMPARE(spec.at("kernel").get<int>(), 3);
        QCOMPARE(spec.at("padding").get<int>(), 1);
        QCOMPARE(spec.at("pool").get<int>(), 2);
        QCOMPARE(spec.at("batch_norm").get<bool>(), false);
        QCOMPARE(spec.at("activation").get<std::string>(), std::string("relu"));
        QCOMPARE(spec.at("dropout").get<double>(), 0.0);

        auto net = mf::buildModel(spec, {1, 28, 28}, 10);
        // conv1 1->32 3x3 + bias, conv2 32->64 3x3 + bias, two 2x2 pools: 28 -> 14 -> 7,
        // fc 64*7*7 -> 128, out 128 -> 10.
        const std::int64_t conv1 = 32 * 1 * 9 + 32;     // 320
        const std::int64_t conv2 = 64 * 32 * 9 + 64;    // 18,496
        const std::int64_t fc = 64 * 7 * 7 * 128 + 128; // 401,536
        const std::int64_t out = 128 * 10 + 10;         // 1,290
        QCOMPARE(mf::parameterCount(*net), conv1 + conv2 + fc + out);
        // Layer by layer, as the arithmetic above assumes.
        const auto parameters = net->named_parameters();
        QCOMPARE(parameters["conv1.weight"].sizes().vec(), (Shape{32, 1, 3, 3}));
        QCOMPARE(parameters["conv2.weight"].sizes().vec(), (Shape{64, 32, 3, 3}));
        QCOMPARE(parameters["fc1.weight"].sizes().vec(), (Shape{128, 64 * 7 * 7}));
        QCOMPARE(parameters["out.weight"].sizes().vec(), (Shape{10, 128}));
        QCOMPARE(net->forward(torch::zeros({2, 1, 28, 28})).sizes().vec(), (Shape{2, 10}));
        // Each activation is part of the pooling after it, where a kernel plan may fuse them.
        QCOMPARE(childNames(net), (std::vector<std::string>{"conv1", "pool1", "conv2", "pool2",
                                                            "flatten", "fc1", "fc1_act", "out"}));
        for (const char *pool : {"pool1", "pool2"})
            QCOMPARE((*net->named_children().find(pool))->as<mf::MaxPool>()->activation(),
                     mf::Activation::Relu);
    }

    void cnnWithoutPoolingKeepsItsActivationLayers()
    {
        auto net = mf::buildModel(
            parse(R"({"type":"cnn","conv":[4],"kernel":3,"padding":0,"pool":1,"fc":[6],
                      "activation":"tanh"})"),
            {2, 6, 6}, 3);
        QCOMPARE(childNames(net),
                 (std::vector<std::string>{"conv1", "act1", "flatten", "fc1", "fc1_act", "out"}));
    }

    void defaultMlpParameterCount()
    {
        auto net = mf::buildModel(mf::defaultModelSpec("mlp"), {1, 28, 28}, 10);
        QCOMPARE(mf::parameterCount(*net),
                 std::int64_t(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10));
    }

    void defaultSpecsAreValidAndComplete()
    {
        for (const char *type : {"mlp", "cnn", "resnet"}) {
            const json spec = mf::defaultModelSpec(type);
            mf::validateModelSpec(spec);
            QCOMPARE(spec.at("type").get<std::string>(), std::string(type));
            // Defaults written out and left out build the same network.
            torch::manual_seed(5);
            auto a = mf::buildModel(spec, {3, 16, 16}, 4);
            torch::manual_seed(5);
            auto b = mf::buildModel(json{{"type", type}}, {3, 16, 16}, 4);
            QCOMPARE(mf::parameterCount(*a), mf::parameterCount(*b));
            QCOMPARE(childNames(a), childNames(b));
        }
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::defaultModelSpec("gan"));
    }

    void batchNormAndDropoutLayers()
    {
        auto net = mf::buildModel(
            parse(R"({"type":"cnn","conv":[32],"batch_norm":true,"fc":[16],"dropout":0.5})"),
            {1, 8, 8}, 10);
        QVERIFY(hasChild(net, "bn1"));
        QVERIFY(hasChild(net, "fc1_drop"));
        // Batch norm replaces the conv bias: 32*9 weights + 2*32 norm parameters.
        const std::int64_t expected = 32 * 9 + 2 * 32 + 32 * 4 * 4 * 16 + 16 + 16 * 10 + 10;
        QCOMPARE(mf::parameterCount(*net), expected);

        auto plain = mf::buildModel(mf::defaultModelSpec("mlp"), {4}, 2);
        QVERIFY(!hasChild(plain, "fc1_drop"));
    }

    void activation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("atMinusOne");
        QTest::addColumn<double>("atZero");
        QTest::addColumn<double>("atOne");
        QTest::newRow("relu") << "relu" << 0.0 << 0.0 << 1.0;
        QTest::newRow("sigmoid") << "sigmoid" << 0.2689414213699951 << 0.5 << 0.7310585786300049;
        QTest::newRow("tanh") << "tanh" << -0.7615941559557649 << 0.0 << 0.7615941559557649;
        // x * Phi(x), the exact (erf) GELU.
        QTest::newRow("gelu") << "gelu" << -0.15865525393145707 << 0.0 << 0.8413447460685429;
    }

    void activation()
    {
        QFETCH(QString, name);
        QFETCH(double, atMinusOne);
        QFETCH(double, atZero);
        QFETCH(double, atOne);
        json spec = {{"type", "mlp"}, {"hidden", {3}}, {"activation", name.toStdString()}};
        auto net = mf::buildModel(spec, {3}, 2);
        QCOMPARE(childNames(net)[2], std::string("fc1_act"));
        const auto x = torch::tensor({-1.0, 0.0, 1.0}, torch::kDouble);
        // Sequential holds each layer as an AnyModule; run the third one (the activation).
        const torch::Tensor out = (net->begin() + 2)->forward(x);
        QVERIFY(std::abs(out[0].item<double>() - atMinusOne) < 1e-9);
        QVERIFY(std::abs(out[1].item<double>() - atZero) < 1e-9);
        QVERIFY(std::abs(out[2].item<double>() - atOne) < 1e-9);
    }

    void initStatistics_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("bound"); // 0: unbounded (normal)
        QTest::addColumn<double>("stddev");
        // fc1 is 1000 -> 200: fan-in n = 1000, fan-out m = 200.
        const double n = 1000, m = 200;
        QTest::newRow("uniform a=2")
            << "uniform" << 2.0 << 2.0 / std::sqrt(n) << 2.0 / std::sqrt(n) / std::sqrt(3.0);
        QTest::newRow("gaussian a=1") << "gaussian" << 1.0 << 0.0 << 1.0 / std::sqrt(n);
        QTest::newRow("gaussian a=3") << "gaussian" << 3.0 << 0.0 << 3.0 / std::sqrt(n);
        QTest::newRow("xavier") << "xavier" << 1.0 << std::sqrt(6.0 / (n + m))
                                << std::sqrt(6.0 / (n + m)) / std::sqrt(3.0);
        QTest::newRow("kaiming") << "kaiming" << 1.0 << 0.0 << std::sqrt(2.0 / n);
    }

    void initStatistics()
    {
        QFETCH(QString, scheme);
        QFETCH(double, a);
        QFETCH(double, bound);
        QFETCH(double, stddev);
        torch::manual_seed(11);
        const json spec = {{"type", "mlp"},
                           {"hidden", {200}},
                           {"init", {{"scheme", scheme.toStdString()}, {"a", a}}}};
        auto net = mf::buildModel(spec, {1000}, 10);
        const auto w = linearWeight(net, "fc1").to(torch::kDouble);
        QCOMPARE(w.sizes().vec(), (Shape{200, 1000}));
        const double mean = w.mean().item<double>();
        const double sd = w.std().item<double>();
        QVERIFY2(std::abs(mean) < 0.05 * stddev, qPrintable(QString::number(mean)));
        QVERIFY2(std::abs(sd / stddev - 1.0) < 0.02,
                 qPrintable(QStringLiteral("std %1, expected %2").arg(sd).arg(stddev)));
        if (bound > 0.0) {
            const double maxAbs = w.abs().max().item<double>();
            QVERIFY(maxAbs <= bound);
            QVERIFY(maxAbs > 0.99 * bound);
        }
        QCOMPARE(linearBias(net, "fc1").abs().sum().item<double>(), 0.0);
        QCOMPARE(linearBias(net, "out").abs().sum().item<double>(), 0.0);
    }

    void convFanInCountsTheKernel()
    {
        torch::manual_seed(12);
        const json spec = {{"type", "cnn"}, {"conv", {32, 64}}, {"init", {{"scheme", "kaiming"}}}};
        auto net = mf::buildModel(spec, {1, 28, 28}, 10);
        const auto w = (*net->named_children().find("conv2"))->as<torch::nn::Conv2d>()->weight;
        // fan-in = 32 channels * 3 * 3.
        const double expected = std::sqrt(2.0 / (32 * 9));
        QVERIFY(std::abs(w.std().item<double>() / expected - 1.0) < 0.03);
    }

    void defaultInitKeepsLibTorchBiases()
    {
        torch::manual_seed(13);
        auto net = mf::buildModel(mf::defaultModelSpec("mlp"), {50}, 3);
        QVERIFY(linearBias(net, "fc1").abs().sum().item<double>() > 0.0);
        // LibTorch's default: U(-1/sqrt(n), 1/sqrt(n)) via kaiming_uniform(a = sqrt(5)).
        QVERIFY(linearWeight(net, "fc1").abs().max().item<double>() <= 1.0 / std::sqrt(50.0));
    }

    void sameSeedSameModel()
    {
        torch::manual_seed(21);
        auto a = mf::buildModel(mf::defaultModelSpec("resnet"), {3, 8, 8}, 4);
        torch::manual_seed(21);
        auto b = mf::buildModel(mf::defaultModelSpec("resnet"), {3, 8, 8}, 4);
        const auto pa = a->parameters(), pb = b->parameters();
        QCOMPARE(pa.size(), pb.size());
        for (std::size_t i = 0; i < pa.size(); ++i)
            QVERIFY(torch::equal(pa[i], pb[i]));
    }

    void badSpec_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<Shape>("input");
        QTest::addColumn<QString>("key");
        const Shape mnist{1, 28, 28};
        QTest::newRow("not an object") << R"("cnn")" << mnist << "model";
        QTest::newRow("missing type") << R"({"hidden":[3]})" << mnist << "model.type";
        QTest::newRow("type not a string") << R"({"type":1})" << mnist << "model.type";
        QTest::newRow("unknown type") << R"({"type":"gan"})" << mnist << "model.type";
        QTest::newRow("unknown key") << R"({"type":"mlp","conv":[3]})" << mnist << "model.conv";
        QTest::newRow("hidden not array")
            << R"({"type":"mlp","hidden":"big"})" << mnist << "model.hidden";
        QTest::newRow("negative width")
            << R"({"type":"mlp","hidden":[10,-1]})" << mnist << "model.hidden[1]";
        QTest::newRow("fractional width")
            << R"({"type":"mlp","hidden":[2.5]})" << mnist << "model.hidden[0]";
        QTest::newRow("unknown activation")
            << R"({"type":"mlp","activation":"swish"})" << mnist << "model.activation";
        QTest::newRow("dropout above 1")
            << R"({"type":"mlp","dropout":1.5})" << mnist << "model.dropout";
        QTest::newRow("dropout 1") << R"({"type":"mlp","dropout":1})" << mnist << "model.dropout";
        QTest::newRow("dropout text")
            << R"({"type":"mlp","dropout":"0.5"})" << mnist << "model.dropout";
        QTest::newRow("init not object")
            << R"({"type":"mlp","init":"xavier"})" << mnist << "model.init";
        QTest::newRow("unknown scheme")
            << R"({"type":"mlp","init":{"scheme":"orthogonal"}})" << mnist << "model.init.scheme";
        QTest::newRow("zero scale")
            << R"({"type":"mlp","init":{"scheme":"uniform","a":0}})" << mnist << "model.init.a";
        QTest::newRow("unknown init key")
            << R"({"type":"mlp","init":{"scale":2}})" << mnist << "model.init.scale";
        QTest::newRow("zero kernel") << R"({"type":"cnn","kernel":0})" << mnist << "model.kernel";
        QTest::newRow("fractional kernel")
            << R"({"type":"cnn","kernel":2.5})" << mnist << "model.kernel";
        QTest::newRow("negative padding")
            << R"({"type":"cnn","padding":-1})" << mnist << "model.padding";
        QTest::newRow("batch_norm text")
            << R"({"type":"cnn","batch_norm":"yes"})" << mnist << "model.batch_norm";
        QTest::newRow("empty conv") << R"({"type":"cnn","conv":[]})" << mnist << "model.conv";
        QTest::newRow("negative pool") << R"({"type":"cnn","pool":-2})" << mnist << "model.pool";
        QTest::newRow("fc zero") << R"({"type":"cnn","fc":[0]})" << mnist << "model.fc[0]";
        QTest::newRow("conv shrinks to nothing")
            << R"({"type":"cnn","conv":[4,4,4,4,4],"kernel":7,"padding":0,"pool":0})" << mnist
            << "model.conv[4]";
        QTest::newRow("pool shrinks to nothing")
            << R"({"type":"cnn","conv":[4,4,4,4,4,4],"pool":2})" << mnist << "conv[4]";
        QTest::newRow("zero blocks")
            << R"({"type":"resnet","blocks":0})" << mnist << "model.blocks";
        QTest::newRow("empty channels")
            << R"({"type":"resnet","channels":[]})" << mnist << "model.channels";
        QTest::newRow("cnn on a table") << R"({"type":"cnn"})" << Shape{12} << "model.type";
        QTest::newRow("resnet on a table") << R"({"type":"resnet"})" << Shape{12} << "model.type";
        QTest::newRow("zero-sized input") << R"({"type":"mlp"})" << Shape{0} << "input shape";
        QTest::newRow("two-d input") << R"({"type":"mlp"})" << Shape{4, 4} << "input shape";
    }

    void badSpec()
    {
        QFETCH(QString, spec);
        QFETCH(Shape, input);
        QFETCH(QString, key);
        try {
            mf::buildModel(json::parse(spec.toStdString()), input, 10);
            QFAIL("expected mf::ConfigError");
        } catch (const mf::ConfigError &error) {
            const std::string message = error.what();
            QVERIFY2(message.find(key.toStdString() + ":") != std::string::npos ||
                         message.find(key.toStdString() + " ") != std::string::npos,
                     message.c_str());
        }
    }

    void badClassCount()
    {
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError,
                                 mf::buildModel(mf::defaultModelSpec("mlp"), {4}, 0));
    }
};

MF_TEST_GUILESS_MAIN(TestModelFactory)
#include "tst_modelfactory.moc"
