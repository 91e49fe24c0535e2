// Text datasets: aclImdb folders, CSV, TSV and JSON Lines files written by the test.
#include "core/text/textdataset.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <filesystem>

namespace td = mf::testdata;

namespace {

using Strings = std::vector<std::string>;
using Labels = std::vector<std::int64_t>;

const std::string kReplacement = "\xEF\xBF\xBD"; // U+FFFD

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

/// Writes `text` to root/relative, creating the folders.
std::string writeFile(const std::string &root, const std::string &relative, const std::string &text)
{
    const std::filesystem::path path = std::filesystem::path(root) / relative;
    std::filesystem::create_directories(path.parent_path());
    td::writeBytes(path.string(), text);
    return path.string();
}

} // namespace

class TestTextDataset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aclImdbFolder()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        writeFile(root, "imdb.vocab", "the\nand\n");
        writeFile(root, "train/labeledBow.feat", "0 0:1\n");
        writeFile(root, "train/pos/1_9.txt", "A wonderful film.");
        writeFile(root, "train/pos/0_10.txt", "Loved it<br />really.");
        writeFile(root, "train/neg/5_1.txt", "Dull.");
        writeFile(root, "train/neg/notes.md", "not a review");
        writeFile(root, "train/unsup/0_0.txt", "unlabelled");
        writeFile(root, "train/neutral/0_5.txt", "only in train");
        writeFile(root, "test/pos/3_8.txt", "Good.");
        writeFile(root, "test/neg/2_2.txt", "Bad.");
        writeFile(root, "test/neg/4_1.txt", "   \n");
        writeFile(root, "test/unsup/1_0.txt", "unlabelled");
        writeFile(root, "test/other/1_0.txt", "only in test");

        QVERIFY(mf::isTextDatasetPath(root));
        const mf::TextDatasetBundle bundle = mf::loadTextDataset(root);
        const mf::TextDataset &train = bundle.train;
        QCOMPARE(train.format, std::string("aclimdb"));
        QCOMPARE(train.source, root);
        QCOMPARE(train.classNames, (Strings{"neg", "pos"}));
        // Classes in name order, files in name order within each class.
        QCOMPARE(train.texts, (Strings{"Dull.", "Loved it<br />really.", "A wonderful film."}));
        QCOMPARE(train.labels, (Labels{0, 1, 1}));
        QCOMPARE(train.sourceFiles.size(), std::size_t(3));
        QCOMPARE(std::filesystem::path(train.sourceFiles[1]),
                 std::filesystem::path(root) / "train/pos/0_10.txt");
        QVERIFY(train.skipped.empty());
        QCOMPARE(train.replacedInvalidUtf8, std::int64_t(0));

        QVERIFY(bundle.test.has_value());
        QCOMPARE(bundle.test->classNames, train.classNames);
        QCOMPARE(bundle.test->texts, (Strings{"Bad.", "Good."}));
        QCOMPARE(bundle.test->labels, (Labels{0, 1}));
        QCOMPARE(bundle.test->skipped.size(), std::size_t(1));
        QVERIFY(contains(bundle.test->skipped[0], "4_1.txt"));
        QVERIFY(contains(bundle.test->skipped[0], "empty"));
    }

    void labelFoldersAtTheRoot()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        writeFile(root, "spam/b.txt", "win money");
        writeFile(root, "spam/a.txt", "cheap pills");
        writeFile(root, "ham/x.txt", "see you at noon");
        writeFile(root, "unsup/y.txt", "ignored");
        QVERIFY(mf::isTextDatasetPath(root));
        const mf::TextDatasetBundle bundle = mf::loadTextDataset(root);
        QVERIFY(!bundle.test.has_value());
        QCOMPARE(bundle.train.classNames, (Strings{"ham", "spam"}));
        QCOMPARE(bundle.train.texts, (Strings{"see you at noon", "cheap pills", "win money"}));
        QCOMPARE(bundle.train.labels, (Labels{0, 1, 1}));
    }

    void folderWithoutLabelFolders()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        writeFile(root, "images/a.png", "not text");
        QVERIFY(!mf::isTextDatasetPath(root));
        const std::string message = td::errorMessage([&] { mf::loadTextDataset(root); });
        QVERIFY2(contains(message, root) && contains(message, "<label>/*.txt"), message.c_str());
    }

    void csvQuotedFields()
    {
        QTemporaryDir dir;
        // A quoted comma, doubled quotes, an embedded CRLF line break, a BOM, CRLF line ends and
        // a column between the two that matter.
        const std::string path = writeFile(dir.path().toStdString(), "reviews.csv",
                                           "\xEF\xBB\xBF"
                                           "id,review,stars,sentiment\r\n"
                                           "1,\"Great, really great\",5,positive\r\n"
                                           "2,\"He said \"\"meh\"\"\",2,negative\r\n"
                                           "3,\"Line one\r\nline two\",4,positive\r\n"
                                           "4,no sentiment here,3,\r\n"
                                           "\r\n"
                                           "5,\"\",1,negative\r\n"
                                           "6,plain,3,neutral\r\n");
        mf::TextLoadOptions options;
        options.textColumn = "review";
        options.labelColumn = "sentiment";
        QVERIFY(mf::isTextDatasetPath(path, options));
        QVERIFY(!mf::isTextDatasetPath(path)); // no "text" column
        const mf::TextDatasetBundle bundle = mf::loadTextDataset(path, options);
        const mf::TextDataset &data = bundle.train;
        QVERIFY(!bundle.test.has_value());
        QCOMPARE(data.format, std::string("csv"));
        QCOMPARE(data.texts, (Strings{"Great, really great", "He said \"meh\"",
                                      "Line one\r\nline two", "plain"}));
        QCOMPARE(data.classNames, (Strings{"negative", "neutral", "positive"}));
        QCOMPARE(data.labels, (Labels{2, 0, 2, 1}));
        QVERIFY(data.sourceFiles.empty());
        // Line numbers count the embedded line break; the blank line is not a row.
        QCOMPARE(data.skipped,
                 (Strings{"reviews.csv line 6: no label", "reviews.csv line 8: no text"}));
    }

    void tsvWithIntegerLabels_data()
    {
        QTest::addColumn<QString>("labels");
        QTest::addColumn<Strings>("classNames");
        QTest::addColumn<Labels>("indices");
        QTest::newRow("0..K-1 are the indices")
            << "2,0,1,0" << Strings{"0", "1", "2"} << Labels{2, 0, 1, 0};
        QTest::newRow("other integers in numeric order")
            << "10,2,007,2" << Strings{"2", "7", "10"} << Labels{2, 0, 1, 0};
        QTest::newRow("mixed labels are names")
            << "b,10,2,a" << Strings{"10", "2", "a", "b"} << Labels{3, 0, 1, 2};
    }

    void tsvWithIntegerLabels()
    {
        QFETCH(QString, labels);
        QFETCH(Strings, classNames);
        QFETCH(Labels, indices);
        const QStringList values = labels.split(',');
        std::string content = "label\ttext\n";
        for (int i = 0; i < values.size(); ++i)
            content += values[i].toStdString() + "\t\"text\" number " + std::to_string(i) + "\n";
        QTemporaryDir dir;
        const std::string path = writeFile(dir.path().toStdString(), "data.TSV", content);
        QVERIFY(mf::isTextDatasetPath(path));
        const mf::TextDataset data = mf::loadTextDataset(path).train;
        QCOMPARE(data.format, std::string("tsv"));
        QCOMPARE(data.classNames, classNames);
        QCOMPARE(data.labels, indices);
        // No quoting in TSV: quotes are text.
        QCOMPARE(data.texts[0], std::string("\"text\" number 0"));
    }

    void jsonLines()
    {
        QTemporaryDir dir;
        const std::string path =
            writeFile(dir.path().toStdString(), "reviews.jsonl",
                      "{\"text\": \"first\", \"label\": \"spam\"}\n"
                      "{\"text\": \"second\", \"label\": 3}\n"
                      "\n"
                      "{\"text\": \"no label\"}\n"
                      "{\"text\": \"bad\", \"label\": 1.5}\n"
                      "not json at all\n"
                      "[1, 2]\n"
                      "{\"text\": 7, \"label\": \"ham\"}\n"
                      "{\"text\": \"caf\\u00e9 \\u732b\", \"label\": \"ham\"}");
        QVERIFY(mf::isTextDatasetPath(path));
        const mf::TextDataset data = mf::loadTextDataset(path).train;
        QCOMPARE(data.format, std::string("jsonl"));
        QCOMPARE(data.texts, (Strings{"first", "second", "caf\xC3\xA9 \xE7\x8C\xAB"}));
        QCOMPARE(data.classNames, (Strings{"3", "ham", "spam"}));
        QCOMPARE(data.labels, (Labels{2, 0, 1}));
        QCOMPARE(data.skipped.size(), std::size_t(5));
        QCOMPARE(data.skipped[0], std::string("reviews.jsonl line 4: no label"));
        QVERIFY(contains(data.skipped[1], "line 5: ") && contains(data.skipped[1], "label"));
        QCOMPARE(data.skipped[2], std::string("reviews.jsonl line 6: not valid JSON"));
        QCOMPARE(data.skipped[3], std::string("reviews.jsonl line 7: not a JSON object"));
        QVERIFY(contains(data.skipped[4], "line 8: ") && contains(data.skipped[4], "not a string"));
    }

    void invalidUtf8IsReplaced_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        // Three maximal invalid subsequences: a lone continuation byte, a truncated 3-byte
        // sequence (two bytes, one replacement) and an overlong lead byte.
        const QByteArray bad = "a\x80 b\xE2\x82 c\xC0";
        QTest::newRow("csv") << "bad.csv" << ("text,label\n" + bad + ",x\n");
        QTest::newRow("tsv") << "bad.tsv" << ("text\tlabel\n" + bad + "\tx\n");
        QTest::newRow("jsonl") << "bad.jsonl"
                               << ("{\"text\": \"" + bad + "\", \"label\": \"x\"}\n");
    }

    void invalidUtf8IsReplaced()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const std::string path =
            writeFile(dir.path().toStdString(), fileName.toStdString(), content.toStdString());
        const mf::TextDataset data = mf::loadTextDataset(path).train;
        QCOMPARE(data.replacedInvalidUtf8, std::int64_t(3));
        QCOMPARE(data.texts,
                 (Strings{"a" + kReplacement + " b" + kReplacement + " c" + kReplacement}));
    }

    void invalidUtf8InFolder()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        writeFile(root, "train/pos/a.txt", "fine \xF5\xFF");
        writeFile(root, "train/neg/b.txt", "ok");
        const mf::TextDataset data = mf::loadTextDataset(root).train;
        QCOMPARE(data.replacedInvalidUtf8, std::int64_t(2));
        QCOMPARE(data.texts[1], "fine " + kReplacement + kReplacement);
    }

    void badFiles_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing label column")
            << "a.csv" << QByteArray("text,stars\nhello,5\n") << "no label column \"label\"";
        QTest::newRow("missing text column tsv")
            << "a.tsv" << QByteArray("body\tlabel\nhello\tx\n") << "no text column \"text\"";
        QTest::newRow("empty file") << "a.csv" << QByteArray() << "empty";
        QTest::newRow("empty jsonl") << "a.jsonl" << QByteArray("\n\n") << "empty";
        QTest::newRow("no header") << "a.csv" << QByteArray("\nhello,x\n") << "no header";
        QTest::newRow("unclosed quote")
            << "a.csv" << QByteArray("text,label\n\"hello,x\nmore,y\n") << "line 2";
        QTest::newRow("no usable row") << "a.csv" << QByteArray("text,label\nhello,\n") << "no row";
        QTest::newRow("no usable line")
            << "a.jsonl" << QByteArray("{\"text\": \"x\"}\n") << "no line";
        QTest::newRow("unknown extension") << "a.xml" << QByteArray("<a/>") << "not a text";
    }

    void badFiles()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string path =
            writeFile(dir.path().toStdString(), fileName.toStdString(), content.toStdString());
        std::string message;
        try {
            mf::loadTextDataset(path);
        } catch (const mf::DataError &e) {
            message = e.what();
            QCOMPARE(e.file(), path);
        }
        QVERIFY2(contains(message, path), message.c_str());
        QVERIFY2(contains(message, reason.toStdString()), message.c_str());
    }

    void missingPath()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("absent.csv").toStdString();
        QVERIFY(!mf::isTextDatasetPath(path));
        const std::string message = td::errorMessage([&] { mf::loadTextDataset(path); });
        QVERIFY2(contains(message, path), message.c_str());
    }

    void numericCsvIsNotText()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir.path().toStdString(), "table.csv",
                                           td::csvText({"x", "y", "label"}, {{"1", "2", "a"}}));
        QVERIFY(!mf::isTextDatasetPath(path));
        const std::string textPath =
            writeFile(dir.path().toStdString(), "text.csv",
                      td::csvText({"label", " text "}, {{"a", "hello, world"}, {"b", "x"}}));
        QVERIFY(mf::isTextDatasetPath(textPath));
        QCOMPARE(mf::loadTextDataset(textPath).train.texts, (Strings{"hello, world", "x"}));
    }
};

MF_TEST_GUILESS_MAIN(TestTextDataset)
#include "tst_textdataset.moc"
