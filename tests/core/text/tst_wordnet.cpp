// WordNet: the data.* synset format written by the test, errors, and the installed database.
#include "core/text/wordnet.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"
#include "wordnettesting.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <thread>
#include <vector>

#include <filesystem>

namespace td = mf::testdata;

namespace {

using Strings = std::vector<std::string>;
using Pos = mf::WordNet::PartOfSpeech;

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

bool has(const Strings &words, const std::string &word)
{
    return std::find(words.begin(), words.end(), word) != words.end();
}

/// A small database: nouns, verbs, adjectives (with a satellite and a position marker), adverbs.
void writeExtract(const std::string &dir, bool withExceptions = true)
{
    mf::wordnettest::DataFile noun;
    noun.synset('n', {"good", "goodness"}, "moral excellence or admirableness",
                "002 @ 04849241 n 0000 + 01123148 a 0101");
    noun.synset('n', {"commodity", "trade_good", "good"}, "articles of commerce");
    noun.synset('n', {"Ice_Cream", "frozen_dessert"}, "a frozen dessert");
    noun.synset('n', {"goose"}, "web-footed long-necked typically gregarious bird");
    noun.synset('n', {"cat", "true_cat"}, "feline mammal");
    // Eleven lemmas: the count is written "0b".
    noun.synset('n',
                {"car", "auto", "automobile", "machine", "motorcar", "motor_vehicle", "ride",
                 "wheels", "jalopy", "banger", "Car"},
                "a motor vehicle with four wheels");
    noun.write(dir + "/data.noun");

    mf::wordnettest::DataFile verb;
    verb.synset('v', {"run", "go", "operate"}, "function");
    verb.synset('v', {"cat", "vomit"}, "eject the contents of the stomach");
    verb.write(dir + "/data.verb");

    mf::wordnettest::DataFile adj;
    adj.synset('a', {"good"}, "having desirable or positive qualities");
    adj.synset('s', {"full", "good(p)"}, "having the normally expected amount");
    adj.synset('s', {"estimable", "good", "honorable", "respectable"}, "deserving of esteem");
    adj.write(dir + "/data.adj");

    mf::wordnettest::DataFile adv;
    adv.synset('r', {"well", "good"}, "(often used as a combining form) in a good manner");
    adv.write(dir + "/data.adv");

    if (withExceptions)
        td::writeBytes(dir + "/noun.exc", "geese goose\nmice mouse\n");
}

std::string loadError(const std::string &dir)
{
    try {
        mf::WordNet::load(dir);
    } catch (const mf::DataError &e) {
        return e.what();
    } catch (const std::exception &e) {
        return std::string("unexpected exception: ") + e.what();
    }
    return {};
}

} // namespace

class TestWordNet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTheDataFormat()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        writeExtract(root);
        const mf::WordNet wordNet = mf::WordNet::load(root);
        QCOMPARE(wordNet.synsetCount(), std::int64_t(6 + 2 + 3 + 1));
        // Words shared by several synsets of several parts of speech, markers removed,
        // duplicates merged, the word itself left out, sorted.
        QCOMPARE(wordNet.synonyms("good"),
                 (Strings{"commodity", "estimable", "full", "goodness", "honorable", "respectable",
                          "trade good", "well"}));
        QCOMPARE(wordNet.synonyms("GOOD"), wordNet.synonyms("good"));
        // Underscores become spaces and upper case is lowered, either way round.
        QCOMPARE(wordNet.synonyms("ice cream"), (Strings{"frozen dessert"}));
        QCOMPARE(wordNet.synonyms("Frozen_Dessert"), (Strings{"ice cream"}));
        QVERIFY(wordNet.contains("trade good"));
        QCOMPARE(wordNet.synonyms("full"), (Strings{"good"}));
        // All eleven lemmas of the "0b" synset were read; "Car" and "car" are one word.
        const Strings car = wordNet.synonyms("car");
        QCOMPARE(car.size(), std::size_t(9));
        QVERIFY(has(car, "banger") && has(car, "motor vehicle") && !has(car, "car"));
        QVERIFY(wordNet.synonyms("unknownword").empty());
        QVERIFY(wordNet.synonyms("goose").empty());
    }

    void inflectedFormsUseTheirBaseForm()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        writeExtract(root);
        const mf::WordNet wordNet = mf::WordNet::load(root);
        // Noun and verb "cat" both match "cats"; the base form itself is left out.
        QCOMPARE(wordNet.synonyms("cats"), (Strings{"true cat", "vomit"}));
        QCOMPARE(wordNet.synonyms("runs"), (Strings{"go", "operate"}));
        QVERIFY(wordNet.synonyms("geese").empty());
        const auto forms = wordNet.baseForms("geese");
        QCOMPARE(forms.size(), std::size_t(1));
        QCOMPARE(forms[0].second, std::string("goose"));
        QVERIFY(forms[0].first == Pos::Noun);
        // Without the optional exception lists only the suffix rules remain.
        QTemporaryDir plain;
        writeExtract(plain.path().toStdString(), false);
        QVERIFY(mf::WordNet::load(plain.path().toStdString()).baseForms("geese").empty());
    }

    void missingFile()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        writeExtract(root);
        std::filesystem::remove(root + "/data.adj");
        const std::string message = loadError(root);
        QVERIFY2(contains(message, root + "/data.adj") && contains(message, "missing"),
                 message.c_str());
    }

    void corruptLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("reason");
        QTest::newRow("offset") << "0000x005 03 n 01 bad 0 000 | x"
                                << "synset offset";
        QTest::newRow("count not hex") << "00000005 03 n 0g bad 0 000 | x"
                                       << "word count";
        QTest::newRow("count zero") << "00000005 03 n 00 000 | x"
                                    << "word count";
        QTest::newRow("fewer words") << "00000005 03 n 03 a 0 b 0 | x"
                                     << "fewer words";
        QTest::newRow("no lex id") << "00000005 03 n 01 lonely"
                                   << "lexical id";
        QTest::newRow("wrong type") << "00000005 03 v 01 run 0 000 | x"
                                    << "synset type";
        QTest::newRow("no pointer count") << "00000005 03 n 01 word 0 | x"
                                          << "pointer count";
    }

    void corruptLines()
    {
        QFETCH(QString, line);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        writeExtract(root);
        // Appended after the licence header and six good synsets: line 11.
        td::writeBytes(root + "/data.noun",
                       td::readBytes(root + "/data.noun") + line.toStdString() + "  \n");
        const std::string message = loadError(root);
        QVERIFY2(contains(message, root + "/data.noun: line 11: "), message.c_str());
        QVERIFY2(contains(message, reason.toStdString()), message.c_str());
    }

    void emptyDataFile()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        writeExtract(root);
        td::writeBytes(root + "/data.adv", "  1 licence only  \n");
        const std::string message = loadError(root);
        QVERIFY2(contains(message, "data.adv") && contains(message, "no synset"), message.c_str());
    }

    void installedDatabase()
    {
        const std::string dir = "/usr/share/wordnet";
        if (!std::filesystem::exists(dir + "/data.noun"))
            QSKIP("WordNet is not installed (Debian package wordnet-base)");
        QElapsedTimer timer;
        timer.start();
        const mf::WordNet wordNet = mf::WordNet::load(dir);
        qInfo("WordNet 3.0 loaded in %lld ms: %lld synsets, %lld words", timer.elapsed(),
              static_cast<long long>(wordNet.synsetCount()),
              static_cast<long long>(wordNet.wordCount()));
        QCOMPARE(wordNet.synsetCount(), std::int64_t(82115 + 13767 + 18156 + 3621));
        const Strings good = wordNet.synonyms("good");
        QVERIFY(has(good, "well"));
        QVERIFY(has(good, "goodness"));
        QVERIFY(!has(good, "good"));
        QVERIFY(has(wordNet.synonyms("car"), "automobile"));
        QVERIFY(has(wordNet.synonyms("ran"), "run") == false);
        QVERIFY(has(wordNet.synonyms("ran"), "operate"));
        QVERIFY(has(wordNet.synonyms("mice"), "computer mouse"));

        // The first use of the shared database may come from several augmentation threads at
        // once: each gets the whole database, loaded once.
        std::vector<Strings> seen(4);
        std::vector<std::int64_t> synsets(4, 0);
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < seen.size(); ++i)
            threads.emplace_back([&, i] {
                seen[i] = mf::WordNet::shared().synonyms("good");
                synsets[i] = mf::WordNet::shared().synsetCount();
            });
        for (std::thread &thread : threads)
            thread.join();
        for (std::size_t i = 0; i < seen.size(); ++i) {
            QCOMPARE(seen[i], good);
            QCOMPARE(synsets[i], wordNet.synsetCount());
        }
    }
};

MF_TEST_GUILESS_MAIN(TestWordNet)
#include "tst_wordnet.moc"
