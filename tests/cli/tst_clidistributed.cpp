// modelforge-cli's data-parallel jobs end to end: `train --nproc 2` launches two Gloo workers,
// lands one run, fails cleanly when a worker dies, stops and resumes as one job.
#include "core/store/runstore.h"
#include "core/store/storeaccess.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"
#include "tests/support/workerprocesses.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <csignal>
#include <sys/types.h>

using mf::testdata::processExists;
using mf::testdata::workersOf;

class TestCliDistributed : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_dataset;

    QStringList trainArguments(const QString &workspace, const QString &epochs) const
    {
        return {QStringLiteral("--workspace"),    workspace,
                QStringLiteral("--json"),         QStringLiteral("train"),
                QStringLiteral("--dataset"),      m_dataset,
                QStringLiteral("--model"),        QStringLiteral("mlp"),
                QStringLiteral("--hidden"),       QStringLiteral("32"),
                QStringLiteral("--epochs"),       epochs,
                QStringLiteral("--batch-size"),   QStringLiteral("16"),
                QStringLiteral("--nproc"),        QStringLiteral("2"),
                QStringLiteral("--dist-timeout"), QStringLiteral("20")};
    }

    static int exitOf(QProcess &process, QByteArray *err = nullptr)
    {
        if (!process.waitForFinished(120000))
            qFatal("modelforge-cli did not finish");
        if (err)
            *err = process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    static mf::RunRecord onlyRun(const QString &workspace)
    {
        const std::string path = workspace.toStdString() + "/modelforge.db";
        const mf::RunStore store(path, mf::StoreAccess::ReadOnly);
        const std::vector<mf::RunRecord> runs = store.listRuns();
        if (runs.size() != 1)
            qFatal("expected one run, found %d", int(runs.size()));
        return runs.front();
    }

    static std::int64_t trainedSteps(const QString &workspace)
    {
        const std::string path = workspace.toStdString() + "/modelforge.db";
        if (!QFileInfo::exists(QString::fromStdString(path)))
            return 0;
        try {
            const mf::RunStore store(path, mf::StoreAccess::ReadOnly);
            const auto runs = store.listRuns();
            if (runs.empty())
                return 0;
            const auto points = store.metrics(runs.front().id, "train_loss");
            return points.empty() ? 0 : points.back().step;
        } catch (const std::exception &) {
            return 0; // being created
        }
    }

    /// Starts a job of two workers that would train for ever; true once it has logged a step.
    bool startLongJob(QProcess &process, const QString &workspace,
                      const QString &mode = QStringLiteral("data")) const
    {
        process.start(QStringLiteral(MODELFORGE_CLI_PATH),
                      trainArguments(workspace, QStringLiteral("100000"))
                          << QStringLiteral("--parallel") << mode);
        QElapsedTimer clock;
        clock.start();
        while (trainedSteps(workspace) == 0 && clock.elapsed() < 60000)
            QTest::qWait(100);
        return trainedSteps(workspace) > 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dataset = m_dir.filePath(QStringLiteral("digits"));
        const auto train = mf::testdata::makeImageSet(384, 4, 1, 8, 8, 1);
        const auto test = mf::testdata::makeImageSet(96, 4, 1, 8, 8, 2);
        mf::testdata::writeMnistLayout(m_dataset.toStdString(), train, test, true);
    }

    void trainWithTwoProcessesLandsOneRun_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<int>("steps");
        // 384 samples, 10% validation: 346 to train. Data parallel: 173 a rank, 11 batches of
        // 16 a rank and epoch; pipeline: every rank draws all 22 batches.
        QTest::newRow("data") << "data"
                              << "gpipe" << 22;
        QTest::newRow("pipeline") << "pipeline"
                                  << "1f1b" << 44;
    }

    void trainWithTwoProcessesLandsOneRun()
    {
        QFETCH(QString, mode);
        QFETCH(QString, schedule);
        QFETCH(int, steps);
        const QString workspace = m_dir.filePath(mode);
        QProcess process;
        QStringList arguments = trainArguments(workspace, QStringLiteral("2"))
                                << QStringLiteral("--parallel") << mode;
        if (mode == QLatin1String("pipeline"))
            arguments << QStringLiteral("--pipeline-schedule") << schedule;
        process.start(QStringLiteral(MODELFORGE_CLI_PATH), arguments);
        QByteArray err;
        QVERIFY2(exitOf(process, &err) == 0, err.constData());
        const QJsonObject out = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(out.value(QStringLiteral("outcome")).toString(), QStringLiteral("finished"));
        QCOMPARE(out.value(QStringLiteral("steps")).toInt(), steps);
        const QJsonObject distributed = out.value(QStringLiteral("distributed")).toObject();
        QCOMPARE(distributed.value(QStringLiteral("world_size")).toInt(), 2);
        QCOMPARE(distributed.value(QStringLiteral("backend")).toString(), QStringLiteral("gloo"));
        QCOMPARE(distributed.value(QStringLiteral("mode")).toString(), mode);
        // The test accuracy of the whole model, after the stages were brought together.
        QVERIFY(out.value(QStringLiteral("test"))
                    .toObject()
                    .value(QStringLiteral("accuracy"))
                    .toDouble() > 0.5);

        const mf::RunRecord run = onlyRun(workspace);
        QCOMPARE(run.status, mf::RunStatus::Finished);
        const mf::RunStore store(workspace.toStdString() + "/modelforge.db",
                                 mf::StoreAccess::ReadOnly);
        const auto params = store.params(run.id);
        QCOMPARE(params.at("distributed.world_size"), std::string("2"));
        QCOMPARE(params.at("distributed.backend"), std::string("gloo"));
        QCOMPARE(params.at("distributed.mode"), mode.toStdString());
        QCOMPARE(params.count("distributed.stages"),
                 std::size_t(mode == QStringLiteral("pipeline")));
        if (mode == QLatin1String("pipeline")) {
            QCOMPARE(params.at("distributed.schedule"), schedule.toStdString());
            QCOMPARE(distributed.value(QStringLiteral("schedule")).toString(), schedule);
        }
        QVERIFY(workersOf(process.processId()).isEmpty());
    }

    void aKilledRankFailsTheJobWithNoProcessLeft()
    {
        const QString workspace = m_dir.filePath(QStringLiteral("killed"));
        QProcess process;
        QVERIFY(startLongJob(process, workspace));
        const QMap<int, pid_t> workers = workersOf(process.processId());
        QCOMPARE(workers.size(), 2);
        QElapsedTimer clock;
        clock.start();
        ::kill(workers.value(1), SIGKILL);
        QByteArray err;
        QCOMPARE(exitOf(process, &err), 1);
        // The leader sees the lost peer at its next all-reduce, well within the timeout (20 s).
        QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(err.contains("rank 1 of 2"), err.constData());
        const mf::RunRecord run = onlyRun(workspace);
        QCOMPARE(run.status, mf::RunStatus::Failed);
        QVERIFY2(run.failureReason.find("rank 1 of 2") == 0 &&
                     run.failureReason.find("killed by signal 9") != std::string::npos,
                 run.failureReason.c_str());
        for (const pid_t pid : workers)
            QTRY_VERIFY_WITH_TIMEOUT(!processExists(pid), 5000);
    }

    void ctrlCStopsEveryRankAndTheRunResumesWithAsMany_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("refusal");
        QTest::newRow("data") << "data"
                              << "trained as 2 data-parallel process(es); resume it with as many "
                                 "(--nproc 2), not 1";
        QTest::newRow("pipeline") << "pipeline"
                                  << "trained as a pipeline of 2 stages; resume it as one "
                                     "(--nproc 2)";
    }

    void ctrlCStopsEveryRankAndTheRunResumesWithAsMany()
    {
        QFETCH(QString, mode);
        QFETCH(QString, refusal);
        const QString workspace = m_dir.filePath(QStringLiteral("stopped-") + mode);
        QProcess process;
        QVERIFY(startLongJob(process, workspace, mode));
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QCOMPARE(exitOf(process), 0);
        QCOMPARE(QJsonDocument::fromJson(process.readAllStandardOutput())
                     .object()
                     .value(QStringLiteral("outcome"))
                     .toString(),
                 QStringLiteral("stopped"));
        const mf::RunRecord run = onlyRun(workspace);
        QCOMPARE(run.status, mf::RunStatus::Stopped);

        // Its shards and schedule depend on the number of ranks: one process may not go on.
        QProcess alone;
        alone.start(QStringLiteral(MODELFORGE_CLI_PATH),
                    {QStringLiteral("--workspace"), workspace, QStringLiteral("resume"),
                     QString::number(run.id)});
        QByteArray err;
        QCOMPARE(exitOf(alone, &err), 2);
        QVERIFY2(err.contains(refusal.toUtf8()), err.constData());
        QCOMPARE(onlyRun(workspace).status, mf::RunStatus::Stopped);

        // With as many processes it goes on as it trained: a pipeline again, without being told.
        const std::int64_t before = trainedSteps(workspace);
        QProcess resumed;
        resumed.start(QStringLiteral(MODELFORGE_CLI_PATH),
                      {QStringLiteral("--workspace"), workspace, QStringLiteral("--json"),
                       QStringLiteral("resume"), QString::number(run.id), QStringLiteral("--nproc"),
                       QStringLiteral("2"), QStringLiteral("--dist-timeout"),
                       QStringLiteral("20")});
        QElapsedTimer clock;
        clock.start();
        while (trainedSteps(workspace) <= before && clock.elapsed() < 60000 &&
               resumed.state() != QProcess::NotRunning)
            QTest::qWait(100);
        QVERIFY2(trainedSteps(workspace) > before, resumed.readAllStandardError().constData());
        ::kill(static_cast<pid_t>(resumed.processId()), SIGINT);
        QCOMPARE(exitOf(resumed), 0);
        const QJsonObject out = QJsonDocument::fromJson(resumed.readAllStandardOutput()).object();
        QCOMPARE(out.value(QStringLiteral("outcome")).toString(), QStringLiteral("stopped"));
        QCOMPARE(out.value(QStringLiteral("distributed"))
                     .toObject()
                     .value(QStringLiteral("mode"))
                     .toString(),
                 mode);
        QCOMPARE(onlyRun(workspace).status, mf::RunStatus::Stopped);
    }

    void aBadEnvironmentIsBadInput()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("RANK"), QStringLiteral("0"));
        environment.insert(QStringLiteral("WORLD_SIZE"), QStringLiteral("2"));
        environment.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
        environment.remove(QStringLiteral("MASTER_PORT"));
        QProcess process;
        process.setProcessEnvironment(environment);
        QStringList arguments =
            trainArguments(m_dir.filePath(QStringLiteral("bad")), QStringLiteral("1"));
        process.start(QStringLiteral(MODELFORGE_CLI_PATH), arguments);
        QByteArray err;
        QCOMPARE(exitOf(process, &err), 2);
        QVERIFY2(err.contains("lacks MASTER_PORT"), err.constData());
    }
};

MF_TEST_GUILESS_MAIN(TestCliDistributed)
#include "tst_clidistributed.moc"
