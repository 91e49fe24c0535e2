#include "core/compress/channelpruning.h"
#include "core/models/modelfactory.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using namespace mf;

namespace {

const std::vector<std::int64_t> kImage{1, 12, 12};

/// Batch-norm statistics and affine parameters that are not the identity, so that slicing them
/// wrongly shows.
void randomizeBatchNorm(torch::nn::Sequential &model)
{
    torch::NoGradGuard noGrad;
    for (auto &item : model->named_buffers())
        if (item.key().find("running_var") != std::string::npos)
            item.value().uniform_(0.5, 2.0);
        else if (item.key().find("running_mean") != std::string::npos)
            item.value().normal_();
    for (auto &item : model->named_parameters())
        if (item.key().rfind("bn", 0) == 0)
            item.value().normal_();
}

} // namespace

class TestChannelPruning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallerNetworkReproducesTheMaskedOne_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("norm");
        QTest::newRow("cnn, L1") << R"({"type":"cnn","conv":[6,8],"fc":[10]})"
                                 << int(ChannelNorm::L1);
        QTest::newRow("cnn with batch norm, L2")
            << R"({"type":"cnn","conv":[6,8],"fc":[10],"batch_norm":true})" << int(ChannelNorm::L2);
        QTest::newRow("cnn without pooling or fc")
            << R"({"type":"cnn","conv":[4],"pool":0,"fc":[]})" << int(ChannelNorm::L1);
        QTest::newRow("mlp, tanh")
            << R"({"type":"mlp","hidden":[20,12],"activation":"tanh"})" << int(ChannelNorm::L2);
    }
    void smallerNetworkReproducesTheMaskedOne()
    {
        QFETCH(QString, spec);
        QFETCH(int, norm);
        const nlohmann::json json = nlohmann::json::parse(spec.toStdString());
        torch::nn::Sequential model = buildModel(json, kImage, 5, 3);
        randomizeBatchNorm(model);
        ChannelPruned pruned =
            pruneChannels(model, json, kImage, 5, 0.5, static_cast<ChannelNorm>(norm));
        QVERIFY(parameterCount(*pruned.model) < parameterCount(*model));
        for (const PrunedWidth &width : pruned.widths)
            QCOMPARE(width.after, width.before - (width.before + 1) / 2); // round half away

        torch::manual_seed(4);
        const torch::Tensor inputs = torch::randn({6, 1, 12, 12});
        model->eval();
        pruned.model->eval();
        zeroRemovedChannels(model, pruned);
        torch::NoGradGuard noGrad;
        const torch::Tensor expected = model->forward(inputs);
        const torch::Tensor actual = pruned.model->forward(inputs);
        // The same sums without the zero terms: equal up to float summation order.
        QVERIFY2(torch::allclose(actual, expected, 1e-5, 1e-5),
                 qPrintable(QString::number((actual - expected).abs().max().item<double>())));
    }

    void theSpecNamesTheNewWidthsAndTheOutputKeepsEveryClass()
    {
        const nlohmann::json spec = {{"type", "cnn"}, {"conv", {8, 16}}, {"fc", {32}}};
        const ChannelPruned pruned =
            pruneChannels(buildModel(spec, kImage, 5, 1), spec, kImage, 5, 0.25, ChannelNorm::L1);
        QCOMPARE(pruned.spec["conv"], nlohmann::json({6, 12}));
        QCOMPARE(pruned.spec["fc"], nlohmann::json({24}));
        QCOMPARE(pruned.model->named_parameters().find("out.weight")->size(0), std::int64_t(5));
        // A spec that builds the pruned network again.
        QCOMPARE(parameterCount(*buildModel(pruned.spec, kImage, 5, 9)),
                 parameterCount(*pruned.model));
    }

    void theChannelsOfLargestNormAreKept()
    {
        const nlohmann::json spec = {{"type", "mlp"}, {"hidden", {4}}};
        torch::nn::Sequential model = buildModel(spec, {3}, 2, 1);
        {
            torch::NoGradGuard noGrad;
            // Rows' L1 norms 3, 0.3, 6, 1.5: keep neurons 0 and 2.
            model->named_parameters()
                .find("fc1.weight")
                ->copy_(torch::tensor({{1.0f, 1.0f, 1.0f},
                                       {0.1f, -0.1f, 0.1f},
                                       {-2.0f, 2.0f, 2.0f},
                                       {0.5f, 0.5f, -0.5f}}));
        }
        const ChannelPruned pruned = pruneChannels(model, spec, {3}, 2, 0.5, ChannelNorm::L1);
        QCOMPARE(pruned.kept.front(), (std::vector<std::int64_t>{0, 2}));
        QVERIFY(torch::equal(*pruned.model->named_parameters().find("fc1.weight"),
                             torch::tensor({{1.0f, 1.0f, 1.0f}, {-2.0f, 2.0f, 2.0f}})));
    }

    void badRequestsAreClearErrors()
    {
        const nlohmann::json spec = {{"type", "cnn"}, {"conv", {1, 8}}, {"fc", {}}};
        torch::nn::Sequential model = buildModel(spec, kImage, 5, 1);
        QVERIFY_THROWS_EXCEPTION(ConfigError,
                                 pruneChannels(model, spec, kImage, 5, 1.0, ChannelNorm::L1));
        try {
            pruneChannels(model, spec, kImage, 5, 0.6, ChannelNorm::L1); // conv1 has one channel
            QFAIL("pruned every channel of conv1");
        } catch (const ConfigError &error) {
            QVERIFY2(QString(error.what()).contains("conv1"), error.what());
        }
        const nlohmann::json resnet = {{"type", "resnet"}, {"channels", {4}}};
        QVERIFY_THROWS_EXCEPTION(ConfigError,
                                 pruneChannels(buildModel(resnet, kImage, 5, 1), resnet, kImage, 5,
                                               0.5, ChannelNorm::L1));
    }
};

MF_TEST_GUILESS_MAIN(TestChannelPruning)
#include "tst_channelpruning.moc"
