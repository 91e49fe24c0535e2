#include "core/compress/int8variant.h"
#include "core/compress/quantengine.h"
#include "core/compress/quantizedrecurrent.h"
#include "core/compress/quantizedsequential.h"
#include "core/models/modelfactory.h"
#include "core/store/runrecord.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using namespace mf;
using nlohmann::json;

namespace {

constexpr std::int64_t kVocab = 50;

/// Four documents of lengths 9, 3, 12 and 1, right-padded to 12.
torch::Tensor documents()
{
    torch::manual_seed(11);
    torch::Tensor ids = torch::randint(2, kVocab, {4, 12}, torch::kLong);
    const std::int64_t lengths[] = {9, 3, 12, 1};
    for (int r = 0; r < 4; ++r)
        ids[r].narrow(0, lengths[r], 12 - lengths[r]).fill_(0);
    return ids;
}

} // namespace

class TestQuantizedRecurrent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(!quantEngines().empty()); }

    void int8MatchesTheFloatEncoder_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("rnn") << R"({"type":"rnn"})";
        QTest::newRow("gru") << R"({"type":"gru"})";
        QTest::newRow("lstm") << R"({"type":"lstm"})";
        QTest::newRow("bidirectional gru") << R"({"type":"gru","bidirectional":true})";
        QTest::newRow("2-layer bidirectional lstm")
            << R"({"type":"lstm","bidirectional":true,"layers":2})";
    }

    void int8MatchesTheFloatEncoder()
    {
        QFETCH(QString, spec);
        json model = json::parse(spec.toStdString());
        model["vocab_size"] = kVocab;
        model["embedding_dim"] = 16;
        model["hidden_size"] = 24;
        torch::nn::Sequential net = buildModel(model, {12}, 3, 5);
        net->eval();
        const auto encoder = std::dynamic_pointer_cast<RecurrentEncoderImpl>(net->ptr(0));
        QVERIFY(encoder);
        QuantizedRecurrentEncoder int8(*encoder);
        const torch::Tensor ids = documents();
        torch::NoGradGuard noGrad;
        const torch::Tensor expected = encoder->forward(ids);
        const torch::Tensor actual = int8->forward(ids);
        QCOMPARE(actual.sizes(), expected.sizes());
        // Per-channel int8 weights and activations quantised per call: states within 0.03 of
        // the float ones (they lie in [-1, 1]).
        const double error = (actual - expected).abs().max().item<double>();
        QVERIFY2(error < 0.03, qPrintable(QString::number(error)));
        // Padding never reaches the cell: more of it changes nothing.
        const torch::Tensor padded = torch::cat({ids, torch::zeros({4, 5}, torch::kLong)}, 1);
        QVERIFY(torch::allclose(int8->forward(padded), actual, 1e-6, 1e-6));
        // A document alone comes out as in the batch up to the activations' quantisation, whose
        // range each call takes from its own inputs (as PyTorch's dynamic int8 does).
        const torch::Tensor alone = int8->forward(ids[1].narrow(0, 0, 3).unsqueeze(0));
        QVERIFY((alone[0] - actual[1]).abs().max().item<double>() < 0.03);
    }

    void dynamicInt8TakesTheRecurrentEncoder()
    {
        torch::nn::Sequential net = buildModel(
            json{{"type", "gru"}, {"vocab_size", kVocab}, {"hidden_size", 24}}, {12}, 3, 5);
        net->eval();
        const auto layers = quantizableLayers(net, QuantMode::Dynamic);
        QCOMPARE(layers.size(), std::size_t(2));
        QCOMPARE(layers[0].name, std::string("encoder"));
        QVERIFY(layers[0].recurrent);
        QCOMPARE(layers[1].name, std::string("out"));
        QVERIFY(quantizableLayers(net, QuantMode::Static).size() == 1); // the linear layer only

        QuantizedSequential int8(net, QuantMode::Dynamic, std::set<std::string>{"encoder", "out"},
                                 Calibration{});
        const torch::Tensor ids = documents();
        torch::NoGradGuard noGrad;
        const torch::Tensor expected = net->forward(ids);
        const torch::Tensor actual = int8->forward(ids);
        QVERIFY((actual - expected).abs().max().item<double>() < 0.05);

        // Saved and loaded as an int8 variant: the same outputs, weights about a quarter.
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/int8.pt";
        torch::save(int8, path);
        QuantizedSequential loaded = loadInt8Model(
            net, {{kCompressionParam, "int8 dynamic"}, {kInt8LayersParam, "encoder,out"}}, path);
        QVERIFY(torch::equal(loaded->forward(ids), actual));
        std::int64_t floatBytes = 0;
        std::int64_t int8Bytes = 0;
        for (const auto &item : net->named_parameters())
            if (item.key().find("rnn.weight") != std::string::npos)
                floatBytes += item.value().numel() * 4;
        for (const torch::Tensor &tensor : int8->weights())
            if (tensor.is_quantized())
                int8Bytes += tensor.numel();
        QVERIFY2(int8Bytes * 4 <= floatBytes + 4 * 24 * 3,
                 qPrintable(QString("%1 int8 bytes for %2 float").arg(int8Bytes).arg(floatBytes)));
    }
};

MF_TEST_GUILESS_MAIN(TestQuantizedRecurrent)
#include "tst_quantizedrecurrent.moc"
