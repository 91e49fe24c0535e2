#include "core/models/modelfactory.h"
#include "core/models/text/bagencoder.h"
#include "core/models/text/wordvectors.h"
#include "core/text/vocabulary.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <fstream>

namespace {

/// "the" (2), "cat" (3), "dog" (4), "sat" (5).
mf::Vocabulary animals()
{
    return mf::Vocabulary::build({{"the", "cat", "sat"}, {"the", "dog"}});
}

std::string writeFile(const QTemporaryDir &dir, const char *name, const std::string &text)
{
    const std::string path = dir.filePath(QString::fromUtf8(name)).toStdString();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

} // namespace

class TestWordVectors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copiesTheVocabularyWords()
    {
        QTemporaryDir dir;
        const auto vocabulary = animals();
        QCOMPARE(vocabulary.size(), std::int64_t(6));
        // word2vec header, CRLF, a tab, a word not in the vocabulary, a repeated word, "<unk>".
        const std::string path = writeFile(dir, "vectors.txt",
                                           "4 3\r\n"
                                           "the 0.5 -1 2e-1\r\n"
                                           "zebra 9 9 9\n"
                                           "\n"
                                           "cat\t1.25 2.5 -3.75\n"
                                           "the 7 7 7\n"
                                           "<unk> 8 8 8\n");
        torch::Tensor weight = torch::full({6, 3}, 42.0f);
        const auto counts = mf::loadWordVectors(path, vocabulary, weight);
        QCOMPARE(counts.found, std::int64_t(2));
        QCOMPARE(counts.outOfVocabulary, std::int64_t(2));
        QCOMPARE(counts.linesRead, std::int64_t(5));
        QCOMPARE(counts.dimension, std::int64_t(3));
        const auto the = weight[vocabulary.id("the")];
        QVERIFY(torch::allclose(the, torch::tensor({0.5f, -1.0f, 0.2f})));
        QVERIFY(
            torch::allclose(weight[vocabulary.id("cat")], torch::tensor({1.25f, 2.5f, -3.75f})));
        QVERIFY(torch::equal(weight[vocabulary.id("dog")], torch::full({3}, 42.0f)));
        QVERIFY(torch::equal(weight[mf::Vocabulary::kPadId], torch::full({3}, 42.0f)));
        QVERIFY(torch::equal(weight[mf::Vocabulary::kUnkId], torch::full({3}, 42.0f)));
    }

    void fillsABuiltModelsEmbedding()
    {
        QTemporaryDir dir;
        const auto vocabulary = animals();
        const std::string path = writeFile(dir, "glove.txt", "dog 1 2 3 4\nsat 5 6 7 8\n");
        auto net =
            mf::buildModel({{"type", "bag"}, {"vocab_size", 6}, {"embedding_dim", 4}}, {5}, 2, 1);
        auto embedding = mf::tokenEmbedding(*net);
        const auto counts = mf::loadWordVectors(path, vocabulary, embedding->weight);
        QCOMPARE(counts.found, std::int64_t(2));
        QCOMPARE(counts.outOfVocabulary, std::int64_t(2));
        QCOMPARE(counts.linesRead, std::int64_t(2));
        QVERIFY(torch::equal(embedding->weight[vocabulary.id("sat")],
                             torch::tensor({5.0f, 6.0f, 7.0f, 8.0f})));
        // The model reads them: "dog sat" pooled by mean is (3, 4, 5, 6).
        auto encoder =
            std::dynamic_pointer_cast<mf::BagEncoderImpl>(net->named_children()["encoder"]);
        QVERIFY(encoder);
        const auto ids =
            torch::tensor({vocabulary.id("dog"), vocabulary.id("sat"), std::int64_t(0)},
                          torch::kLong)
                .unsqueeze(0);
        QVERIFY(torch::allclose(encoder->forward(ids)[0], torch::tensor({3.0f, 4.0f, 5.0f, 6.0f})));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError,
                                 mf::tokenEmbedding(*mf::buildModel({{"type", "mlp"}}, {4}, 2)));
    }

    void malformedLines_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("where");
        QTest::newRow("not a number") << "the 1 2 3\ncat 1 x 3\n"
                                      << "line 2";
        QTest::newRow("too few values") << "the 1 2 3\n\ncat 1 2\n"
                                        << "line 3";
        QTest::newRow("too many values") << "3 3\nthe 1 2 3\ndog 1 2 3\ncat 1 2 3 4\n"
                                         << "line 4";
        QTest::newRow("no values") << "the\n"
                                   << "line 1";
        QTest::newRow("infinite") << "the 1 2 3\ncat 1 2 inf\n"
                                  << "line 2";
    }

    void malformedLines()
    {
        QFETCH(QString, text);
        QFETCH(QString, where);
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "bad.txt", text.toStdString());
        torch::Tensor weight = torch::zeros({6, 3});
        try {
            mf::loadWordVectors(path, animals(), weight);
            QFAIL("expected mf::DataError");
        } catch (const mf::DataError &error) {
            const std::string message = error.what();
            QVERIFY2(message.rfind(path + ": " + where.toStdString() + ": ", 0) == 0,
                     message.c_str());
        }
        // Nothing was copied.
        QVERIFY(torch::equal(weight, torch::zeros({6, 3})));
    }

    void dimensionMismatch()
    {
        QTemporaryDir dir;
        torch::Tensor weight = torch::zeros({6, 4});
        const std::string glove = writeFile(dir, "glove.txt", "the 1 2 3\n");
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::loadWordVectors(glove, animals(), weight));
        const std::string word2vec = writeFile(dir, "w2v.txt", "1 3\nthe 1 2 3\n");
        try {
            mf::loadWordVectors(word2vec, animals(), weight);
            QFAIL("expected mf::ConfigError");
        } catch (const mf::ConfigError &error) {
            const std::string message = error.what();
            QVERIFY2(message.find("3 values") != std::string::npos &&
                         message.find("4") != std::string::npos,
                     message.c_str());
        }
        // One row per vocabulary entry.
        torch::Tensor small = torch::zeros({3, 3});
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::loadWordVectors(glove, animals(), small));
        QVERIFY_THROWS_EXCEPTION(
            mf::DataError,
            mf::loadWordVectors(dir.filePath("missing.txt").toStdString(), animals(), weight));
    }
};

MF_TEST_GUILESS_MAIN(TestWordVectors)
#include "tst_wordvectors.moc"
