#include "core/data/csvreader.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

namespace td = mf::testdata;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

std::vector<float> valuesOf(const torch::Tensor &tensor)
{
    const torch::Tensor flat = tensor.contiguous().view({-1});
    return {flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel()};
}

std::vector<std::int64_t> labelsOf(const mf::Dataset &dataset)
{
    const torch::Tensor labels = dataset.labels.contiguous();
    return {labels.data_ptr<std::int64_t>(), labels.data_ptr<std::int64_t>() + labels.numel()};
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stringLabelsAreSortedClasses_data()
    {
        QTest::addColumn<QString>("lineEnd");
        QTest::newRow("lf") << QStringLiteral("\n");
        QTest::newRow("crlf") << QStringLiteral("\r\n");
    }

    void stringLabelsAreSortedClasses()
    {
        QFETCH(QString, lineEnd);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("iris.csv")).toStdString();
        td::writeBytes(path, td::csvText({"sepal", "petal", "label"},
                                         {{"5.1", "1.4", "setosa"},
                                          {"7.0", "-4.7e-1", "versicolor"},
                                          {"+6.3", " 6 ", "virginica"},
                                          {"4.9", "1.5", "setosa"}},
                                         lineEnd.toStdString()));
        const mf::Dataset dataset = mf::readCsv(path);
        QVERIFY(dataset.kind == mf::DatasetKind::Table);
        QCOMPARE(dataset.format, std::string("csv"));
        QCOMPARE(dataset.featureNames, (std::vector<std::string>{"sepal", "petal"}));
        QCOMPARE(dataset.classNames,
                 (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
        QCOMPARE(dataset.inputs.scalar_type(), torch::kFloat32);
        QCOMPARE(dataset.inputs.sizes().vec(), (std::vector<std::int64_t>{4, 2}));
        QCOMPARE(valuesOf(dataset.inputs),
                 (std::vector<float>{5.1f, 1.4f, 7.0f, -0.47f, 6.3f, 6.0f, 4.9f, 1.5f}));
        QCOMPARE(labelsOf(dataset), (std::vector<std::int64_t>{0, 1, 2, 0}));
    }

    void integerLabelsSpanZeroToMax()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("t.csv")).toStdString();
        td::writeBytes(path, "x,label\n1,3\n2,0\n3,3\n");
        const mf::Dataset dataset = mf::readCsv(path);
        QCOMPARE(dataset.classNames, (std::vector<std::string>{"0", "1", "2", "3"}));
        QCOMPARE(labelsOf(dataset), (std::vector<std::int64_t>{3, 0, 3}));
    }

    void labelColumn_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<QStringList>("classes");
        QTest::newRow("named in the middle")
            << QStringLiteral("a,kind,c\n1,q,7\n2,p,8\n") << QStringLiteral("kind")
            << QStringList{QStringLiteral("a"), QStringLiteral("c")}
            << QStringList{QStringLiteral("p"), QStringLiteral("q")};
        QTest::newRow("default name present")
            << QStringLiteral("label,b\ny,1\nx,2\n") << QStringLiteral("label")
            << QStringList{QStringLiteral("b")}
            << QStringList{QStringLiteral("x"), QStringLiteral("y")};
        QTest::newRow("no label column: the last one")
            << QStringLiteral("a,kind,c\n1,0,y\n2,1,x\n") << QStringLiteral("label")
            << QStringList{QStringLiteral("a"), QStringLiteral("kind")}
            << QStringList{QStringLiteral("x"), QStringLiteral("y")};
    }

    void labelColumn()
    {
        QFETCH(QString, text);
        QFETCH(QString, column);
        QFETCH(QStringList, features);
        QFETCH(QStringList, classes);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("t.csv")).toStdString();
        td::writeBytes(path, text.toStdString());
        const mf::Dataset dataset = mf::readCsv(path, column.toStdString());
        QStringList featureNames, classNames;
        for (const std::string &name : dataset.featureNames)
            featureNames << QString::fromStdString(name);
        for (const std::string &name : dataset.classNames)
            classNames << QString::fromStdString(name);
        QCOMPARE(featureNames, features);
        QCOMPARE(classNames, classes);
        QCOMPARE(dataset.inputs.sizes().vec(),
                 (std::vector<std::int64_t>{2, static_cast<std::int64_t>(features.size())}));
    }

    void quotedFields()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("q.csv")).toStdString();
        td::writeBytes(path, td::csvText({"size, cm", "label"}, {{"1.5", "big, red"},
                                                                 {"2", "say \"hi\""},
                                                                 {"3", "two\nlines"},
                                                                 {"4", "big, red"}}));
        const mf::Dataset dataset = mf::readCsv(path);
        QCOMPARE(dataset.featureNames, (std::vector<std::string>{"size, cm"}));
        QCOMPARE(dataset.classNames,
                 (std::vector<std::string>{"big, red", "say \"hi\"", "two\nlines"}));
        QCOMPARE(labelsOf(dataset), (std::vector<std::int64_t>{0, 1, 2, 0}));
        QCOMPARE(valuesOf(dataset.inputs), (std::vector<float>{1.5f, 2.0f, 3.0f, 4.0f}));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty file") << QString() << QStringLiteral("label")
                                    << QStringLiteral("empty file; a header row is required");
        QTest::newRow("blank lines only") << QStringLiteral("\n\r\n\n") << QStringLiteral("label")
                                          << QStringLiteral("empty file");
        QTest::newRow("header only") << QStringLiteral("a,b,label\n") << QStringLiteral("label")
                                     << QStringLiteral("no data rows after the header");
        QTest::newRow("one column") << QStringLiteral("label\n1\n") << QStringLiteral("label")
                                    << QStringLiteral("line 1: the header has only one column");
        QTest::newRow("ragged short row")
            << QStringLiteral("a,b,label\n1,2,x\n\n3,4,y\n5,6\n") << QStringLiteral("label")
            << QStringLiteral("line 5: row has 2 fields, the header has 3");
        QTest::newRow("ragged after multi-line quote")
            << QStringLiteral("a,label\n1,\"x\ny\"\n2,z,9\n") << QStringLiteral("label")
            << QStringLiteral("line 4: row has 3 fields, the header has 2");
        QTest::newRow("non-numeric feature")
            << QStringLiteral("width,height,label\n1,2,a\n3,tall,b\n") << QStringLiteral("label")
            << QStringLiteral("line 3: feature \"height\" is not a finite number: \"tall\"");
        QTest::newRow("empty feature") << QStringLiteral("w,label\n,a\n") << QStringLiteral("label")
                                       << QStringLiteral("line 2: feature \"w\"");
        QTest::newRow("infinite feature")
            << QStringLiteral("w,label\n1e999,a\n") << QStringLiteral("label")
            << QStringLiteral("not a finite number: \"1e999\"");
        QTest::newRow("unclosed quote")
            << QStringLiteral("w,label\n1,\"open\n") << QStringLiteral("label")
            << QStringLiteral("line 2: quoted field is not closed");
        QTest::newRow("missing named label column")
            << QStringLiteral("a,b\n1,2\n") << QStringLiteral("target")
            << QStringLiteral("no label column named \"target\" (columns: a, b)");
        QTest::newRow("huge integer label")
            << QStringLiteral("a,label\n1,0\n2,99999999\n") << QStringLiteral("label")
            << QStringLiteral("line 3: label 99999999 exceeds the limit");
    }

    void badInput()
    {
        QFETCH(QString, text);
        QFETCH(QString, label);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("bad.csv")).toStdString();
        td::writeBytes(path, text.toStdString());
        const std::string message =
            td::errorMessage([&] { mf::readCsv(path, label.toStdString()); });
        QVERIFY2(contains(message, path), message.c_str());
        QVERIFY2(contains(message, reason.toStdString()), message.c_str());
    }
};

MF_TEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
