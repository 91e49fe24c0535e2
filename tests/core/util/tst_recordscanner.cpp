#include "core/util/error.h"
#include "core/util/recordscanner.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

namespace {

using Fields = std::vector<std::string>;

struct Scanned
{
    std::vector<Fields> records;
    std::vector<std::uint64_t> lines;
};

Scanned scan(const std::string &text, const mf::RecordScanOptions &options = {})
{
    mf::RecordScanner scanner(text, "t.csv", options);
    Scanned out;
    Fields fields;
    std::uint64_t line = 0;
    while (scanner.next(fields, line)) {
        out.records.push_back(fields);
        out.lines.push_back(line);
    }
    return out;
}

std::string scanError(const std::string &text, const mf::RecordScanOptions &options = {})
{
    try {
        scan(text, options);
    } catch (const mf::DataError &error) {
        return error.what();
    }
    return "no error";
}

mf::RecordScanOptions lenient()
{
    mf::RecordScanOptions options;
    options.textAfterQuoteThrows = false;
    options.unclosedQuoteThrows = false;
    return options;
}

mf::RecordScanOptions tsvText()
{
    mf::RecordScanOptions options;
    options.delimiter = '\t';
    options.quoting = false;
    options.trimSpaces = false;
    options.skipBlankLines = false;
    options.loneCrEndsLine = false;
    return options;
}

} // namespace

class TestRecordScanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotedFieldsHoldDelimitersQuotesAndLineBreaks()
    {
        const Scanned s = scan("a,b,c\n\"big, red\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,\"\",3\n");
        QCOMPARE(s.records,
                 (std::vector<Fields>{
                     {"a", "b", "c"}, {"big, red", "say \"hi\"", "two\nlines"}, {"1", "", "3"}}));
        // The record after a two-line field starts on line 4.
        QCOMPARE(s.lines, (std::vector<std::uint64_t>{1, 2, 4}));
    }

    void lineEndsAndBlankLines_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("lf") << QStringLiteral("a,b\n\n1,2\n");
        QTest::newRow("crlf") << QStringLiteral("a,b\r\n\r\n1,2\r\n");
        QTest::newRow("lone cr") << QStringLiteral("a,b\r\r1,2\r");
        QTest::newRow("no final break") << QStringLiteral("a,b\n\n1,2");
        QTest::newRow("byte order mark") << QStringLiteral("\uFEFFa,b\n\n1,2\n");
    }

    void lineEndsAndBlankLines()
    {
        QFETCH(QString, text);
        const Scanned s = scan(text.toStdString());
        QCOMPARE(s.records, (std::vector<Fields>{{"a", "b"}, {"1", "2"}}));
        QCOMPARE(s.lines, (std::vector<std::uint64_t>{1, 3}));
    }

    void spacesAroundFieldsAreDropped()
    {
        QCOMPARE(scan(" a ,\t\" b \" , c\t,\n").records,
                 (std::vector<Fields>{{"a", " b ", "c", ""}}));
    }

    void strictErrorsNameFileAndLine()
    {
        QCOMPARE(scanError("w,label\n1,\"open\nstill open\n"),
                 std::string("t.csv: line 2: quoted field is not closed"));
        QCOMPARE(scanError("w,label\n1,\"x\ny\"z\n"),
                 std::string("t.csv: line 3: unexpected text after a closing quote"));
        // The line is where the quote opens, not where its record starts.
        QCOMPARE(scanError("a,\"x\ny\",\"z\n"),
                 std::string("t.csv: line 2: quoted field is not closed"));
    }

    void lenientQuotes()
    {
        QCOMPARE(scan("\"ab\"c,d\n\"x\" y ,z\n", lenient()).records,
                 (std::vector<Fields>{{"abc", "d"}, {"xy", "z"}}));
        QCOMPARE(scan("a,\"open\nrest", lenient()).records,
                 (std::vector<Fields>{{"a", "open\nrest"}}));
    }

    void tsvKeepsEveryCharacter()
    {
        const Scanned s = scan("text\tlabel\r\n \"quoted\" \tx\n\nsplit\rhere\ty\r", tsvText());
        QCOMPARE(s.records,
                 (std::vector<Fields>{
                     {"text", "label"}, {" \"quoted\" ", "x"}, {""}, {"split\rhere", "y"}}));
        QCOMPARE(s.lines, (std::vector<std::uint64_t>{1, 2, 3, 4}));
    }

    void csvTextKeepsSpacesAndJoinsTextAfterQuotes()
    {
        mf::RecordScanOptions options = tsvText();
        options.delimiter = ',';
        options.quoting = true;
        options.textAfterQuoteThrows = false;
        QCOMPARE(scan(" a ,\"b, c\"d\n", options).records, (std::vector<Fields>{{" a ", "b, cd"}}));
        QCOMPARE(scanError("x,\"never\n", options),
                 std::string("t.csv: line 1: quoted field is not closed"));
    }

    void emptyText()
    {
        QVERIFY(scan("").records.empty());
        QVERIFY(scan("\n\r\n\n").records.empty());
        QCOMPARE(scan("\n", tsvText()).records, (std::vector<Fields>{{""}}));
    }
};

MF_TEST_APPLESS_MAIN(TestRecordScanner)
#include "tst_recordscanner.moc"
