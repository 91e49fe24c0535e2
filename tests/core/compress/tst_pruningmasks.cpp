#include "core/compress/pruningmasks.h"
#include "core/models/modelfactory.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using namespace mf;

namespace {

torch::nn::Sequential smallCnn()
{
    return buildModel({{"type", "cnn"}, {"conv", {4, 8}}, {"fc", {16}}}, {1, 8, 8}, 3, 7);
}

std::int64_t zerosIn(const torch::Tensor &tensor)
{
    return (tensor == 0).sum().item<std::int64_t>();
}

} // namespace

class TestPruningMasks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void perLayerReachesTheExactSparsityInEveryLayer_data()
    {
        QTest::addColumn<double>("sparsity");
        QTest::newRow("0") << 0.0;
        QTest::newRow("0.5") << 0.5;
        QTest::newRow("0.8") << 0.8;
        QTest::newRow("0.97") << 0.97;
    }
    void perLayerReachesTheExactSparsityInEveryLayer()
    {
        QFETCH(double, sparsity);
        auto model = smallCnn();
        const PruningMasks masks =
            PruningMasks::byMagnitude(*model, sparsity, PruningScope::PerLayer);
        const auto layers = masks.sparsity();
        QCOMPARE(layers.size(), std::size_t(4)); // conv1, conv2, fc1, out: weights only
        for (const LayerSparsity &layer : layers) {
            const std::int64_t expected = std::llround(sparsity * double(layer.total));
            QCOMPARE(layer.zeros, expected);
            const torch::Tensor weight = *model->named_parameters().find(layer.name);
            QCOMPARE(zerosIn(weight), expected); // applied to the weight too
        }
        // Biases are not pruned.
        QCOMPARE(zerosIn(*model->named_parameters().find("conv1.bias")), std::int64_t(0));
    }

    void theSmallestMagnitudesGoFirst()
    {
        torch::nn::Linear layer(4, 2);
        {
            torch::NoGradGuard noGrad;
            layer->weight.copy_(
                torch::tensor({{0.5f, -0.1f, 3.0f, -2.0f}, {0.2f, -0.4f, 1.0f, 0.1f}}));
        }
        PruningMasks::byMagnitude(*layer, 0.5, PruningScope::PerLayer);
        // The four smallest |w| are 0.1 (first), 0.1 (second), 0.2, 0.4; ties go by position.
        QVERIFY(torch::equal(layer->weight,
                             torch::tensor({{0.5f, 0.0f, 3.0f, -2.0f}, {0.0f, 0.0f, 1.0f, 0.0f}})));
    }

    void globalScopeRanksAcrossLayers()
    {
        torch::nn::Sequential model(torch::nn::Linear(4, 4), torch::nn::Linear(4, 4));
        {
            torch::NoGradGuard noGrad;
            model[0]->as<torch::nn::Linear>()->weight.fill_(0.01f); // small everywhere
            model[1]->as<torch::nn::Linear>()->weight.fill_(1.0f);
        }
        const PruningMasks masks = PruningMasks::byMagnitude(*model, 0.5, PruningScope::Global);
        const auto layers = masks.sparsity();
        QCOMPARE(layers[0].zeros, std::int64_t(16)); // the whole small layer
        QCOMPARE(layers[1].zeros, std::int64_t(0));
        QCOMPARE(masks.overallSparsity(), 0.5);
    }

    void masksStayAppliedThroughOptimiserSteps()
    {
        auto model = smallCnn();
        const PruningMasks masks = PruningMasks::byMagnitude(*model, 0.8, PruningScope::Global);
        std::map<std::string, std::int64_t> before;
        for (const LayerSparsity &layer : masks.sparsity())
            before[layer.name] = layer.zeros;
        torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(0.1));
        torch::manual_seed(2);
        const torch::Tensor inputs = torch::randn({8, 1, 8, 8});
        const torch::Tensor labels = torch::randint(3, {8}, torch::kLong);
        const torch::Tensor untouched = model->named_parameters().find("conv2.weight")->clone();
        for (int step = 0; step < 5; ++step) {
            optimizer.zero_grad();
            torch::nn::functional::cross_entropy(model->forward(inputs), labels).backward();
            optimizer.step();
            masks.apply();
        }
        for (const LayerSparsity &layer : masks.sparsity()) {
            const torch::Tensor weight = *model->named_parameters().find(layer.name);
            const torch::Tensor mask = masks.mask(layer.name);
            QVERIFY(
                torch::equal(weight.masked_select(mask == 0), torch::zeros({before[layer.name]})));
        }
        // The kept weights did train.
        const torch::Tensor conv2 = *model->named_parameters().find("conv2.weight");
        const torch::Tensor kept = masks.mask("conv2.weight") != 0;
        QVERIFY(!torch::equal(conv2.masked_select(kept), untouched.masked_select(kept)));
    }

    void channelsLastWeightsKeepTheirLayout()
    {
        auto model = smallCnn();
        torch::Tensor conv = *model->named_parameters().find("conv2.weight");
        conv.set_data(conv.contiguous(at::MemoryFormat::ChannelsLast));
        const torch::Tensor reference = conv.detach().contiguous().clone();
        const PruningMasks masks = PruningMasks::byMagnitude(*model, 0.5, PruningScope::PerLayer);
        const torch::Tensor weight = *model->named_parameters().find("conv2.weight");
        QVERIFY(weight.is_contiguous(at::MemoryFormat::ChannelsLast));
        // The same entries as in a contiguous copy pruned alike.
        torch::nn::Linear flat(1, 1);
        {
            torch::NoGradGuard noGrad;
            flat->weight.set_data(reference.flatten(1).clone());
        }
        PruningMasks::byMagnitude(*flat, 0.5, PruningScope::PerLayer);
        QVERIFY(torch::equal(weight.flatten(1), flat->weight));
    }

    void badSparsityOrNothingToPruneIsAClearError()
    {
        auto model = smallCnn();
        QVERIFY_THROWS_EXCEPTION(ConfigError,
                                 PruningMasks::byMagnitude(*model, 1.0, PruningScope::PerLayer));
        QVERIFY_THROWS_EXCEPTION(ConfigError,
                                 PruningMasks::byMagnitude(*model, -0.1, PruningScope::Global));
        torch::nn::Sequential nothing(torch::nn::ReLU{});
        QVERIFY_THROWS_EXCEPTION(ConfigError,
                                 PruningMasks::byMagnitude(*nothing, 0.5, PruningScope::Global));
    }
};

MF_TEST_GUILESS_MAIN(TestPruningMasks)
#include "tst_pruningmasks.moc"
