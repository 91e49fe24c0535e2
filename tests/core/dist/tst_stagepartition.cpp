#include "core/dist/stagepartition.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

class TestStagePartition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void balancedStagesMinimiseTheSlowest()
    {
        // 1+2 | 3 | 4 -> slowest 4; the greedy 1+2+3 | 4 would be 6 for two stages.
        QCOMPARE(mf::balancedStageStarts({1, 2, 3, 4}, 3), (mf::StageStarts{0, 2, 3}));
        QCOMPARE(mf::balancedStageStarts({1, 2, 3, 4}, 2), (mf::StageStarts{0, 3}));
        // A costly first layer stands alone.
        QCOMPARE(mf::balancedStageStarts({10, 1, 1, 1, 1}, 2), (mf::StageStarts{0, 1}));
        QCOMPARE(mf::balancedStageStarts({5, 5}, 2), (mf::StageStarts{0, 1}));
        QCOMPARE(mf::balancedStageStarts({5, 5, 5}, 1), (mf::StageStarts{0}));
        // Every stage gets a layer even when cost says otherwise.
        QCOMPARE(mf::balancedStageStarts({0, 0, 9}, 3), (mf::StageStarts{0, 1, 2}));
    }

    void moreStagesThanLayersIsAnError()
    {
        const std::string message = mf::testdata::errorMessage([] {
            mf::balancedStageStarts({1, 2}, 3);
        });
        QVERIFY2(message.find("needs at least 3 layers; the model has 2") != std::string::npos,
                 message.c_str());
    }

    void givenBoundariesAreChecked_data()
    {
        QTest::addColumn<QList<int>>("boundaries");
        QTest::addColumn<QString>("expected");
        QTest::newRow("too few") << QList<int>{} << "needs 1 stage boundaries; 0 were given";
        QTest::newRow("zero") << QList<int>{0} << "Stage boundary 0 does not leave";
        QTest::newRow("past the end") << QList<int>{5} << "Stage boundary 5 does not leave";
    }

    void givenBoundariesAreChecked()
    {
        QFETCH(QList<int>, boundaries);
        QFETCH(QString, expected);
        std::vector<std::size_t> given(boundaries.begin(), boundaries.end());
        const std::string message =
            mf::testdata::errorMessage([&] { mf::stageStartsFrom(given, 5, 2); });
        QVERIFY2(message.find(expected.toStdString()) != std::string::npos, message.c_str());
        QCOMPARE(mf::stageStartsFrom({2, 4}, 5, 3), (mf::StageStarts{0, 2, 4}));
    }
};

MF_TEST_GUILESS_MAIN(TestStagePartition)
#include "tst_stagepartition.moc"
