#include "app/gui/format/displayformat.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using mf::DisplayFormat;
using mf::RunRecord;
using mf::RunStatus;

class TestDisplayFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void durationText_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << "0 s";
        QTest::newRow("under a second") << qint64(999) << "0 s";
        QTest::newRow("seconds") << qint64(59'999) << "59 s";
        QTest::newRow("a minute") << qint64(60'000) << "1 min 00 s";
        QTest::newRow("minutes") << qint64(125'000) << "2 min 05 s";
        QTest::newRow("an hour") << qint64(3'600'000) << "1 h 00 min";
        QTest::newRow("hours") << qint64(23 * 3'600'000LL + 59 * 60'000 + 59'000) << "23 h 59 min";
        QTest::newRow("days") << qint64(50 * 3'600'000LL) << "2 d 2 h";
        QTest::newRow("unknown") << qint64(-1) << "";
    }

    void durationText()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(DisplayFormat::durationText(ms, QLocale::c()), text);
    }

    void thousandsFollowTheLocale()
    {
        const qint64 manyDays = 1500LL * 24 * 3'600'000;
        QCOMPARE(
            DisplayFormat::durationText(manyDays, QLocale(QLocale::English, QLocale::UnitedStates)),
            QStringLiteral("1,500 d 0 h"));
        QCOMPARE(DisplayFormat::durationText(manyDays, QLocale(QLocale::German, QLocale::Germany)),
                 QStringLiteral("1.500 d 0 h"));
    }

    void percentText_data()
    {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("text");
        QTest::newRow("en") << 0.8123 << "en_US"
                            << "81.23%";
        QTest::newRow("en rounds") << 0.99996 << "en_US"
                                   << "100.00%";
        QTest::newRow("zh") << 0.095 << "zh_CN"
                            << "9.50%";
        QTest::newRow("de") << 0.5 << "de_DE"
                            << "50,00%";
    }

    void percentText()
    {
        QFETCH(double, fraction);
        QFETCH(QString, locale);
        QFETCH(QString, text);
        QCOMPARE(DisplayFormat::percentText(fraction, QLocale(locale)), text);
    }

    void parametersReadAsTheTrainFormWordsThem_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("shown");
        QTest::newRow("all cores") << "threads"
                                   << "0"
                                   << "All cores";
        QTest::newRow("four threads") << "threads"
                                      << "4"
                                      << "4";
        QTest::newRow("no early stopping") << "early_stopping_patience"
                                           << "0"
                                           << "Off";
        QTest::newRow("no clipping") << "clip_grad_norm"
                                     << "0.0"
                                     << "Off";
        QTest::newRow("clipping") << "clip_grad_norm"
                                  << "1.5"
                                  << "1.5";
        QTest::newRow("default peak") << "schedule.max_learning_rate"
                                      << "0.0"
                                      << "10x the base rate";
        QTest::newRow("no pipeline") << "augmentation"
                                     << ""
                                     << "None";
        QTest::newRow("other keys as stored") << "seed"
                                              << "0"
                                              << "0";
    }

    void parametersReadAsTheTrainFormWordsThem()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, shown);
        QCOMPARE(DisplayFormat::parameterText(key, value), shown);
    }

    void dateTimeTextIsEmptyWhenUnset()
    {
        QVERIFY(DisplayFormat::dateTimeText(0, QLocale::c()).isEmpty());
        QVERIFY(!DisplayFormat::dateTimeText(1'700'000'000'000, QLocale::c()).isEmpty());
    }

    void durationMs_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("started");
        QTest::addColumn<qint64>("ended");
        QTest::addColumn<qint64>("heartbeat");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("duration");
        QTest::newRow("finished") << int(RunStatus::Finished) << qint64(1000) << qint64(5000)
                                  << qint64(4000) << qint64(9000) << qint64(4000);
        QTest::newRow("running uses now") << int(RunStatus::Running) << qint64(1000) << qint64(0)
                                          << qint64(4000) << qint64(9000) << qint64(8000);
        QTest::newRow("interrupted without end uses heartbeat")
            << int(RunStatus::Interrupted) << qint64(1000) << qint64(0) << qint64(4000)
            << qint64(9000) << qint64(3000);
        QTest::newRow("never started") << int(RunStatus::Finished) << qint64(0) << qint64(5000)
                                       << qint64(0) << qint64(9000) << qint64(-1);
        QTest::newRow("clock went back") << int(RunStatus::Finished) << qint64(5000) << qint64(1000)
                                         << qint64(0) << qint64(9000) << qint64(-1);
    }

    void durationMs()
    {
        QFETCH(int, status);
        QFETCH(qint64, started);
        QFETCH(qint64, ended);
        QFETCH(qint64, heartbeat);
        QFETCH(qint64, now);
        QFETCH(qint64, duration);
        RunRecord run;
        run.status = RunStatus(status);
        run.startedAtMs = started;
        run.endedAtMs = ended;
        run.heartbeatAtMs = heartbeat;
        QCOMPARE(DisplayFormat::durationMs(run, now), duration);
    }
};

MF_TEST_MAIN(TestDisplayFormat)
#include "tst_displayformat.moc"
