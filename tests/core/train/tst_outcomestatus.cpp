#include "core/train/outcomestatus.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using mf::RunStatus;
using mf::TrainOutcome;

class TestOutcomeStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachOutcomeHasItsStatus()
    {
        QCOMPARE(mf::runStatusOf(TrainOutcome::Finished), RunStatus::Finished);
        QCOMPARE(mf::runStatusOf(TrainOutcome::EarlyStopped), RunStatus::Finished);
        QCOMPARE(mf::runStatusOf(TrainOutcome::Stopped), RunStatus::Stopped);
        QCOMPARE(mf::runStatusOf(TrainOutcome::Failed), RunStatus::Failed);
    }
};

MF_TEST_APPLESS_MAIN(TestOutcomeStatus)
#include "tst_outcomestatus.moc"
