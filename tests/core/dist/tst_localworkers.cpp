#include "core/dist/localworkers.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using mf::LocalWorkers;
using mf::WorkerExit;

namespace {

LocalWorkers::Spec shell(const std::string &script, int worldSize, int firstRank)
{
    return LocalWorkers::Spec{"/bin/sh", {"-c", script}, worldSize, firstRank, 4321};
}

bool alive(pid_t pid)
{
    return ::kill(pid, 0) == 0;
}

} // namespace

class TestLocalWorkers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachRankGetsTheTorchrunEnvironment()
    {
        // Exits 10 + RANK when every variable is what torchrun would set, 1 otherwise.
        const std::string script =
            "[ \"$LOCAL_RANK\" = \"$RANK\" ] && [ \"$WORLD_SIZE\" = 3 ] && "
            "[ \"$LOCAL_WORLD_SIZE\" = 3 ] && [ \"$MASTER_ADDR\" = 127.0.0.1 ] && "
            "[ \"$MASTER_PORT\" = 4321 ] && [ \"$MODELFORGE_SUPERVISOR\" = " +
            std::to_string(::getpid()) + " ] && exit $((10 + RANK)); exit 1";
        LocalWorkers workers(shell(script, 3, 1));
        QCOMPARE(workers.running(), 2);
        QVERIFY(workers.pid(0) == 0);
        QVERIFY(workers.pid(1) > 0 && workers.pid(2) > 0);
        std::vector<WorkerExit> exits = workers.finish(std::chrono::seconds(20));
        QCOMPARE(int(exits.size()), 2);
        std::sort(exits.begin(), exits.end(),
                  [](const WorkerExit &a, const WorkerExit &b) { return a.rank < b.rank; });
        for (const WorkerExit &exit : exits) {
            QVERIFY(WIFEXITED(exit.status));
            QCOMPARE(WEXITSTATUS(exit.status), 10 + exit.rank);
            QVERIFY(exit.failed());
            QVERIFY(!exit.killed);
        }
        QCOMPARE(workers.running(), 0);
    }

    void aJobVariableOfThisProcessIsNotPassedOn()
    {
        qputenv("MASTER_PORT", "1");
        LocalWorkers workers(shell("[ \"$MASTER_PORT\" = 4321 ]", 2, 1));
        qunsetenv("MASTER_PORT");
        const std::vector<WorkerExit> exits = workers.finish(std::chrono::seconds(20));
        QCOMPARE(int(exits.size()), 1);
        QVERIFY(!exits.front().failed());
    }

    void aWorkerKilledBySignalIsDescribed()
    {
        LocalWorkers workers(shell("kill -9 $$", 2, 1));
        const pid_t pid = workers.pid(1);
        QElapsedTimer clock;
        clock.start();
        std::optional<WorkerExit> exit;
        while (!exit && clock.elapsed() < 20000) {
            exit = workers.reap();
            QTest::qWait(10);
        }
        QVERIFY(exit.has_value());
        QVERIFY(exit->failed());
        QCOMPARE(exit->describe(2),
                 "rank 1 of 2 (pid " + std::to_string(pid) + ") was killed by signal 9 (Killed)");
        const WorkerExit exited{2, 77, 3 << 8};
        QCOMPARE(exited.describe(4), std::string("rank 2 of 4 (pid 77) exited with status 3"));
    }

    void aHungWorkerIsKilledAfterTheGrace()
    {
        LocalWorkers workers(shell("exec sleep 60", 3, 1));
        const pid_t first = workers.pid(1);
        QElapsedTimer clock;
        clock.start();
        const std::vector<WorkerExit> exits = workers.finish(std::chrono::milliseconds(200));
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(int(exits.size()), 2);
        for (const WorkerExit &exit : exits)
            QVERIFY(exit.killed && WIFSIGNALED(exit.status));
        QVERIFY(!alive(first));
    }

    void nothingOutlivesTheWorkers()
    {
        pid_t pid = 0;
        {
            LocalWorkers workers(shell("exec sleep 60", 2, 1));
            pid = workers.pid(1);
            QVERIFY(alive(pid));
        }
        QVERIFY(!alive(pid));
    }

    void aWorkersOutputGoesToItsLog()
    {
        QTemporaryDir logs;
        LocalWorkers::Spec spec = shell("echo starting; echo \"cannot read the dataset: no such "
                                        "file\" >&2; echo Aborted >&2; exit 3",
                                        2, 1);
        spec.logDirectory = logs.path().toStdString();
        LocalWorkers workers(spec);
        workers.finish(std::chrono::seconds(20));
        // The short last line comes with the one before it, which says why.
        QCOMPARE(workers.logTail(1), std::string("cannot read the dataset: no such file Aborted"));
        QCOMPARE(workers.logTail(1, 7), std::string("Aborted"));
        QVERIFY(QFileInfo::exists(logs.filePath(QStringLiteral("rank-1.log"))));
        QCOMPARE(workers.logTail(2), std::string());
    }

    void aMissingExecutableIsNamed()
    {
        const std::string message = mf::testdata::errorMessage([] {
            LocalWorkers workers(LocalWorkers::Spec{"/nonexistent/modelforge-cli", {}, 2, 1, 1});
        });
        QVERIFY2(message.find("cannot start worker 1 (/nonexistent/modelforge-cli)") == 0,
                 message.c_str());
    }
};

MF_TEST_GUILESS_MAIN(TestLocalWorkers)
#include "tst_localworkers.moc"
