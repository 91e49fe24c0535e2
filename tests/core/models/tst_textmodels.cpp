#include "core/models/modelfactory.h"
#include "core/models/modelspec.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <chrono>
#include <random>
#include <sstream>

using nlohmann::json;
using Shape = std::vector<std::int64_t>;

Q_DECLARE_METATYPE(Shape)

namespace {

constexpr std::int64_t kVocab = 51;

/// Right-pads `rows` with 0 to `length` tokens: a kLong [rows, length] batch.
torch::Tensor padded(const std::vector<std::vector<std::int64_t>> &rows, std::int64_t length)
{
    torch::Tensor batch =
        torch::zeros({static_cast<std::int64_t>(rows.size()), length}, torch::kLong);
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < rows[i].size(); ++j)
            batch[static_cast<std::int64_t>(i)][static_cast<std::int64_t>(j)] = rows[i][j];
    return batch;
}

const std::vector<std::vector<std::int64_t>> &sampleRows()
{
    static const std::vector<std::vector<std::int64_t>> rows = {
        {5, 9, 2, 14, 7}, {3, 8}, {11, 4, 6, 22, 9, 30, 17}, {42}, {12, 13, 14, 15, 16, 17}};
    return rows;
}

json textSpec(const QString &text)
{
    json spec = json::parse(text.toStdString());
    if (!spec.contains("vocab_size"))
        spec["vocab_size"] = kVocab;
    return spec;
}

torch::nn::Sequential build(const json &spec, std::int64_t length, std::int64_t classes = 3)
{
    auto net = mf::buildModel(spec, {length}, classes, 7);
    net->eval();
    return net;
}

double maxDifference(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a - b).abs().max().item<double>();
}

void addEveryType()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("rnn") << R"({"type":"rnn","embedding_dim":8,"hidden_size":6})";
    QTest::newRow("rnn bidirectional")
        << R"({"type":"rnn","embedding_dim":8,"hidden_size":6,"bidirectional":true})";
    QTest::newRow("gru") << R"({"type":"gru","embedding_dim":8,"hidden_size":6})";
    QTest::newRow("gru bidirectional two layers")
        << R"({"type":"gru","embedding_dim":8,"hidden_size":6,"bidirectional":true,"layers":2})";
    QTest::newRow("lstm") << R"({"type":"lstm","embedding_dim":8,"hidden_size":6})";
    QTest::newRow("lstm two layers")
        << R"({"type":"lstm","embedding_dim":8,"hidden_size":6,"layers":2})";
    QTest::newRow("lstm bidirectional")
        << R"({"type":"lstm","embedding_dim":8,"hidden_size":6,"bidirectional":true})";
    QTest::newRow("bag mean") << R"({"type":"bag","embedding_dim":8})";
    QTest::newRow("bag max") << R"({"type":"bag","embedding_dim":8,"pooling":"max"})";
    QTest::newRow("textcnn") << R"({"type":"textcnn","embedding_dim":8,"filters":5})";
    QTest::newRow("textcnn gelu one kernel")
        << R"({"type":"textcnn","embedding_dim":8,"filters":4,"kernel_sizes":[2],
              "activation":"gelu"})";
    QTest::newRow("transformer")
        << R"({"type":"transformer","embedding_dim":8,"heads":2,"ff_dim":16,"max_length":16})";
    QTest::newRow("transformer tanh one layer")
        << R"({"type":"transformer","embedding_dim":8,"heads":4,"layers":1,"activation":"tanh"})";
}

/// A corpus where one word decides the class: random ids 3..50, class 1 iff id 2 occurs.
struct Corpus
{
    torch::Tensor ids;
    torch::Tensor labels;
};

Corpus keywordCorpus(std::int64_t count, std::int64_t length, unsigned seed)
{
    std::mt19937 random(seed);
    std::uniform_int_distribution<std::int64_t> word(3, kVocab - 1);
    std::uniform_int_distribution<std::int64_t> size(2, length);
    std::vector<std::vector<std::int64_t>> rows;
    std::vector<std::int64_t> labels;
    for (std::int64_t i = 0; i < count; ++i) {
        std::vector<std::int64_t> row(static_cast<std::size_t>(size(random)));
        for (auto &id : row)
            id = word(random);
        const bool positive = i % 2 == 1;
        if (positive) {
            std::uniform_int_distribution<std::size_t> at(0, row.size() - 1);
            row[at(random)] = 2;
        }
        rows.push_back(row);
        labels.push_back(positive ? 1 : 0);
    }
    return {padded(rows, length), torch::tensor(labels, torch::kLong)};
}

} // namespace

class TestTextModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typesAndDefaults()
    {
        for (const char *type : {"rnn", "gru", "lstm", "bag", "textcnn", "transformer"}) {
            QVERIFY(mf::isTextModelType(type));
            json spec = mf::defaultModelSpec(type);
            QCOMPARE(spec.at("type").get<std::string>(), std::string(type));
            spec["vocab_size"] = kVocab;
            mf::validateModelSpec(spec);
            // Defaults written out and left out build the same network.
            auto a = mf::buildModel(spec, {12}, 4, 3);
            auto b = mf::buildModel(json{{"type", type}, {"vocab_size", kVocab}}, {12}, 4, 3);
            QCOMPARE(mf::parameterCount(*a), mf::parameterCount(*b));
            a->eval();
            b->eval();
            const auto input = padded(sampleRows(), 12);
            QVERIFY(torch::equal(a->forward(input), b->forward(input)));
        }
        for (const char *type : {"mlp", "cnn", "resnet", "text", ""})
            QVERIFY(!mf::isTextModelType(type));
    }

    void matchesUnpaddedSequences_data() { addEveryType(); }

    /// A padded batch gives each sequence the logits it has alone without padding, also with
    /// extra padding; shapes are [batch, classes].
    void matchesUnpaddedSequences()
    {
        QFETCH(QString, spec);
        const auto &rows = sampleRows();
        const std::int64_t length = 7;
        auto net = build(textSpec(spec), length);
        torch::NoGradGuard noGrad;
        const torch::Tensor batch = net->forward(padded(rows, length));
        QCOMPARE(batch.sizes().vec(), (Shape{static_cast<std::int64_t>(rows.size()), 3}));
        QVERIFY(torch::isfinite(batch).all().item<bool>());
        const torch::Tensor longer = net->forward(padded(rows, length + 5));
        QVERIFY2(maxDifference(batch, longer) < 1e-5,
                 qPrintable(QString::number(maxDifference(batch, longer))));
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto alone = net->forward(padded({rows[i]}, rows[i].size()));
            const double difference = maxDifference(alone[0], batch[static_cast<long>(i)]);
            QVERIFY2(difference < 1e-5,
                     qPrintable(QStringLiteral("row %1: %2").arg(i).arg(difference)));
        }
        // Outputs differ between texts: the model is not ignoring its input.
        QVERIFY(maxDifference(batch[0], batch[1]) > 1e-6);
    }

    void allPaddingRowIsFinite_data() { addEveryType(); }

    void allPaddingRowIsFinite()
    {
        QFETCH(QString, spec);
        auto net = build(textSpec(spec), 6);
        torch::NoGradGuard noGrad;
        const auto out = net->forward(padded({{4, 5}, {}}, 6));
        QVERIFY(torch::isfinite(out).all().item<bool>());
    }

    void savesAndLoadsByName_data() { addEveryType(); }

    void savesAndLoadsByName()
    {
        QFETCH(QString, spec);
        auto saved = mf::buildModel(textSpec(spec), {7}, 3, 1);
        auto loaded = mf::buildModel(textSpec(spec), {7}, 3, 2);
        std::stringstream stream;
        torch::save(saved, stream);
        torch::load(loaded, stream);
        saved->eval();
        loaded->eval();
        const auto input = padded(sampleRows(), 7);
        QVERIFY(torch::equal(saved->forward(input), loaded->forward(input)));
    }

    void learnsKeywordCorpus_data() { addEveryType(); }

    /// A word that decides the class is learnt to 100% training accuracy in a few Adam steps.
    void learnsKeywordCorpus()
    {
        QFETCH(QString, spec);
        json model = textSpec(spec);
        const Corpus corpus = keywordCorpus(64, 10, 11);
        auto net = mf::buildModel(model, {10}, 2, 5);
        torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(0.02));
        const auto start = std::chrono::steady_clock::now();
        int steps = 0;
        double accuracy = 0.0;
        for (; steps < 300; ++steps) {
            net->train();
            optimizer.zero_grad();
            const auto logits = net->forward(corpus.ids);
            torch::nn::functional::cross_entropy(logits, corpus.labels).backward();
            optimizer.step();
            if (steps % 10 == 9) {
                torch::NoGradGuard noGrad;
                net->eval();
                const auto predicted = net->forward(corpus.ids).argmax(1);
                accuracy = predicted.eq(corpus.labels).to(torch::kDouble).mean().item<double>();
                if (accuracy == 1.0)
                    break;
            }
        }
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count();
        qInfo("%s: %d steps, %lld ms, accuracy %.3f", qPrintable(spec.left(40)), steps + 1,
              static_cast<long long>(ms), accuracy);
        QCOMPARE(accuracy, 1.0);
    }

    void badSpec_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<Shape>("input");
        QTest::addColumn<QString>("key");
        QTest::newRow("missing vocab_size")
            << R"({"type":"lstm"})" << Shape{10} << "model.vocab_size";
        QTest::newRow("vocab_size 1")
            << R"({"type":"bag","vocab_size":1})" << Shape{10} << "model.vocab_size";
        QTest::newRow("embedding_dim 0") << R"({"type":"bag","vocab_size":9,"embedding_dim":0})"
                                         << Shape{10} << "model.embedding_dim";
        QTest::newRow("heads do not divide")
            << R"({"type":"transformer","vocab_size":9,"embedding_dim":30,"heads":4})" << Shape{10}
            << "model.heads";
        QTest::newRow("unknown pooling")
            << R"({"type":"bag","vocab_size":9,"pooling":"sum"})" << Shape{10} << "model.pooling";
        QTest::newRow("gru on images")
            << R"({"type":"gru","vocab_size":9})" << Shape{3, 8, 8} << "model.type";
        QTest::newRow("transformer on a 2-d shape")
            << R"({"type":"transformer","vocab_size":9})" << Shape{4, 4} << "model.type";
        QTest::newRow("cnn on token ids") << R"({"type":"cnn"})" << Shape{12} << "model.type";
        QTest::newRow("empty kernel_sizes")
            << R"({"type":"textcnn","vocab_size":9,"kernel_sizes":[]})" << Shape{10}
            << "model.kernel_sizes";
        QTest::newRow("kernel size 0")
            << R"({"type":"textcnn","vocab_size":9,"kernel_sizes":[3,0]})" << Shape{10}
            << "model.kernel_sizes[1]";
        QTest::newRow("mlp's hidden on an rnn")
            << R"({"type":"rnn","vocab_size":9,"hidden":[4]})" << Shape{10} << "model.hidden";
        QTest::newRow("activation on an lstm")
            << R"({"type":"lstm","vocab_size":9,"activation":"relu"})" << Shape{10}
            << "model.activation";
        QTest::newRow("bidirectional not a boolean")
            << R"({"type":"gru","vocab_size":9,"bidirectional":1})" << Shape{10}
            << "model.bidirectional";
        QTest::newRow("layers 0") << R"({"type":"lstm","vocab_size":9,"layers":0})" << Shape{10}
                                  << "model.layers";
        QTest::newRow("longer than max_length")
            << R"({"type":"transformer","vocab_size":9,"max_length":8})" << Shape{16}
            << "model.max_length";
        QTest::newRow("ff_dim 0") << R"({"type":"transformer","vocab_size":9,"ff_dim":0})"
                                  << Shape{10} << "model.ff_dim";
    }

    void badSpec()
    {
        QFETCH(QString, spec);
        QFETCH(Shape, input);
        QFETCH(QString, key);
        try {
            mf::buildModel(json::parse(spec.toStdString()), input, 2);
            QFAIL("expected mf::ConfigError");
        } catch (const mf::ConfigError &error) {
            const std::string message = error.what();
            QVERIFY2(message.rfind(key.toStdString() + ":", 0) == 0, message.c_str());
        }
    }

    void badInput()
    {
        auto transformer = build(textSpec(R"({"type":"transformer","max_length":8})"), 8);
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError,
                                 transformer->forward(torch::ones({2, 9}, torch::kLong)));
        auto lstm = build(textSpec(R"({"type":"lstm"})"), 8);
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, lstm->forward(torch::ones({2, 8})));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError,
                                 lstm->forward(torch::ones({2, 3, 8}, torch::kLong)));
    }
};

MF_TEST_GUILESS_MAIN(TestTextModels)
#include "tst_textmodels.moc"
