// Tokenizer, token statistics and vocabulary.
#include "core/text/tokenizer.h"
#include "core/text/tokenstatistics.h"
#include "core/text/unicode.h"
#include "core/text/utf8.h"
#include "core/text/vocabulary.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

namespace td = mf::testdata;

namespace {

using Strings = std::vector<std::string>;
using Ids = std::vector<std::int64_t>;
using Counts = std::vector<std::pair<std::string, std::int64_t>>;

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

/// Three documents: "a" x5, "b" x3, "c" x3, "d" x1, "e" x1.
std::vector<Strings> corpus()
{
    return {{"a", "b", "c", "a", "d"}, {"c", "a", "b", "a"}, {"e", "b", "c", "a"}};
}

} // namespace

class TestTokenizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenize_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Strings>("tokens");
        QTest::newRow("words and punctuation")
            << "Hello, World! It's 2024..." << Strings{"hello", "world", "it's", "2024"};
        QTest::newRow("apostrophes inside words only")
            << "don't 'quoted' rock'n'roll o'" << Strings{"don't", "quoted", "rock'n'roll", "o"};
        QTest::newRow("typographic apostrophe")
            << QString::fromUtf8("Don\u2019t") << Strings{"don't"};
        QTest::newRow("Latin-1 and Latin Extended lower-cased")
            << QString::fromUtf8("\u00C9COLE \u00C0 \u0141\u00D3D\u0179 \u0130stanbul")
            << Strings{"\xC3\xA9"
                       "cole",
                       "\xC3\xA0",
                       "\xC5\x82\xC3\xB3"
                       "d\xC5\xBA",
                       "istanbul"};
        QTest::newRow("Greek and Cyrillic")
            << QString::fromUtf8(
                   "\u0391\u0398\u0397\u039D\u0391 \u041C\u041E\u0421\u041A\u0412\u0410")
            << Strings{"\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1",
                       "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"};
        QTest::newRow("CJK one token per character")
            << QString::fromUtf8("\u6211\u7231\u732B\u3002OK\u3072\u30AB\uD55C")
            << Strings{"\xE6\x88\x91", "\xE7\x88\xB1", "\xE7\x8C\xAB", "ok",
                       "\xE3\x81\xB2", "\xE3\x82\xAB", "\xED\x95\x9C"};
        QTest::newRow("CJK extension A")
            << QString::fromUtf8("\u3400x") << Strings{"\xE3\x90\x80", "x"};
        QTest::newRow("symbols and emoji separate")
            << QString::fromUtf8("a+b=c \u2014 d\U0001F600e") << Strings{"a", "b", "c", "d", "e"};
        QTest::newRow("empty") << "" << Strings{};
    }

    void tokenize()
    {
        QFETCH(QString, text);
        QFETCH(Strings, tokens);
        QCOMPARE(mf::Tokenizer().tokenize(text.toStdString()), tokens);
    }

    void keepsCaseWhenAsked()
    {
        QCOMPARE(mf::Tokenizer(false).tokenize("Hello World"), (Strings{"Hello", "World"}));
    }

    void invalidBytesSeparateTokens()
    {
        QCOMPARE(mf::Tokenizer().tokenize("ab\xFF"
                                          "cd"),
                 (Strings{"ab", "cd"}));
    }

    void utf8RoundTrip()
    {
        const std::vector<char32_t> codePoints = {'a', 0xE9, 0x732B, 0x1F600, 0x10FFFF};
        const std::string text = mf::utf8::encode(codePoints);
        QCOMPARE(text.size(), std::size_t(1 + 2 + 3 + 4 + 4));
        QVERIFY(mf::utf8::isValid(text));
        QCOMPARE(mf::utf8::decode(text), codePoints);
        // Surrogates and overlong forms are invalid.
        QVERIFY(!mf::utf8::isValid("\xED\xA0\x80"));
        QVERIFY(!mf::utf8::isValid("\xC1\xBF"));
        std::int64_t replaced = 0;
        QCOMPARE(mf::utf8::sanitize("\xED\xA0\x80z", &replaced),
                 std::string("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz"));
        QCOMPARE(replaced, std::int64_t(3));
        QCOMPARE(mf::unicode::toLower(std::string("\xC3\x9F\xE1\xBA\x9E")),
                 std::string("\xC3\x9F\xC3\x9F"));
    }

    void statistics()
    {
        const mf::TokenStatistics stats(corpus());
        QCOMPARE(stats.documents(), std::int64_t(3));
        QCOMPARE(stats.documentLengths(), (Ids{5, 4, 4}));
        QCOMPARE(stats.totalTokens(), std::int64_t(13));
        QCOMPARE(stats.distinctTokens(), std::int64_t(5));
        QCOMPARE(stats.count("a"), std::int64_t(5));
        QCOMPARE(stats.count("zzz"), std::int64_t(0));
        // Ties (b, c both 3; d, e both 1) in token order.
        QCOMPARE(stats.topTokens(3), (Counts{{"a", 5}, {"b", 3}, {"c", 3}}));
        QCOMPARE(stats.topTokens(10), (Counts{{"a", 5}, {"b", 3}, {"c", 3}, {"d", 1}, {"e", 1}}));
    }

    void buildVocabulary_data()
    {
        QTest::addColumn<qint64>("minFrequency");
        QTest::addColumn<qint64>("maxSize");
        QTest::addColumn<Strings>("tokens");
        QTest::newRow("everything")
            << qint64(1) << qint64(0) << Strings{"<pad>", "<unk>", "a", "b", "c", "d", "e"};
        QTest::newRow("min frequency 2")
            << qint64(2) << qint64(0) << Strings{"<pad>", "<unk>", "a", "b", "c"};
        QTest::newRow("max size 4 counts the reserved")
            << qint64(1) << qint64(4) << Strings{"<pad>", "<unk>", "a", "b"};
        QTest::newRow("max size 2: reserved only")
            << qint64(1) << qint64(2) << Strings{"<pad>", "<unk>"};
        QTest::newRow("min frequency above all")
            << qint64(6) << qint64(0) << Strings{"<pad>", "<unk>"};
    }

    void buildVocabulary()
    {
        QFETCH(qint64, minFrequency);
        QFETCH(qint64, maxSize);
        QFETCH(Strings, tokens);
        const mf::Vocabulary vocabulary = mf::Vocabulary::build(corpus(), minFrequency, maxSize);
        QCOMPARE(vocabulary.tokens(), tokens);
        QCOMPARE(vocabulary.size(), std::int64_t(tokens.size()));
        QCOMPARE(vocabulary.id("<pad>"), mf::Vocabulary::kPadId);
        QCOMPARE(vocabulary.id("<unk>"), mf::Vocabulary::kUnkId);
        QCOMPARE(vocabulary.id("never seen"), mf::Vocabulary::kUnkId);
        for (std::size_t i = 2; i < tokens.size(); ++i) {
            QCOMPARE(vocabulary.id(tokens[i]), std::int64_t(i));
            QCOMPARE(vocabulary.token(std::int64_t(i)), tokens[i]);
        }
    }

    void frequenciesAndDeterminism()
    {
        const mf::Vocabulary vocabulary = mf::Vocabulary::build(corpus());
        QCOMPARE(vocabulary.frequency(0), std::int64_t(0));
        QCOMPARE(vocabulary.frequency(vocabulary.id("a")), std::int64_t(5));
        QCOMPARE(vocabulary.frequency(vocabulary.id("c")), std::int64_t(3));
        // The same corpus in another document order gives the same table.
        std::vector<Strings> reversed = corpus();
        std::reverse(reversed.begin(), reversed.end());
        QVERIFY(mf::Vocabulary::build(reversed) == vocabulary);
        const std::string message = td::errorMessage([&] { vocabulary.token(7); });
        QVERIFY2(contains(message, "7"), message.c_str());
    }

    void reservedSpellingsInCorpusAreLeftOut()
    {
        const mf::Vocabulary vocabulary =
            mf::Vocabulary::build(std::vector<Strings>{{"<unk>", "<unk>", "x", "<pad>"}});
        QCOMPARE(vocabulary.tokens(), (Strings{"<pad>", "<unk>", "x"}));
    }

    void encodePadsAndTruncates()
    {
        const mf::Vocabulary vocabulary = mf::Vocabulary::build(corpus(), 2);
        // a=2, b=3, c=4; d and e are below the minimum frequency.
        const Strings tokens = {"b", "d", "a", "c", "zz"};
        QCOMPARE(vocabulary.encode(tokens), (Ids{3, 1, 2, 4, 1}));
        QCOMPARE(vocabulary.encode(tokens, 3), (Ids{3, 1, 2}));
        QCOMPARE(vocabulary.encode(tokens, 7), (Ids{3, 1, 2, 4, 1, 0, 0}));
        QCOMPARE(vocabulary.encode(tokens, 0), Ids{});
        QCOMPARE(vocabulary.encodeText("B, a! A", mf::Tokenizer(), 5), (Ids{3, 2, 2, 0, 0}));
        const std::string message = td::errorMessage([&] { vocabulary.encode(tokens, -1); });
        QVERIFY2(contains(message, "length"), message.c_str());
    }

    void cjkVocabularyPerCharacter()
    {
        const mf::Tokenizer tokenizer;
        const std::string text = "\xE7\x8C\xAB\xE7\x8C\xAB\xE7\x8B\x97"; // 猫猫狗
        const mf::Vocabulary vocabulary = mf::Vocabulary::build({tokenizer.tokenize(text)});
        QCOMPARE(vocabulary.tokens(), (Strings{"<pad>", "<unk>", "\xE7\x8C\xAB", "\xE7\x8B\x97"}));
        QCOMPARE(vocabulary.encodeText(text, tokenizer, 4), (Ids{2, 2, 3, 0}));
    }

    void badLimits()
    {
        QVERIFY(contains(td::errorMessage([] { mf::Vocabulary::build(corpus(), 0); }),
                         "minimum frequency"));
        QVERIFY(contains(td::errorMessage([] { mf::Vocabulary::build(corpus(), 1, 1); }),
                         "maximum size"));
    }

    void jsonRoundTrip()
    {
        const mf::Vocabulary vocabulary = mf::Vocabulary::build(corpus(), 1, 5);
        const nlohmann::json json = nlohmann::json::parse(vocabulary.toJson().dump());
        QCOMPARE(json["tokens"].get<Strings>(), (Strings{"<pad>", "<unk>", "a", "b", "c"}));
        QCOMPARE(json["frequencies"].get<Ids>(), (Ids{0, 0, 5, 3, 3}));
        const mf::Vocabulary back = mf::Vocabulary::fromJson(json);
        QVERIFY(back == vocabulary);
        QCOMPARE(back.maxSize(), std::int64_t(5));
        QCOMPARE(back.id("c"), std::int64_t(4));
        QCOMPARE(back.frequency(3), std::int64_t(3));
    }

    void badJson_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not an object") << "[1]"
                                       << "must be a JSON object";
        QTest::newRow("no tokens") << "{}"
                                   << "vocabulary.tokens: must be an array";
        QTest::newRow("pad misplaced") << R"({"tokens": ["<unk>", "<pad>"]})"
                                       << "vocabulary.tokens[0]: must be \"<pad>\"";
        QTest::newRow("duplicate") << R"({"tokens": ["<pad>", "<unk>", "a", "a"]})"
                                   << "vocabulary.tokens[3]: \"a\" appears twice";
        QTest::newRow("not a string") << R"({"tokens": ["<pad>", "<unk>", 5]})"
                                      << "vocabulary.tokens[2]: must be a string";
        QTest::newRow("frequency count")
            << R"({"tokens": ["<pad>", "<unk>", "a"], "frequencies": [0, 0]})"
            << "vocabulary.frequencies: must be an array with one count per token";
        QTest::newRow("negative frequency")
            << R"({"tokens": ["<pad>", "<unk>", "a"], "frequencies": [0, 0, -2]})"
            << "vocabulary.frequencies[2]: must be a non-negative integer";
        QTest::newRow("unknown key") << R"({"tokens": ["<pad>", "<unk>"], "size": 2})"
                                     << "vocabulary.size: unknown key";
    }

    void badJson()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const std::string error = td::errorMessage([&] {
            mf::Vocabulary::fromJson(nlohmann::json::parse(json.toStdString()), "vocabulary.");
        });
        QVERIFY2(contains(error, message.toStdString()), error.c_str());
    }
};

MF_TEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
