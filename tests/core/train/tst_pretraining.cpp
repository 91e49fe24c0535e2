#include "core/models/modelfactory.h"
#include "core/train/pretraining.h"
#include "core/train/trainer.h"
#include "core/train/trainingsession.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>
#include <random>

using namespace mf;
using nlohmann::json;

namespace {

constexpr std::int64_t kVocab = 40; // ids 2..38 ordinary, 39 the [MASK] token

/// [rows, 30] ids in [2, kVocab - 1) with row r right-padded after 10 + r % 20 tokens.
torch::Tensor paddedIds(std::int64_t rows, std::uint64_t seed)
{
    torch::manual_seed(seed);
    torch::Tensor ids = torch::randint(2, kVocab - 1, {rows, 30}, torch::kLong);
    for (std::int64_t r = 0; r < rows; ++r)
        ids[r].narrow(0, 10 + r % 20, 20 - r % 20).fill_(0);
    return ids;
}

/// A corpus of repeated phrases, so that a masked word is predictable from its neighbours.
Dataset phraseCorpus(std::int64_t documents)
{
    Dataset dataset;
    dataset.kind = DatasetKind::Text;
    dataset.inputs = torch::zeros({documents, 12}, torch::kLong);
    dataset.labels = torch::zeros({documents}, torch::kLong);
    dataset.classNames = {"all"};
    std::mt19937 random(3);
    for (std::int64_t d = 0; d < documents; ++d) {
        // Phrases "a a+1 a+2 a+3" for a random start a: each token follows from the one before.
        const auto start = static_cast<std::int64_t>(random() % 20) + 2;
        for (std::int64_t t = 0; t < 8; ++t)
            dataset.inputs[d][t] = start + (t % 4);
    }
    return dataset;
}

TrainConfig pretrainConfig(const std::string &objective, const json &model)
{
    TrainConfig config;
    config.dataset = "corpus.csv";
    config.model = model;
    config.model["vocab_size"] = kVocab;
    config.objective = objective;
    config.optimizer.learningRate = 0.01;
    config.epochs = 8;
    config.batchSize = 16;
    config.threads = 1;
    config.text.sequenceLength = 12;
    return config;
}

} // namespace

class TestPretraining : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void maskingFollowsBert()
    {
        const torch::Tensor ids = paddedIds(400, 1);
        at::Generator generator = at::detail::createCPUGenerator(7);
        const TokenTask task = maskTokens(ids, kVocab - 1, generator);
        const torch::Tensor real = ids.ne(0);
        const torch::Tensor chosen = task.targets.ne(kIgnoredToken);
        QVERIFY(!(chosen & real.logical_not()).any().item<bool>()); // never the padding
        QVERIFY(task.targets.masked_select(chosen).equal(ids.masked_select(chosen)));
        QVERIFY(task.inputs.masked_select(chosen.logical_not())
                    .equal(ids.masked_select(chosen.logical_not())));
        const double share = chosen.sum().item<double>() / real.sum().item<double>();
        QVERIFY2(share > 0.14 && share < 0.16, qPrintable(QString::number(share)));

        const torch::Tensor inputs = task.inputs.masked_select(chosen);
        const torch::Tensor originals = ids.masked_select(chosen);
        const double count = static_cast<double>(inputs.numel());
        const double masked = inputs.eq(kVocab - 1).sum().item<double>() / count;
        const double kept = inputs.eq(originals).sum().item<double>() / count;
        QVERIFY2(masked > 0.77 && masked < 0.83, qPrintable(QString::number(masked)));
        // A random replacement hits the original id now and then (1 in 37).
        QVERIFY2(kept > 0.09 && kept < 0.125, qPrintable(QString::number(kept)));
        const torch::Tensor replaced = inputs.ne(kVocab - 1) & inputs.ne(originals);
        QVERIFY(inputs.masked_select(replaced).ge(2).all().item<bool>());
        QVERIFY(inputs.masked_select(replaced).lt(kVocab - 1).all().item<bool>());

        // The same seed, epoch and batch ask the same question: a resumed run masks alike.
        const TokenTask a = tokenTask(PretrainObjective::MaskedTokens, ids, kVocab, 42, 3, 5);
        const TokenTask b = tokenTask(PretrainObjective::MaskedTokens, ids, kVocab, 42, 3, 5);
        const TokenTask c = tokenTask(PretrainObjective::MaskedTokens, ids, kVocab, 42, 3, 6);
        QVERIFY(a.inputs.equal(b.inputs) && a.targets.equal(b.targets));
        QVERIFY(!a.targets.equal(c.targets));
    }

    void aShortBatchStillPredictsAToken()
    {
        const torch::Tensor ids = torch::tensor({5, 0, 0}, torch::kLong).reshape({1, 3});
        for (std::uint64_t seed = 0; seed < 20; ++seed) {
            at::Generator generator = at::detail::createCPUGenerator(seed);
            const TokenTask task = maskTokens(ids, kVocab - 1, generator);
            QCOMPARE(task.targets.ne(kIgnoredToken).sum().item<std::int64_t>(), std::int64_t(1));
            QCOMPARE(task.targets[0][0].item<std::int64_t>(), std::int64_t(5));
        }
    }

    void nextTokenTargetsAreTheFollowingRealTokens()
    {
        const torch::Tensor ids =
            torch::tensor({4, 5, 6, 0, 7, 8, 0, 0}, torch::kLong).reshape({2, 4});
        const TokenTask task = nextTokenTask(ids);
        QVERIFY(task.inputs.equal(ids));
        const std::int64_t x = kIgnoredToken;
        const torch::Tensor expected =
            torch::tensor(std::vector<std::int64_t>{5, 6, x, x, 8, x, x, x}).reshape({2, 4});
        QVERIFY(task.targets.equal(expected));
    }

    void tokenHeadsIgnoreThePadding_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("bidirectional gru")
            << R"({"type":"gru","embedding_dim":8,"hidden_size":6,"bidirectional":true})";
        QTest::newRow("2-layer lstm")
            << R"({"type":"lstm","embedding_dim":8,"hidden_size":6,"layers":2})";
        QTest::newRow("transformer")
            << R"({"type":"transformer","embedding_dim":8,"heads":2,"ff_dim":16,"max_length":16})";
    }

    void tokenHeadsIgnoreThePadding()
    {
        QFETCH(QString, spec);
        json model = json::parse(spec.toStdString());
        model["vocab_size"] = kVocab;
        torch::nn::Sequential net = buildModel(model, {12}, kVocab, 5, ModelHead::Tokens);
        net->eval();
        QVERIFY(net->named_children().contains("token_head"));
        const torch::Tensor batch =
            torch::tensor({3, 4, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 9, 8, 7, 6, 5, 4, 3, 2, 9, 8, 0, 0},
                          torch::kLong)
                .reshape({2, 12});
        const torch::Tensor logits = net->forward(batch);
        QCOMPARE(logits.sizes().vec(), (std::vector<std::int64_t>{2, 12, kVocab}));
        // The first document alone, without the second's length or any padding.
        const torch::Tensor alone = net->forward(batch[0].narrow(0, 0, 5).unsqueeze(0));
        QVERIFY(torch::allclose(logits[0].narrow(0, 0, 5), alone[0], 1e-5, 1e-5));
    }

    void poolingTypesCannotPredictTokens()
    {
        for (const char *type : {"bag", "textcnn"}) {
            json model = defaultModelSpec(type);
            model["vocab_size"] = kVocab;
            try {
                buildModel(model, {12}, kVocab, 1, ModelHead::Tokens);
                QFAIL("a pooling model was built with a token head");
            } catch (const ConfigError &e) {
                QVERIFY2(std::string(e.what()).find("cannot predict each token") !=
                             std::string::npos,
                         e.what());
            }
        }
    }

    void theObjectiveMustFitTheEncoder()
    {
        TrainConfig config = pretrainConfig("masked_tokens", {{"type", "gru"}});
        QVERIFY(joinedProblems(config).find("bidirectional") != std::string::npos);
        config.objective = "next_token";
        QVERIFY(config.validate().empty());
        config.model["bidirectional"] = true;
        QVERIFY(joinedProblems(config).find("unidirectional") != std::string::npos);
        config.model = {{"type", "bag"}, {"vocab_size", kVocab}};
        QVERIFY(joinedProblems(config).find("not model type \"bag\"") != std::string::npos);
        config.objective = "guess";
        QVERIFY(joinedProblems(config).find("objective \"guess\" is unknown") != std::string::npos);
        config.objective = "classify";
        config.freezeEpochs = 1;
        QVERIFY(joinedProblems(config).find("freeze_epochs needs init_from_run") !=
                std::string::npos);
    }

    void maskedTokenPretrainingLowersTheMaskedLoss()
    {
        const Dataset corpus = phraseCorpus(160);
        const TrainConfig config = pretrainConfig("masked_tokens", {{"type", "transformer"},
                                                                    {"embedding_dim", 32},
                                                                    {"heads", 2},
                                                                    {"ff_dim", 64},
                                                                    {"layers", 1},
                                                                    {"max_length", 12}});
        Trainer trainer(config, corpus.subset(torch::arange(0, 128)),
                        corpus.subset(torch::arange(128, 160)));
        const EvalReport before = trainer.validationReport();
        QCOMPARE(before.tokenObjective, std::string("masked_tokens"));
        const TrainResult result = trainer.run();
        QCOMPARE(result.outcome, TrainOutcome::Finished);
        const EvalReport after = trainer.validationReport();
        QVERIFY2(after.loss < 0.6 * before.loss,
                 qPrintable(QString("masked loss %1 -> %2").arg(before.loss).arg(after.loss)));
        QVERIFY2(after.accuracy > before.accuracy + 0.2,
                 qPrintable(QString("accuracy %1 -> %2").arg(before.accuracy).arg(after.accuracy)));
        QVERIFY(after.confusion.empty()); // no classes in a pre-training report
    }

    void nextTokenPretrainingLowersThePerplexity()
    {
        const Dataset corpus = phraseCorpus(160);
        const TrainConfig config = pretrainConfig(
            "next_token", {{"type", "gru"}, {"embedding_dim", 16}, {"hidden_size", 32}});
        Trainer trainer(config, corpus.subset(torch::arange(0, 128)),
                        corpus.subset(torch::arange(128, 160)));
        const double before = std::exp(trainer.validationReport().loss);
        QCOMPARE(trainer.run().outcome, TrainOutcome::Finished);
        const EvalReport after = trainer.validationReport();
        QCOMPARE(after.tokenObjective, std::string("next_token"));
        // After the first token of a phrase the rest follows: perplexity near 1 there.
        QVERIFY2(std::exp(after.loss) < before / 4.0,
                 qPrintable(QString("perplexity %1 -> %2").arg(before).arg(std::exp(after.loss))));
        QVERIFY(after.accuracy > 0.6);
    }

private:
    static std::string joinedProblems(const TrainConfig &config)
    {
        std::string text;
        for (const std::string &problem : config.validate())
            text += problem + "; ";
        return text;
    }
};

MF_TEST_GUILESS_MAIN(TestPretraining)
#include "tst_pretraining.moc"
