#include "app/gui/augment/newestrequestmailbox.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <atomic>
#include <thread>

using mf::NewestRequestMailbox;

class TestNewestRequestMailbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestReplacesWaitingAndSchedulesOnce()
    {
        NewestRequestMailbox<int> box;
        QVERIFY(!box.take().has_value());
        QVERIFY(box.put(1));  // nothing scheduled yet: the caller schedules a drain
        QVERIFY(!box.put(2)); // the scheduled drain will see this one
        QVERIFY(!box.put(3));
        QCOMPARE(box.take(), std::optional<int>(3));
        QVERIFY(!box.take().has_value());
        QVERIFY(box.put(4)); // drained: the next request schedules again
        QCOMPARE(box.take(), std::optional<int>(4));
    }

    void aRequestPutDuringADrainIsTakenByIt()
    {
        NewestRequestMailbox<int> box;
        QVERIFY(box.put(1));
        QCOMPARE(box.take(), std::optional<int>(1));
        QVERIFY(!box.put(2)); // the drain still running takes it on its next call
        QCOMPARE(box.take(), std::optional<int>(2));
        QVERIFY(!box.take().has_value());
    }

    void theLastRequestAlwaysArrivesAcrossThreads()
    {
        NewestRequestMailbox<int> box;
        std::atomic<int> drainsAsked{0};
        std::atomic<bool> done{false};
        int lastTaken = -1;
        bool inOrder = true;
        std::thread consumer([&] {
            int handled = 0;
            for (;;) {
                if (handled < drainsAsked.load()) {
                    ++handled;
                    while (std::optional<int> r = box.take()) {
                        inOrder = inOrder && *r > lastTaken;
                        lastTaken = *r;
                    }
                } else if (done.load() && handled == drainsAsked.load()) {
                    return;
                } else {
                    std::this_thread::yield();
                }
            }
        });
        constexpr int kRequests = 20000;
        for (int i = 0; i < kRequests; ++i) {
            if (box.put(i))
                ++drainsAsked;
        }
        done = true;
        consumer.join();
        QVERIFY(inOrder);
        QCOMPARE(lastTaken, kRequests - 1);
        QVERIFY(drainsAsked.load() >= 1);
    }
};

MF_TEST_APPLESS_MAIN(TestNewestRequestMailbox)
#include "tst_newestrequestmailbox.moc"
