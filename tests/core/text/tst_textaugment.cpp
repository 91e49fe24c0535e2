// Text augmentation: the EDA operations, sentence reordering, CJK character level and the
// pipeline. Expected results are derived from the documented draws: each test replays the
// counter-based random stream of (seed, epoch, sample, operation) and applies what it drew.
#include "core/augment/augmentrandom.h"
#include "core/text/edaoperations.h"
#include "core/text/stopwords.h"
#include "core/text/textaugmentpipeline.h"
#include "core/text/textdocument.h"
#include "core/text/tokenizer.h"
#include "core/text/wordnet.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"
#include "wordnettesting.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>

namespace td = mf::testdata;

namespace {

using Strings = std::vector<std::string>;
using Pos = mf::WordNet::PartOfSpeech;

constexpr std::uint64_t kSeed = 20240611;
constexpr int kEpoch = 3;
const std::string kSentence = "The quick brown fox jumps over the lazy dog";
const Strings kWords = {"the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog"};

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

bool has(const Strings &words, const std::string &word)
{
    return std::find(words.begin(), words.end(), word) != words.end();
}

/// Synonyms for the test sentence. All of them are lower-case words, so every one is usable.
std::shared_ptr<const mf::WordNet> smallWordNet()
{
    auto wordNet = std::make_shared<mf::WordNet>();
    wordNet->addSynset(Pos::Adjective, {"quick", "speedy"});
    wordNet->addSynset(Pos::Adjective, {"quick", "fast", "agile"});
    wordNet->addSynset(Pos::Noun, {"fox", "dodger"});
    wordNet->addSynset(Pos::Verb, {"jump", "leap", "bound"});
    wordNet->addSynset(Pos::Adjective, {"lazy", "slothful", "indolent"});
    wordNet->addSynset(Pos::Noun, {"dog", "domestic_dog", "Canis_familiaris"});
    // A stop word with a synonym: replacement and insertion must leave it alone.
    wordNet->addSynset(Pos::Noun, {"the", "article"});
    return wordNet;
}

mf::TextAugmentPipeline single(const std::string &op, double alpha, double probability = 1.0,
                               const std::string &level = "auto")
{
    nlohmann::json item = {{"op", op}, {"probability", probability}};
    if (op != "sentence_reorder")
        item["alpha"] = alpha;
    mf::TextAugmentPipeline pipeline =
        mf::TextAugmentPipeline::fromJson({{"level", level}, {"operations", {item}}});
    pipeline.setWordNet(smallWordNet());
    return pipeline;
}

/// The stream operation 0 of a one-operation pipeline draws from, after its apply decision.
mf::AugmentRandom streamOf(std::int64_t sample, int operation = 0)
{
    mf::AugmentRandom rng(kSeed, kEpoch, {sample}, operation);
    rng.uniform(0);
    return rng;
}

std::int64_t changeCount(double alpha, std::size_t words)
{
    return std::max<std::int64_t>(1, std::llround(alpha * static_cast<double>(words)));
}

Strings splitWords(const std::string &text)
{
    Strings words;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::string joined(const Strings &words, const std::string &separator = " ")
{
    std::string text;
    for (std::size_t i = 0; i < words.size(); ++i)
        text += (i == 0 ? "" : separator) + words[i];
    return text;
}

Strings sorted(Strings words)
{
    std::sort(words.begin(), words.end());
    return words;
}

std::string draw(std::int64_t value)
{
    return std::to_string(value);
}

} // namespace

class TestTextAugment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changeCountFormula_data()
    {
        QTest::addColumn<double>("alpha");
        QTest::addColumn<qint64>("n");
        QTest::newRow("tiny alpha gives one") << 0.01 << qint64(1);
        QTest::newRow("zero alpha gives one") << 0.0 << qint64(1);
        QTest::newRow("0.1 of 9") << 0.1 << qint64(1);
        QTest::newRow("0.25 of 9 rounds down") << 0.25 << qint64(2);
        QTest::newRow("0.3 of 9 rounds up") << 0.3 << qint64(3);
        QTest::newRow("all") << 1.0 << qint64(9);
    }

    void changeCountFormula()
    {
        QFETCH(double, alpha);
        QFETCH(qint64, n);
        QCOMPARE(mf::edaChangeCount(alpha, 9), std::int64_t(n));
        for (const char *op : {"synonym_replacement", "random_insertion", "random_swap"}) {
            std::vector<nlohmann::json> drawn;
            single(op, alpha).apply(kSentence, kSeed, kEpoch, 0, &drawn);
            QCOMPARE(drawn.size(), std::size_t(1));
            QCOMPARE(drawn[0]["n"].get<std::int64_t>(), std::int64_t(n));
        }
    }

    void synonymReplacementExact()
    {
        const double alpha = 0.25;
        const std::shared_ptr<const mf::WordNet> wordNet = smallWordNet();
        for (std::int64_t sample = 0; sample < 40; ++sample) {
            // Candidates: non-stop words with synonyms, in order.
            std::vector<std::int64_t> candidates;
            for (std::size_t i = 0; i < kWords.size(); ++i)
                if (!mf::isEdaStopWord(kWords[i]) && !wordNet->synonyms(kWords[i]).empty())
                    candidates.push_back(std::int64_t(i));
            QCOMPARE(candidates, (std::vector<std::int64_t>{1, 3, 4, 7, 8}));
            mf::AugmentRandom rng = streamOf(sample);
            Strings expected = kWords;
            nlohmann::json replaced = nlohmann::json::array();
            const std::int64_t n = changeCount(alpha, kWords.size());
            for (std::int64_t k = 0; k < n; ++k) {
                const std::int64_t j = rng.integer(0, k, std::int64_t(candidates.size()) - 1);
                std::swap(candidates[k], candidates[j]);
                const std::string &word = kWords[candidates[k]];
                const Strings choices = wordNet->synonyms(word);
                const std::string synonym =
                    choices[rng.integer(0, 0, std::int64_t(choices.size()) - 1)];
                expected[candidates[k]] = synonym;
                replaced.push_back(
                    {{"index", candidates[k]}, {"word", word}, {"synonym", synonym}});
            }
            std::vector<nlohmann::json> drawn;
            const std::string out = single("synonym_replacement", alpha)
                                        .apply(kSentence, kSeed, kEpoch, sample, &drawn);
            QCOMPARE(out, joined(expected));
            QCOMPARE(drawn.size(), std::size_t(1));
            QCOMPARE(drawn[0]["replaced"], replaced);

            // Invariants: n distinct positions, no stop word, only synonyms.
            std::vector<std::int64_t> positions;
            for (const nlohmann::json &entry : drawn[0]["replaced"]) {
                const std::string word = entry["word"].get<std::string>();
                QVERIFY(!mf::isEdaStopWord(word));
                QVERIFY(has(wordNet->synonyms(word), entry["synonym"].get<std::string>()));
                positions.push_back(entry["index"].get<std::int64_t>());
            }
            std::sort(positions.begin(), positions.end());
            QVERIFY(std::adjacent_find(positions.begin(), positions.end()) == positions.end());
            QVERIFY(std::int64_t(positions.size()) <= n);
        }
    }

    void synonymReplacementNeedsCandidates()
    {
        // No word has a synonym: nothing to replace, the words pass through.
        std::vector<nlohmann::json> drawn;
        const std::string out =
            single("synonym_replacement", 0.5).apply("Brown over, the!", kSeed, kEpoch, 0, &drawn);
        QCOMPARE(out, std::string("brown over the"));
        QVERIFY(drawn[0]["replaced"].empty());
    }

    void randomInsertionExact()
    {
        const double alpha = 0.2;
        const std::shared_ptr<const mf::WordNet> wordNet = smallWordNet();
        for (std::int64_t sample = 0; sample < 40; ++sample) {
            mf::AugmentRandom rng = streamOf(sample);
            Strings expected = kWords;
            nlohmann::json inserted = nlohmann::json::array();
            const std::int64_t n = changeCount(alpha, kWords.size());
            for (std::int64_t t = 0; t < n; ++t) {
                Strings nonStop;
                for (const std::string &word : expected)
                    if (!mf::isEdaStopWord(word))
                        nonStop.push_back(word);
                for (int attempt = 0; attempt < 10; ++attempt) {
                    const std::string word =
                        nonStop[rng.integer(0, 0, std::int64_t(nonStop.size()) - 1)];
                    const Strings choices = wordNet->synonyms(word);
                    if (choices.empty())
                        continue;
                    const std::string synonym =
                        choices[rng.integer(0, 0, std::int64_t(choices.size()) - 1)];
                    const std::int64_t position = rng.integer(0, 0, std::int64_t(expected.size()));
                    const Strings words = splitWords(synonym);
                    expected.insert(expected.begin() + position, words.begin(), words.end());
                    inserted.push_back(
                        {{"word", word}, {"synonym", synonym}, {"position", position}});
                    break;
                }
            }
            std::vector<nlohmann::json> drawn;
            const std::string out =
                single("random_insertion", alpha).apply(kSentence, kSeed, kEpoch, sample, &drawn);
            QCOMPARE(out, joined(expected));
            QCOMPARE(drawn[0]["inserted"], inserted);
            for (const nlohmann::json &entry : inserted)
                QVERIFY(entry["synonym"] != "article");
            // Every original word is still there, in order.
            const Strings outWords = splitWords(out);
            std::size_t matched = 0;
            for (const std::string &word : outWords)
                matched += matched < kWords.size() && word == kWords[matched] ? 1 : 0;
            QCOMPARE(matched, kWords.size());
        }
    }

    void randomSwapExact()
    {
        const double alpha = 0.3;
        for (std::int64_t sample = 0; sample < 40; ++sample) {
            mf::AugmentRandom rng = streamOf(sample);
            Strings expected = kWords;
            nlohmann::json swaps = nlohmann::json::array();
            const std::int64_t size = std::int64_t(kWords.size());
            for (std::int64_t t = 0; t < changeCount(alpha, kWords.size()); ++t) {
                const std::int64_t a = rng.integer(0, 0, size - 1);
                std::int64_t b = rng.integer(0, 0, size - 2);
                b += b >= a ? 1 : 0;
                std::swap(expected[a], expected[b]);
                swaps.push_back({a, b});
            }
            std::vector<nlohmann::json> drawn;
            const std::string out =
                single("random_swap", alpha).apply(kSentence, kSeed, kEpoch, sample, &drawn);
            QCOMPARE(out, joined(expected));
            QCOMPARE(drawn[0], (nlohmann::json{{"op", "random_swap"},
                                               {"index", 0},
                                               {"level", "word"},
                                               {"n", 3},
                                               {"swaps", swaps}}));
            QCOMPARE(sorted(splitWords(out)), sorted(kWords));
        }
    }

    void randomDeletionExact()
    {
        const double alpha = 0.3;
        for (std::int64_t sample = 0; sample < 40; ++sample) {
            mf::AugmentRandom rng = streamOf(sample);
            Strings expected;
            nlohmann::json deleted = nlohmann::json::array();
            for (std::size_t i = 0; i < kWords.size(); ++i) {
                if (rng.uniform(0) < alpha)
                    deleted.push_back(i);
                else
                    expected.push_back(kWords[i]);
            }
            if (expected.empty())
                continue; // covered by deletionNeverEmpties
            std::vector<nlohmann::json> drawn;
            const std::string out =
                single("random_deletion", alpha).apply(kSentence, kSeed, kEpoch, sample, &drawn);
            QCOMPARE(out, joined(expected));
            QCOMPARE(drawn[0]["deleted"], deleted);
            QCOMPARE(drawn[0]["p"].get<double>(), alpha);
            QVERIFY(!drawn[0].contains("kept"));
        }
    }

    void deletionNeverEmpties()
    {
        // p = 1 deletes every word; one drawn at random stays.
        for (std::int64_t sample = 0; sample < 20; ++sample) {
            mf::AugmentRandom rng = streamOf(sample);
            for (std::size_t i = 0; i < kWords.size(); ++i)
                rng.uniform(0);
            const std::int64_t kept = rng.integer(0, 0, std::int64_t(kWords.size()) - 1);
            std::vector<nlohmann::json> drawn;
            const std::string out =
                single("random_deletion", 1.0).apply(kSentence, kSeed, kEpoch, sample, &drawn);
            QCOMPARE(out, kWords[kept]);
            QCOMPARE(drawn[0]["kept"].get<std::int64_t>(), kept);
            QCOMPARE(drawn[0]["deleted"].size(), kWords.size() - 1);
        }
        // A one-word text is left as it is.
        QCOMPARE(single("random_deletion", 1.0).apply("Alone!", kSeed, kEpoch, 0),
                 std::string("alone"));
    }

    void probabilityZeroIsIdentity_data()
    {
        QTest::addColumn<QString>("op");
        for (const std::string &name : mf::TextAugmentOp::names())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }

    void probabilityZeroIsIdentity()
    {
        QFETCH(QString, op);
        const std::string text = "Hello, World! Some Text. 我喜欢猫。";
        for (std::int64_t sample = 0; sample < 10; ++sample) {
            std::vector<nlohmann::json> drawn = {nlohmann::json::object()};
            QCOMPARE(single(op.toStdString(), 0.5, 0.0).apply(text, kSeed, kEpoch, sample, &drawn),
                     text);
            QVERIFY(drawn.empty());
        }
        // Disabled operations do not run either.
        mf::TextAugmentPipeline pipeline = single(op.toStdString(), 0.5, 1.0);
        pipeline.ops()[0].enabled = false;
        QCOMPARE(pipeline.apply(text, kSeed, kEpoch, 0), text);
    }

    void probabilityDrawsPerSample()
    {
        // With p = 0.5 the operation runs exactly for the samples whose first draw is below it.
        const mf::TextAugmentPipeline pipeline = single("random_swap", 0.3, 0.5);
        int applied = 0;
        for (std::int64_t sample = 0; sample < 64; ++sample) {
            mf::AugmentRandom rng(kSeed, kEpoch, {sample}, 0);
            const bool expected = rng.uniform(0) < 0.5;
            std::vector<nlohmann::json> drawn;
            const std::string out = pipeline.apply(kSentence, kSeed, kEpoch, sample, &drawn);
            QCOMPARE(drawn.size(), std::size_t(expected ? 1 : 0));
            if (!expected)
                QCOMPARE(out, kSentence);
            applied += expected ? 1 : 0;
        }
        QVERIFY(applied > 10 && applied < 54);
    }

    void sameInputsSameOutput()
    {
        const nlohmann::json spec = nlohmann::json::parse(R"({"operations": [
            {"op": "synonym_replacement", "alpha": 0.3},
            {"op": "random_insertion", "alpha": 0.2, "probability": 0.8},
            {"op": "random_swap", "alpha": 0.2},
            {"op": "random_deletion", "alpha": 0.1},
            {"op": "sentence_reorder"}]})");
        mf::TextAugmentPipeline pipeline = mf::TextAugmentPipeline::fromJson(spec);
        pipeline.setWordNet(smallWordNet());
        const std::string text = kSentence + ". The lazy dog sleeps! A quick fox runs?";
        std::vector<nlohmann::json> first, second;
        const std::string a = pipeline.apply(text, kSeed, kEpoch, 5, &first);
        const std::string b = pipeline.apply(text, kSeed, kEpoch, 5, &second);
        QCOMPARE(a, b);
        QCOMPARE(first, second);
        // Another sample, epoch or seed draws differently.
        std::vector<nlohmann::json> other;
        pipeline.apply(text, kSeed, kEpoch, 6, &other);
        QVERIFY(other != first);
        pipeline.apply(text, kSeed, kEpoch + 1, 5, &other);
        QVERIFY(other != first);
        pipeline.apply(text, kSeed + 1, kEpoch, 5, &other);
        QVERIFY(other != first);
        // Operation i draws from stream i: with the first operation disabled the swap of
        // operation 2 is the same as before.
        std::vector<nlohmann::json> swapOnly;
        mf::TextAugmentPipeline later = pipeline;
        for (std::size_t i = 0; i < later.ops().size(); ++i)
            later.ops()[i].enabled = i == 2;
        later.apply(kSentence, kSeed, kEpoch, 5, &swapOnly);
        mf::AugmentRandom rng = streamOf(5, 2);
        const std::int64_t x = rng.integer(0, 0, 8);
        std::int64_t y = rng.integer(0, 0, 7);
        y += y >= x ? 1 : 0;
        QCOMPARE(swapOnly[0]["swaps"][0], (nlohmann::json{x, y}));
        QCOMPARE(swapOnly[0]["index"].get<int>(), 2);
    }

    void sentenceSplitting()
    {
        QCOMPARE(mf::TextDocument::splitSentences("Version 3.5 is out... Really?! Yes.  No"),
                 (Strings{"Version 3.5 is out...", "Really?!", "Yes.", "No"}));
        QCOMPARE(mf::TextDocument::splitSentences(
                     "\xE6\x88\x91\xE5\x96\x9C\xE6\xAC\xA2\xE7\x8C\xAB\xE3\x80\x82"
                     "\xE4\xBD\xA0\xE5\x91\xA2\xEF\xBC\x9F\xE5\xA5\xBD\xEF\xBC\x81"),
                 (Strings{"\xE6\x88\x91\xE5\x96\x9C\xE6\xAC\xA2\xE7\x8C\xAB\xE3\x80\x82",
                          "\xE4\xBD\xA0\xE5\x91\xA2\xEF\xBC\x9F", "\xE5\xA5\xBD\xEF\xBC\x81"}));
    }

    void sentenceReorderKeepsSentences()
    {
        const std::string text = "One fish. Two fish! Red fish? Blue fish.";
        const Strings sentences = {"one fish", "two fish", "red fish", "blue fish"};
        bool moved = false;
        for (std::int64_t sample = 0; sample < 20; ++sample) {
            mf::AugmentRandom rng = streamOf(sample);
            std::vector<int> order = {0, 1, 2, 3};
            for (int i = 3; i >= 1; --i)
                std::swap(order[i], order[rng.integer(0, 0, i)]);
            Strings expected;
            for (int sentence : order)
                expected.push_back(sentences[sentence]);
            std::vector<nlohmann::json> drawn;
            const std::string out =
                single("sentence_reorder", 0).apply(text, kSeed, kEpoch, sample, &drawn);
            QCOMPARE(out, joined(expected));
            QCOMPARE(drawn[0]["order"].get<std::vector<int>>(), order);
            QCOMPARE(sorted(expected), sorted(sentences));
            moved = moved || order != std::vector<int>{0, 1, 2, 3};
        }
        QVERIFY(moved);
    }

    void sentencesSurviveWordOperations()
    {
        // A swap moves words across sentences; reordering afterwards moves whole sentence
        // slots, each keeping its number of words.
        mf::TextDocument document =
            mf::TextDocument::fromText("a b c. d e! f", mf::TextLevel::Word, mf::Tokenizer());
        QCOMPARE(document.sentenceCount(), 3);
        document.swap(0, 4);
        document.reorderSentences({2, 0, 1});
        QCOMPARE(document.text(), std::string("f e b c d a"));
        document.insert(1, {"x", "y"});
        document.retain({true, true, true, false, false, false, true, true});
        QCOMPARE(document.text(), std::string("f x y d a"));
        QCOMPARE(document.sentenceCount(), 2);
    }

    void cjkCharacterLevel()
    {
        // 我喜欢猫也喜欢狗 : mostly CJK, so auto picks the character level.
        const std::string text =
            "\xE6\x88\x91\xE5\x96\x9C\xE6\xAC\xA2\xE7\x8C\xAB\xE4\xB9\x9F\xE5\x96\x9C\xE6\xAC\xA2"
            "\xE7\x8B\x97";
        const Strings characters = mf::Tokenizer().tokenize(text);
        QCOMPARE(characters.size(), std::size_t(8));
        for (std::int64_t sample = 0; sample < 20; ++sample) {
            // Character swap.
            {
                mf::AugmentRandom rng = streamOf(sample);
                Strings expected = characters;
                const std::int64_t a = rng.integer(0, 0, 7);
                std::int64_t b = rng.integer(0, 0, 6);
                b += b >= a ? 1 : 0;
                std::swap(expected[a], expected[b]);
                std::vector<nlohmann::json> drawn;
                const std::string out =
                    single("random_swap", 0.1).apply(text, kSeed, kEpoch, sample, &drawn);
                QCOMPARE(out, joined(expected, ""));
                QCOMPARE(drawn[0]["level"].get<std::string>(), std::string("char"));
            }
            // Character deletion.
            {
                mf::AugmentRandom rng = streamOf(sample);
                Strings expected;
                for (const std::string &character : characters)
                    if (!(rng.uniform(0) < 0.25))
                        expected.push_back(character);
                if (!expected.empty())
                    QCOMPARE(single("random_deletion", 0.25).apply(text, kSeed, kEpoch, sample),
                             joined(expected, ""));
            }
            // Character insertion: a character of the same text.
            {
                mf::AugmentRandom rng = streamOf(sample);
                Strings expected = characters;
                const std::int64_t n = changeCount(0.25, characters.size());
                for (std::int64_t t = 0; t < n; ++t) {
                    const std::string character =
                        expected[rng.integer(0, 0, std::int64_t(expected.size()) - 1)];
                    const std::int64_t position = rng.integer(0, 0, std::int64_t(expected.size()));
                    expected.insert(expected.begin() + position, character);
                    QVERIFY(has(characters, character));
                }
                std::vector<nlohmann::json> drawn;
                QCOMPARE(
                    single("random_insertion", 0.25).apply(text, kSeed, kEpoch, sample, &drawn),
                    joined(expected, ""));
                QCOMPARE(drawn[0]["inserted"].size(), std::size_t(n));
            }
        }
        // No synonym dictionary for characters: replacement only writes the characters.
        std::vector<nlohmann::json> drawn;
        QCOMPARE(single("synonym_replacement", 0.5).apply(text, kSeed, kEpoch, 0, &drawn), text);
        QVERIFY(drawn[0]["replaced"].empty());
        QVERIFY(drawn[0].contains("skipped"));
    }

    void cjkSentenceReorder()
    {
        // 我喜欢猫。你呢？好！
        const std::string text = "\xE6\x88\x91\xE5\x96\x9C\xE6\xAC\xA2\xE7\x8C\xAB\xE3\x80\x82"
                                 "\xE4\xBD\xA0\xE5\x91\xA2\xEF\xBC\x9F\xE5\xA5\xBD\xEF\xBC\x81";
        const Strings sentences = {"\xE6\x88\x91\xE5\x96\x9C\xE6\xAC\xA2\xE7\x8C\xAB",
                                   "\xE4\xBD\xA0\xE5\x91\xA2", "\xE5\xA5\xBD"};
        for (std::int64_t sample = 0; sample < 10; ++sample) {
            mf::AugmentRandom rng = streamOf(sample);
            std::vector<int> order = {0, 1, 2};
            for (int i = 2; i >= 1; --i)
                std::swap(order[i], order[rng.integer(0, 0, i)]);
            std::string expected;
            for (int sentence : order)
                expected += sentences[sentence];
            QCOMPARE(single("sentence_reorder", 0).apply(text, kSeed, kEpoch, sample), expected);
        }
    }

    void levelSelection()
    {
        const mf::Tokenizer tokenizer;
        QVERIFY(mf::TextDocument::fromText(kSentence, mf::TextLevel::Auto, tokenizer).level() ==
                mf::TextLevel::Word);
        // 我用iPhone拍照 : five tokens, four of them CJK.
        const std::string mixed = "\xE6\x88\x91\xE7\x94\xA8iPhone\xE6\x8B\x8D\xE7\x85\xA7";
        const mf::TextDocument document =
            mf::TextDocument::fromText(mixed, mf::TextLevel::Auto, tokenizer);
        QVERIFY(document.level() == mf::TextLevel::Char);
        QCOMPARE(document.text(),
                 std::string("\xE6\x88\x91\xE7\x94\xA8iphone\xE6\x8B\x8D\xE7\x85\xA7"));
        // Explicit char level on English keeps the words apart.
        QCOMPARE(
            mf::TextDocument::fromText("Hello big World", mf::TextLevel::Char, tokenizer).text(),
            std::string("hello big world"));
        // Explicit word level on CJK writes the characters apart.
        QCOMPARE(single("random_swap", 0.1, 1.0, "word")
                     .apply("\xE7\x8C\xAB\xE7\x8B\x97", kSeed, kEpoch, 0),
                 std::string("\xE7\x8B\x97 \xE7\x8C\xAB"));
    }

    void sharedWordNetByDefault()
    {
        // Without a database of its own the pipeline loads the shared one from $WNSEARCHDIR
        // the first time it needs synonyms; a failed load is reported and tried again later.
        const QByteArray saved = qgetenv("WNSEARCHDIR");
        QTemporaryDir empty, extract;
        qputenv("WNSEARCHDIR", empty.path().toUtf8());
        const mf::TextAugmentPipeline pipeline = mf::TextAugmentPipeline::fromJson(
            {{"operations", {{{"op", "synonym_replacement"}, {"alpha", 0.5}}}}});
        std::string error;
        try {
            pipeline.apply("good", kSeed, kEpoch, 0);
        } catch (const mf::DataError &e) {
            error = e.what();
        }
        QVERIFY2(contains(error, empty.path().toStdString() + "/data.noun"), error.c_str());
        // Operations without synonyms do not need the database.
        QCOMPARE(single("random_swap", 0.5).apply("a b", kSeed, kEpoch, 0), std::string("b a"));

        const std::string dir = extract.path().toStdString();
        const std::vector<std::pair<std::string, char>> files = {
            {"noun", 'n'}, {"verb", 'v'}, {"adj", 'a'}, {"adv", 'r'}};
        for (const auto &[name, type] : files) {
            mf::wordnettest::DataFile data;
            data.synset(type, {name == "adv" ? "well" : name + "_word", "good"}, "a gloss");
            data.write(dir + "/data." + name);
        }
        qputenv("WNSEARCHDIR", extract.path().toUtf8());
        std::vector<nlohmann::json> drawn;
        const std::string out = pipeline.apply("Good!", kSeed, kEpoch, 0, &drawn);
        mf::AugmentRandom rng = streamOf(0);
        rng.integer(0, 0, 0); // the only candidate
        const Strings synonyms = {"adj word", "noun word", "verb word", "well"};
        QCOMPARE(out, synonyms[rng.integer(0, 0, 3)]);
        QCOMPARE(mf::WordNet::shared().synonyms("good"), synonyms);
        // Loaded once: with the database gone from where it was found, it still answers.
        qputenv("WNSEARCHDIR", empty.path().toUtf8());
        QCOMPARE(mf::WordNet::shared().synonyms("good"), synonyms);
        QCOMPARE(pipeline.apply("Good!", kSeed, kEpoch, 0), out);
        if (saved.isNull())
            qunsetenv("WNSEARCHDIR");
        else
            qputenv("WNSEARCHDIR", saved);
    }

    void textWithoutTokensIsUnchanged()
    {
        const mf::TextAugmentPipeline pipeline = single("random_deletion", 0.5);
        QCOMPARE(pipeline.apply("?!... --", kSeed, kEpoch, 0), std::string("?!... --"));
        QCOMPARE(pipeline.apply("", kSeed, kEpoch, 0), std::string());
    }

    void jsonRoundTrip()
    {
        const nlohmann::json spec = nlohmann::json::parse(R"({"level": "char", "operations": [
            {"op": "synonym_replacement", "enabled": false, "probability": 0.5, "alpha": 0.2},
            {"op": "random_insertion", "alpha": 0.05},
            {"op": "random_swap"},
            {"op": "random_deletion", "probability": 0.25, "alpha": 1},
            {"op": "sentence_reorder", "probability": 0}]})");
        const mf::TextAugmentPipeline pipeline = mf::TextAugmentPipeline::fromJson(spec);
        QVERIFY(pipeline.level() == mf::TextLevel::Char);
        QCOMPARE(pipeline.ops().size(), std::size_t(5));
        QVERIFY(!pipeline.ops()[0].enabled);
        QCOMPARE(pipeline.ops()[0].probability, 0.5);
        QCOMPARE(pipeline.ops()[2].alpha, 0.1); // the default
        QVERIFY(pipeline.ops()[4].kind == mf::TextAugmentKind::SentenceReorder);
        const nlohmann::json json = pipeline.toJson();
        QCOMPARE(json["operations"][4].contains("alpha"), false);
        QCOMPARE(json["operations"][1]["enabled"].get<bool>(), true);
        const mf::TextAugmentPipeline back =
            mf::TextAugmentPipeline::fromJson(nlohmann::json::parse(json.dump()));
        QVERIFY(back.ops() == pipeline.ops());
        QVERIFY(back.level() == pipeline.level());
        QCOMPARE(back.toJson(), json);
        QVERIFY(mf::TextAugmentPipeline::fromJson(nlohmann::json::object()).ops().empty());
    }

    void badJson_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("alpha above 1")
            << R"({"operations": [{"op": "random_swap"}, {"op": "random_swap"},
                  {"op": "random_deletion", "alpha": 1.5}]})"
            << "augment.operations[2].alpha: must be in [0, 1] (got 1.5)";
        QTest::newRow("negative probability")
            << R"({"operations": [{"op": "random_swap", "probability": -0.1}]})"
            << "augment.operations[0].probability: must be in [0, 1] (got -0.1)";
        QTest::newRow("alpha not a number")
            << R"({"operations": [{"op": "random_swap", "alpha": "high"}]})"
            << "augment.operations[0].alpha: must be a number in [0, 1]";
        QTest::newRow("unknown op")
            << R"({"operations": [{"op": "back_translation"}]})"
            << "augment.operations[0].op: unknown operation \"back_translation\" (expected "
               "synonym_replacement, random_insertion, random_swap, random_deletion or "
               "sentence_reorder)";
        QTest::newRow("missing op") << R"({"operations": [{"alpha": 0.1}]})"
                                    << "augment.operations[0].op: is required";
        QTest::newRow("unknown key") << R"({"operations": [{"op": "random_swap", "beta": 1}]})"
                                     << "augment.operations[0].beta: unknown key";
        QTest::newRow("alpha on reorder")
            << R"({"operations": [{"op": "sentence_reorder", "alpha": 0.1}]})"
            << "augment.operations[0].alpha: unknown key";
        QTest::newRow("enabled not boolean")
            << R"({"operations": [{"op": "random_swap", "enabled": 1}]})"
            << "augment.operations[0].enabled: must be true or false";
        QTest::newRow("operation not object") << R"({"operations": [3]})"
                                              << "augment.operations[0]: must be a JSON object";
        QTest::newRow("operations not array")
            << R"({"operations": {}})"
            << "augment.operations: must be an array of operations";
        QTest::newRow("bad level")
            << R"({"level": "sentence"})"
            << "augment.level: must be \"auto\", \"word\" or \"char\" (got \"sentence\")";
        QTest::newRow("unknown top key") << R"({"ops": []})"
                                         << "augment.ops: unknown key";
        QTest::newRow("not an object") << "[]"
                                       << "augment: must be a JSON object";
    }

    void badJson()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        std::string error;
        try {
            mf::TextAugmentPipeline::fromJson(nlohmann::json::parse(json.toStdString()),
                                              "augment.");
        } catch (const mf::ConfigError &e) {
            error = e.what();
        }
        QCOMPARE(QString::fromStdString(error), message);
    }
};

MF_TEST_GUILESS_MAIN(TestTextAugment)
#include "tst_textaugment.moc"
