#include "core/dist/pipelineschedule.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <algorithm>

using namespace mf;

namespace {

std::string text(const std::vector<PipelineAction> &actions)
{
    std::string out;
    for (const PipelineAction &action : actions)
        out += (out.empty() ? "" : " ") + std::string(action.forward ? "F" : "B") +
               std::to_string(action.microBatch);
    return out;
}

} // namespace

class TestPipelineSchedule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gpipeRunsEveryForwardThenBackwardsInReverse()
    {
        for (int stage = 0; stage < 3; ++stage)
            QCOMPARE(text(pipelineActions(PipelineSchedule::GPipe, stage, 3, 4)),
                     std::string("F0 F1 F2 F3 B3 B2 B1 B0"));
    }

    void oneFOneBAlternatesAfterFillingThePipe()
    {
        // Megatron-LM's non-interleaved schedule for 3 stages and 4 micro-batches.
        QCOMPARE(text(pipelineActions(PipelineSchedule::OneFOneB, 0, 3, 4)),
                 std::string("F0 F1 F2 B0 F3 B1 B2 B3"));
        QCOMPARE(text(pipelineActions(PipelineSchedule::OneFOneB, 1, 3, 4)),
                 std::string("F0 F1 B0 F2 B1 F3 B2 B3"));
        QCOMPARE(text(pipelineActions(PipelineSchedule::OneFOneB, 2, 3, 4)),
                 std::string("F0 B0 F1 B1 F2 B2 F3 B3"));
        // Fewer micro-batches than stages: all forward, then all backward.
        QCOMPARE(text(pipelineActions(PipelineSchedule::OneFOneB, 0, 4, 2)),
                 std::string("F0 F1 B0 B1"));
    }

    void everyScheduleIsCompleteAndBoundsTheActivationsHeld()
    {
        for (const PipelineSchedule schedule :
             {PipelineSchedule::GPipe, PipelineSchedule::OneFOneB})
            for (int stages = 1; stages <= 5; ++stages)
                for (int micro = 1; micro <= 9; ++micro)
                    for (int stage = 0; stage < stages; ++stage) {
                        const auto actions = pipelineActions(schedule, stage, stages, micro);
                        QCOMPARE(int(actions.size()), 2 * micro);
                        std::vector<int> forwardAt(micro, -1), backwardAt(micro, -1);
                        int held = 0, most = 0;
                        for (int i = 0; i < int(actions.size()); ++i) {
                            const PipelineAction &a = actions[i];
                            (a.forward ? forwardAt : backwardAt)[a.microBatch] = i;
                            held += a.forward ? 1 : -1;
                            most = std::max(most, held);
                        }
                        for (int m = 0; m < micro; ++m)
                            QVERIFY(forwardAt[m] >= 0 && forwardAt[m] < backwardAt[m]);
                        const int bound = schedule == PipelineSchedule::GPipe
                                              ? micro
                                              : std::min(micro, stages - stage);
                        QCOMPARE(most, bound);
                    }
    }

    void namesRoundTrip()
    {
        QCOMPARE(pipelineScheduleName(PipelineSchedule::GPipe), std::string("gpipe"));
        QCOMPARE(pipelineScheduleName(PipelineSchedule::OneFOneB), std::string("1f1b"));
        QVERIFY(pipelineScheduleFromName("1f1b") == PipelineSchedule::OneFOneB);
        QVERIFY(pipelineScheduleFromName("gpipe") == PipelineSchedule::GPipe);
        QVERIFY(!pipelineScheduleFromName("interleaved"));
    }
};

MF_TEST_APPLESS_MAIN(TestPipelineSchedule)
#include "tst_pipelineschedule.moc"
