#include "app/gui/launchoptions.h"
#include "tests/support/testsuite.h"

#include <QDir>
#include <QtTest/QtTest>

using mf::LaunchOptions;

namespace {

bool parse(const QStringList &arguments, LaunchOptions &options, QString &error)
{
    return LaunchOptions::parse(QStringList{QStringLiteral("modelforge")} + arguments, options,
                                error);
}

} // namespace

class TestLaunchOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void workspaceAndScreenshotBecomeAbsolute()
    {
        LaunchOptions options;
        QString error;
        QVERIFY2(
            parse({"--workspace", "ws", "--screenshot", "out", "--language", "en"}, options, error),
            qPrintable(error));
        QCOMPARE(options.workspace, QDir::current().absoluteFilePath(QStringLiteral("ws")));
        QCOMPARE(options.screenshotDir, QDir::current().absoluteFilePath(QStringLiteral("out")));
        QCOMPARE(options.language, QStringLiteral("en"));
        QVERIFY(options.selectRuns.isEmpty());
    }

    void selectTakesRunIdsInOrder()
    {
        LaunchOptions options;
        QString error;
        QVERIFY2(parse({"--workspace", "ws", "--select", "5, 3,5,12"}, options, error),
                 qPrintable(error));
        QCOMPARE(options.selectRuns, (QList<qint64>{5, 3, 12}));
    }

    void selectRefusesWhatIsNotARunId_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("a word") << QStringLiteral("3,five") << QStringLiteral("\"five\"");
        QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("\"0\"");
        QTest::newRow("negative") << QStringLiteral("2,-4") << QStringLiteral("\"-4\"");
        QTest::newRow("empty item") << QStringLiteral("2,,4") << QStringLiteral("\"\"");
    }

    void selectRefusesWhatIsNotARunId()
    {
        QFETCH(QString, value);
        QFETCH(QString, named);
        LaunchOptions options;
        QString error;
        QVERIFY(!parse({"--workspace", "ws", "--select", value}, options, error));
        QVERIFY2(error.contains(QStringLiteral("--select")) && error.contains(named),
                 qPrintable(error));
    }

    void unknownLanguageIsRefused()
    {
        LaunchOptions options;
        QString error;
        QVERIFY(!parse({"--workspace", "ws", "--language", "xx"}, options, error));
        QVERIFY2(error.contains(QStringLiteral("\"xx\"")), qPrintable(error));
    }

    void roiReportTakesAnOutputAndAMonteCarlo()
    {
        LaunchOptions options;
        QString error;
        QVERIFY2(parse({"--workspace", "ws", "--roi-report", "s.json", "--output", "r.pdf",
                        "--monte-carlo", "500", "--seed", "9"},
                       options, error),
                 qPrintable(error));
        QCOMPARE(options.roiScenario, QStringLiteral("s.json"));
        QCOMPARE(options.output, QStringLiteral("r.pdf"));
        QCOMPARE(options.monteCarloTrials, 500);
        QCOMPARE(options.seed, quint64(9));

        LaunchOptions plain;
        QVERIFY(parse({"--workspace", "ws", "--roi-report", "s.json", "--output", "r.pdf"}, plain,
                      error));
        QCOMPARE(plain.monteCarloTrials, 0);
    }

    void roiReportMistakesAreRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("named");
        QTest::newRow("no output") << QStringList{"--roi-report", "s.json"} << "--output";
        QTest::newRow("output alone") << QStringList{"--output", "r.pdf"} << "--roi-report";
        QTest::newRow("monte carlo alone") << QStringList{"--monte-carlo", "10"} << "--roi-report";
        QTest::newRow("zero trials")
            << QStringList{"--roi-report", "s.json", "--output", "r.pdf", "--monte-carlo", "0"}
            << "--monte-carlo";
        QTest::newRow("bad seed") << QStringList{"--roi-report", "s.json", "--output",
                                                 "r.pdf",        "--seed", "x"}
                                  << "--seed";
    }

    void roiReportMistakesAreRefused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, named);
        LaunchOptions options;
        QString error;
        QVERIFY(!parse(QStringList{"--workspace", "ws"} + arguments, options, error));
        QVERIFY2(error.contains(named), qPrintable(error));
    }
};

MF_TEST_MAIN(TestLaunchOptions)
#include "tst_launchoptions.moc"
