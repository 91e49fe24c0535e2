#include "core/store/metricwriter.h"
#include "core/store/storeaccess.h"
#include "tests/core/store/storetesting.h"
#include "tests/support/readonlyfolder.h"
#include "tests/support/testsuite.h"

#include <QDir>

#include <csignal>
#include <filesystem>

using namespace mf::storetest;

class TestRunStore : public QObject, private TempStores
{
    Q_OBJECT

private Q_SLOTS:
    void statusNamesRoundTrip_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("name");
        QTest::newRow("running") << int(mf::RunStatus::Running) << QStringLiteral("RUNNING");
        QTest::newRow("finished") << int(mf::RunStatus::Finished) << QStringLiteral("FINISHED");
        QTest::newRow("failed") << int(mf::RunStatus::Failed) << QStringLiteral("FAILED");
        QTest::newRow("stopped") << int(mf::RunStatus::Stopped) << QStringLiteral("STOPPED");
        QTest::newRow("interrupted")
            << int(mf::RunStatus::Interrupted) << QStringLiteral("INTERRUPTED");
    }

    void statusNamesRoundTrip()
    {
        QFETCH(int, status);
        QFETCH(QString, name);
        const auto value = static_cast<mf::RunStatus>(status);
        QCOMPARE(QString::fromUtf8(mf::runStatusName(value)), name);
        const auto parsed = mf::runStatusFromName(name.toStdString());
        QVERIFY(parsed.has_value());
        QCOMPARE(int(*parsed), status);
    }

    void unknownStatusNameIsRejected()
    {
        QVERIFY(!mf::runStatusFromName("running").has_value());
        QVERIFY(!mf::runStatusFromName("").has_value());
        QVERIFY(!mf::runStatusFromName("DONE").has_value());
    }

    void createListAndStatus()
    {
        mf::RunStore store(freshPath());
        const std::int64_t before = mf::RunStore::nowMs();
        mf::RunRecord record = namedRun("first");
        record.configJson = R"({"lr":0.1})";
        record.dataset = "/data/mnist";
        record.device = "cpu";
        record.versions = "modelforge 0.1.0; libtorch 1.13.1";
        record.tags = "a,b";
        record.notes = "note";
        const std::int64_t id = store.createRun(record);
        const std::int64_t after = mf::RunStore::nowMs();
        QVERIFY(id > 0);

        auto run = store.run(id);
        QVERIFY(run.has_value());
        QCOMPARE(run->id, id);
        QCOMPARE(QString::fromStdString(run->name), QStringLiteral("first"));
        QCOMPARE(int(run->status), int(mf::RunStatus::Running));
        QCOMPARE(QString::fromStdString(run->configJson), QStringLiteral(R"({"lr":0.1})"));
        QCOMPARE(QString::fromStdString(run->dataset), QStringLiteral("/data/mnist"));
        QCOMPARE(QString::fromStdString(run->model), QStringLiteral("mlp"));
        QCOMPARE(QString::fromStdString(run->device), QStringLiteral("cpu"));
        QCOMPARE(run->versions, record.versions);
        QCOMPARE(run->tags, record.tags);
        QCOMPARE(run->notes, record.notes);
        QVERIFY(run->startedAtMs >= before && run->startedAtMs <= after);
        QVERIFY(run->heartbeatAtMs >= before && run->heartbeatAtMs <= after);
        QCOMPARE(run->endedAtMs, 0);
        QCOMPARE(run->host, hostName());
        QCOMPARE(run->pid, std::int64_t(getpid()));
        QVERIFY(!run->bestValAccuracy.has_value());

        // Given times, host and pid are kept; newest first by start time.
        mf::RunRecord older = namedRun("older");
        older.startedAtMs = before - 100000;
        older.heartbeatAtMs = before - 50;
        older.host = "elsewhere";
        older.pid = 99;
        older.status = mf::RunStatus::Finished;
        const std::int64_t olderId = store.createRun(older);
        mf::RunRecord newer = namedRun("newer");
        newer.startedAtMs = after + 100000;
        const std::int64_t newerId = store.createRun(newer);
        const auto runs = store.listRuns();
        QCOMPARE(runs.size(), std::size_t(3));
        QCOMPARE(runs[0].id, newerId);
        QCOMPARE(runs[1].id, id);
        QCOMPARE(runs[2].id, olderId);
        QCOMPARE(runs[2].startedAtMs, before - 100000);
        QCOMPARE(runs[2].heartbeatAtMs, before - 50);
        QCOMPARE(QString::fromStdString(runs[2].host), QStringLiteral("elsewhere"));
        QCOMPARE(runs[2].pid, 99);
        QCOMPARE(int(runs[2].status), int(mf::RunStatus::Finished));

        store.setStatus(id, mf::RunStatus::Finished);
        run = store.run(id);
        QCOMPARE(int(run->status), int(mf::RunStatus::Finished));
        QVERIFY(run->endedAtMs >= run->startedAtMs);
        QVERIFY(run->failureReason.empty());

        store.setStatus(newerId, mf::RunStatus::Failed, "out of memory");
        run = store.run(newerId);
        QCOMPARE(int(run->status), int(mf::RunStatus::Failed));
        QVERIFY(run->endedAtMs > 0);
        QCOMPARE(QString::fromStdString(run->failureReason), QStringLiteral("out of memory"));

        store.rename(id, "renamed");
        store.setTags(id, "x");
        store.setNotes(id, "y");
        run = store.run(id);
        QCOMPARE(QString::fromStdString(run->name), QStringLiteral("renamed"));
        QCOMPARE(QString::fromStdString(run->tags), QStringLiteral("x"));
        QCOMPARE(QString::fromStdString(run->notes), QStringLiteral("y"));

        QVERIFY(!store.run(123456).has_value());
        try {
            store.setStatus(123456, mf::RunStatus::Finished);
            QFAIL("expected an error for a missing run");
        } catch (const mf::Error &error) {
            QVERIFY2(contains(error.what(), store.path()), error.what());
            QVERIFY2(contains(error.what(), "123456"), error.what());
        }
        QVERIFY_THROWS_EXCEPTION(mf::Error, store.heartbeat(123456));
    }

    void runAndItsParamsAreStoredTogetherOrNotAtAll()
    {
        const std::string path = freshPath();
        {
            mf::RunStore store(path);
            const std::int64_t id = store.createRun(namedRun("with params"), {{"lr", "0.1"}});
            QCOMPARE(store.params(id), (std::map<std::string, std::string>{{"lr", "0.1"}}));
        }
        // A params insert that fails (here a trigger refuses one key) takes the run with it.
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db,
                              "CREATE TRIGGER refuse BEFORE INSERT ON params WHEN NEW.key = 'boom' "
                              "BEGIN SELECT RAISE(ABORT, 'refused'); END",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        mf::RunStore store(path);
        QVERIFY_THROWS_EXCEPTION(mf::Error,
                                 store.createRun(namedRun("half"), {{"a", "1"}, {"boom", "x"}}));
        QCOMPARE(store.listRuns().size(), std::size_t(1));
    }

    void paramsRoundTrip()
    {
        mf::RunStore store(freshPath());
        const std::int64_t id = store.createRun(namedRun("p"));
        const std::int64_t other = store.createRun(namedRun("q"));
        const std::map<std::string, std::string> params = {
            {"lr", "0.001"}, {"batch_size", "64"}, {"optimizer", "adam"}, {"note", "ünïcode ✓"}};
        store.setParams(id, params);
        store.setParams(other, {{"lr", "1"}});
        QCOMPARE(store.params(id), params);

        store.setParams(id, {{"lr", "0.002"}, {"epochs", "10"}});
        auto expected = params;
        expected["lr"] = "0.002";
        expected["epochs"] = "10";
        QCOMPARE(store.params(id), expected);
        QCOMPARE(store.params(other).size(), std::size_t(1));
        QVERIFY(store.params(424242).empty());
        QVERIFY_THROWS_EXCEPTION(mf::Error, store.setParams(424242, {{"a", "b"}}));
    }

    void runsAreFoundByAParamValue()
    {
        mf::RunStore store(freshPath());
        const std::int64_t source = store.createRun(namedRun("source"));
        const std::int64_t pruned = store.createRun(namedRun("pruned"));
        const std::int64_t other = store.createRun(namedRun("other"));
        const std::int64_t int8 = store.createRun(namedRun("int8"));
        store.setParams(pruned, {{mf::kParentRunParam, std::to_string(source)}});
        store.setParams(other, {{mf::kParentRunParam, "99"}});
        store.setParams(int8, {{mf::kParentRunParam, std::to_string(source)}});
        QCOMPARE(store.runsWithParam(mf::kParentRunParam, std::to_string(source)),
                 (std::vector<std::int64_t>{pruned, int8}));
        QVERIFY(store.runsWithParam(mf::kParentRunParam, std::to_string(int8)).empty());
        QVERIFY(store.runsWithParam("no such key", "1").empty());
    }

    void manyMetricsComeBackInOrder()
    {
        mf::RunStore store(freshPath());
        const std::int64_t id = store.createRun(namedRun("m"));
        std::vector<mf::MetricPoint> points;
        for (std::int64_t step = 0; step < 5000; ++step) {
            points.push_back(point("train_loss", step, 1.0 / double(step + 1), int(step / 500)));
            points.push_back(point("lr", step, 0.1 - double(step) * 1e-5, int(step / 500)));
        }
        std::shuffle(points.begin(), points.end(), std::mt19937(7));
        QCOMPARE(points.size(), std::size_t(10000));
        store.appendMetrics(id, points);

        const auto all = store.metrics(id);
        QCOMPARE(all.size(), std::size_t(10000));
        for (std::size_t i = 0; i < all.size(); ++i) {
            const bool lr = i < 5000;
            const auto step = static_cast<std::int64_t>(lr ? i : i - 5000);
            QCOMPARE(QString::fromStdString(all[i].key),
                     lr ? QStringLiteral("lr") : QStringLiteral("train_loss"));
            QCOMPARE(all[i].step, step);
            QCOMPARE(all[i].epoch, int(step / 500));
            QCOMPARE(all[i].wallSeconds, 0.5 * double(step));
            QCOMPARE(all[i].value, lr ? 0.1 - double(step) * 1e-5 : 1.0 / double(step + 1));
        }
        const auto loss = store.metrics(id, "train_loss");
        QCOMPARE(loss.size(), std::size_t(5000));
        QVERIFY(std::is_sorted(loss.begin(), loss.end(),
                               [](const auto &a, const auto &b) { return a.step < b.step; }));
        QVERIFY(store.metrics(id, "missing").empty());

        // A diverged loss survives the round trip.
        store.appendMetrics(id, {point("nan_loss", 0, std::nan(""))});
        QVERIFY(std::isnan(store.metrics(id, "nan_loss").at(0).value));
    }

    void appendMetricsToMissingRunFails()
    {
        mf::RunStore store(freshPath());
        try {
            store.appendMetrics(31337, {point("x", 0, 1.0)});
            QFAIL("expected a foreign key error");
        } catch (const mf::Error &error) {
            QVERIFY2(contains(error.what(), store.path()), error.what());
            QVERIFY2(contains(error.what(), "FOREIGN KEY"), error.what());
        }
    }

    void latestMetricsAndKeys()
    {
        mf::RunStore store(freshPath());
        const std::int64_t id = store.createRun(namedRun("l"));
        const std::int64_t other = store.createRun(namedRun("o"));
        store.appendMetrics(id, {point("train_loss", 3, 0.3), point("train_loss", 1, 0.9),
                                 point("train_loss", 2, 0.5), point("val_accuracy", 1, 0.7),
                                 point("val_accuracy", 2, 0.6), point("lr", 0, 0.1)});
        store.appendMetrics(other, {point("train_loss", 100, 42.0), point("zeta", 1, 1.0)});
        const auto latest = store.latestMetrics(id);
        const std::map<std::string, double> expected = {
            {"lr", 0.1}, {"train_loss", 0.3}, {"val_accuracy", 0.6}};
        QCOMPARE(latest, expected);
        QCOMPARE(store.metricKeys(id),
                 (std::vector<std::string>{"lr", "train_loss", "val_accuracy"}));
        QCOMPARE(store.metricKeys(other), (std::vector<std::string>{"train_loss", "zeta"}));
        const std::int64_t empty = store.createRun(namedRun("e"));
        QVERIFY(store.latestMetrics(empty).empty());
        QVERIFY(store.metricKeys(empty).empty());
    }

    void artifactsRoundTrip()
    {
        const std::string path = freshPath();
        const std::string folder = std::filesystem::path(path).parent_path().string();
        mf::RunStore store(path);
        const std::int64_t id = store.createRun(namedRun("a"));
        mf::Artifact first;
        first.runId = id;
        first.kind = "checkpoint";
        first.path = folder + "/runs/1/epoch-1.pt";
        first.sizeBytes = 123456789012;
        first.sha256 = std::string(64, 'a');
        first.epoch = 1;
        first.createdAtMs = 1700000000000;
        mf::Artifact second = first;
        second.path = "/elsewhere/epoch-2.pt";
        second.epoch = 2;
        second.createdAtMs = 0;
        const std::int64_t before = mf::RunStore::nowMs();
        const std::int64_t firstId = store.addArtifact(first);
        const std::int64_t secondId = store.addArtifact(second);
        QVERIFY(secondId > firstId);

        const auto artifacts = store.artifacts(id);
        QCOMPARE(artifacts.size(), std::size_t(2));
        QCOMPARE(artifacts[0].id, firstId);
        QCOMPARE(artifacts[0].runId, id);
        QCOMPARE(QString::fromStdString(artifacts[0].kind), QStringLiteral("checkpoint"));
        QCOMPARE(artifacts[0].path, first.path);
        QCOMPARE(artifacts[0].sizeBytes, first.sizeBytes);
        QCOMPARE(artifacts[0].sha256, first.sha256);
        QCOMPARE(artifacts[0].epoch, 1);
        QCOMPARE(artifacts[0].createdAtMs, first.createdAtMs);
        QCOMPARE(artifacts[1].path, second.path);
        QVERIFY(artifacts[1].createdAtMs >= before);
        QVERIFY(store.artifacts(id + 1000).empty());
        // Inside the store's folder, a path is kept relative to it; outside, absolute.
        RawDb raw(path);
        QCOMPARE(raw.text("SELECT path FROM artifacts WHERE id = " + std::to_string(firstId)),
                 QStringLiteral("runs/1/epoch-1.pt"));
        QCOMPARE(raw.text("SELECT path FROM artifacts WHERE id = " + std::to_string(secondId)),
                 QStringLiteral("/elsewhere/epoch-2.pt"));

        store.deleteArtifact(id, first.path);
        QCOMPARE(store.artifacts(id).size(), std::size_t(1));
        QCOMPARE(store.artifacts(id)[0].path, second.path);
        mf::Artifact orphan = first;
        orphan.runId = id + 1000;
        QVERIFY_THROWS_EXCEPTION(mf::Error, store.addArtifact(orphan));
    }

    void newRunNeverTakesAFolderOfAnEarlierStore()
    {
        // The store was deleted or replaced, but runs/ of the workspace was kept: ids restart,
        // and run 1 would write into (and prune) the old run 1's checkpoints.
        QTemporaryDir workspace;
        const std::string path = workspace.filePath(QStringLiteral("modelforge.db")).toStdString();
        QVERIFY(QDir(workspace.path()).mkpath(QStringLiteral("runs/1/checkpoints")));
        QVERIFY(QDir(workspace.path()).mkpath(QStringLiteral("runs/4")));
        QVERIFY(QDir(workspace.path()).mkpath(QStringLiteral("runs/notes")));
        mf::RunStore store(path);
        QCOMPARE(store.createRun(namedRun("after the old store")), std::int64_t(5));
        QCOMPARE(store.createRun(namedRun("next")), std::int64_t(6));
        store.deleteRun(6);
        // A deleted run's id is not given again either.
        QCOMPARE(store.createRun(namedRun("after a delete")), std::int64_t(7));
    }

    void deleteRunCascades()
    {
        const std::string path = freshPath();
        mf::RunStore store(path);
        const std::int64_t doomed = store.createRun(namedRun("doomed"));
        const std::int64_t kept = store.createRun(namedRun("kept"));
        for (const std::int64_t id : {doomed, kept}) {
            store.setParams(id, {{"lr", "0.1"}, {"epochs", "3"}});
            store.appendMetrics(id, {point("train_loss", 0, 1.0), point("train_loss", 1, 0.5)});
            mf::Artifact artifact;
            artifact.runId = id;
            artifact.kind = "checkpoint";
            artifact.path = "x.pt";
            store.addArtifact(artifact);
        }
        store.deleteRun(doomed);
        QVERIFY(!store.run(doomed).has_value());
        QVERIFY(store.run(kept).has_value());

        RawDb raw(path);
        const std::string id = std::to_string(doomed);
        QCOMPARE(raw.integer("SELECT COUNT(*) FROM params WHERE run_id = " + id), 0);
        QCOMPARE(raw.integer("SELECT COUNT(*) FROM metrics WHERE run_id = " + id), 0);
        QCOMPARE(raw.integer("SELECT COUNT(*) FROM artifacts WHERE run_id = " + id), 0);
        QCOMPARE(store.params(kept).size(), std::size_t(2));
        QCOMPARE(store.metrics(kept).size(), std::size_t(2));
        QCOMPARE(store.artifacts(kept).size(), std::size_t(1));
        QVERIFY_THROWS_EXCEPTION(mf::Error, store.deleteRun(doomed));
    }

    void staleRunBecomesInterruptedOnReopen()
    {
        const std::string path = freshPath();
        std::int64_t stale = 0, fresh = 0;
        {
            mf::RunStore store(path);
            mf::RunRecord record = namedRun("stale");
            record.host = "another-host";
            record.pid = 4242;
            record.heartbeatAtMs = mf::RunStore::nowMs() - 600 * 1000;
            stale = store.createRun(record);
            record.name = "fresh";
            record.heartbeatAtMs = 0;
            fresh = store.createRun(record);
        }
        mf::RunStore store(path);
        const auto staleRun = store.run(stale);
        QCOMPARE(int(staleRun->status), int(mf::RunStatus::Interrupted));
        QVERIFY2(contains(staleRun->failureReason, "no heartbeat for 60"),
                 staleRun->failureReason.c_str());
        QVERIFY(staleRun->endedAtMs > 0);
        QCOMPARE(int(store.run(fresh)->status), int(mf::RunStatus::Running));
        QCOMPARE(store.recoverInterruptedRuns(std::chrono::seconds(60)), 0);

        // The threshold is the caller's: with none at all, the other host's run is stale too.
        QTest::qWait(5);
        QCOMPARE(store.recoverInterruptedRuns(std::chrono::seconds(0)), 1);
        QCOMPARE(int(store.run(fresh)->status), int(mf::RunStatus::Interrupted));
    }

    void deadProcessRunBecomesInterruptedOnReopen()
    {
        const pid_t child = deadPid();
        QVERIFY(child > 0);

        const std::string path = freshPath();
        std::int64_t dead = 0, mine = 0, mineQuiet = 0, remote = 0;
        {
            mf::RunStore store(path);
            mf::RunRecord record = namedRun("dead");
            record.pid = child;
            dead = store.createRun(record);
            mine = store.createRun(namedRun("mine"));
            mf::RunRecord quiet = namedRun("mine, long epoch");
            quiet.heartbeatAtMs = mf::RunStore::nowMs() - 3600 * 1000;
            mineQuiet = store.createRun(quiet);
            mf::RunRecord elsewhere = namedRun("other host");
            elsewhere.host = "another-host";
            elsewhere.pid = child;
            remote = store.createRun(elsewhere);
        }
        mf::RunStore store(path);
        const auto deadRun = store.run(dead);
        QCOMPARE(int(deadRun->status), int(mf::RunStatus::Interrupted));
        const std::string expected = "process " + std::to_string(child) + " on host " + hostName() +
                                     " ended without closing the run";
        QCOMPARE(QString::fromStdString(deadRun->failureReason), QString::fromStdString(expected));
        QCOMPARE(int(store.run(mine)->status), int(mf::RunStatus::Running));
        QCOMPARE(int(store.run(mineQuiet)->status), int(mf::RunStatus::Running));
        // A pid says nothing about a process on another host.
        QCOMPARE(int(store.run(remote)->status), int(mf::RunStatus::Running));
    }

    void readOnlyWorkspaceIsListedWithoutAWrite()
    {
        const pid_t child = deadPid();
        QVERIFY(child > 0);

        QTemporaryDir tmp;
        const std::string dir = tmp.filePath(QStringLiteral("ws")).toStdString();
        const std::string path = dir + "/modelforge.db";
        std::int64_t finished = 0, dead = 0;
        {
            mf::RunStore store(path);
            finished = store.createRun(namedRun("finished"));
            store.appendMetrics(finished, {point("loss", 1, 0.5), point("loss", 2, 0.25)});
            store.setStatus(finished, mf::RunStatus::Finished);
            mf::RunRecord record = namedRun("killed");
            record.pid = child;
            dead = store.createRun(record);
            // As the killed process left it: RUNNING (the next store opened here would change
            // that).
            RawDb(path).exec("UPDATE runs SET status = 'RUNNING' WHERE id = " +
                             std::to_string(dead));
        }
        const QByteArray before = fileBytes(path);
        const QStringList filesBefore = QDir(QString::fromStdString(dir)).entryList(QDir::Files);

        {
            mf::testdata::ReadOnlyFolder readOnly(dir);
            if (!readOnly.ok())
                QSKIP("this file system lets the process write to a folder it made read-only");
            const std::optional<std::string> problem = mf::storeWriteProblem(path);
            QVERIFY(problem.has_value());
            QCOMPARE(int(mf::accessToRead(path)), int(mf::StoreAccess::ReadOnly));
            try {
                mf::RunStore writer(path);
                QFAIL("a store that cannot be written was opened for writing");
            } catch (const mf::Error &error) {
                QVERIFY2(contains(error.what(), path) &&
                             contains(error.what(), "cannot be written"),
                         error.what());
            }

            mf::RunStore store(path, mf::StoreAccess::ReadOnly);
            QVERIFY(store.readOnly());
            const auto runs = store.listRuns();
            QCOMPARE(int(runs.size()), 2);
            QCOMPARE(int(store.run(finished)->status), int(mf::RunStatus::Finished));
            QCOMPARE(int(store.metrics(finished, "loss").size()), 2);
            // Shown as what it is, without being recorded so.
            const auto killed = store.run(dead);
            QCOMPARE(int(killed->status), int(mf::RunStatus::Interrupted));
            QVERIFY(contains(killed->failureReason, std::to_string(child)));
            QVERIFY_THROWS_EXCEPTION(mf::Error, store.rename(finished, "renamed"));

            QCOMPARE(fileBytes(path), before);
            QCOMPARE(QDir(QString::fromStdString(dir)).entryList(QDir::Files), filesBefore);
        }
        // A raw look needs the folder writable again (SQLite makes its shared-memory file).
        QCOMPARE(RawDb(path).text("SELECT status FROM runs WHERE id = " + std::to_string(dead)),
                 QStringLiteral("RUNNING"));
    }

    void readOnlyStoreOfAnOlderSchemaIsRefusedUnchanged()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.filePath(QStringLiteral("old")).toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(dir)));
        const std::string path = dir + "/modelforge.db";
        QCOMPARE(RawDb(path).exec(kVersion1Schema), QString());
        const QByteArray before = fileBytes(path);
        mf::testdata::ReadOnlyFolder readOnly(dir);
        if (!readOnly.ok())
            QSKIP("this file system lets the process write to a folder it made read-only");
        try {
            mf::RunStore store(path, mf::StoreAccess::ReadOnly);
            QFAIL("a store of schema version 1 was read as the current one");
        } catch (const mf::Error &error) {
            QVERIFY2(contains(error.what(), "schema version 1") &&
                         contains(error.what(), "read-only"),
                     error.what());
        }
        QCOMPARE(fileBytes(path), before);
    }

    void liveProcessKeepsItsRunWithoutHeartbeat()
    {
        // A process on this host that is alive (suspended in a debugger, say) keeps its run,
        // however old its heartbeat; only the process table says it is gone.
        const pid_t child = fork();
        if (child == 0) {
            pause();
            _exit(0);
        }
        QVERIFY(child > 0);
        const std::string path = freshPath();
        std::int64_t id = 0;
        {
            mf::RunStore store(path);
            mf::RunRecord record = namedRun("alive, quiet");
            record.pid = child;
            record.heartbeatAtMs = mf::RunStore::nowMs() - 3600 * 1000;
            id = store.createRun(record);
        }
        {
            mf::RunStore store(path);
            QCOMPARE(int(store.run(id)->status), int(mf::RunStatus::Running));
            QCOMPARE(store.recoverInterruptedRuns(std::chrono::seconds(0)), 0);
        }
        kill(child, SIGKILL);
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        mf::RunStore store(path);
        QCOMPARE(int(store.run(id)->status), int(mf::RunStatus::Interrupted));
    }

    void resumedRunsDurationLeavesOutTheTimeItWasDead()
    {
        mf::RunStore store(freshPath());
        mf::RunRecord record = namedRun("dead a day");
        const std::int64_t now = mf::RunStore::nowMs();
        record.startedAtMs = now - 86'400'000; // started a day ago
        record.heartbeatAtMs = record.startedAtMs + 60'000;
        record.pid = 999999;
        record.host = "old-host";
        const std::int64_t id = store.createRun(record);
        store.setStatus(id, mf::RunStatus::Interrupted, "killed after a minute");
        store.claimRun(*store.run(id), 0, 60'000); // it had trained for a minute
        store.setStatus(id, mf::RunStatus::Finished);
        const mf::RunRecord run = *store.run(id);
        QVERIFY(run.resumedAtMs >= now);
        QCOMPARE(run.activeBeforeMs, std::int64_t(60'000));
        const std::int64_t duration = run.durationMs(mf::RunStore::nowMs());
        QVERIFY2(duration >= 60'000 && duration < 60'000 + 10'000,
                 qPrintable(QString::number(duration)));
        // A run never resumed lasts from its start.
        mf::RunRecord plain = run;
        plain.resumedAtMs = 0;
        QVERIFY(plain.durationMs(mf::RunStore::nowMs()) >= 86'400'000);
    }

    void claimRunTakesOverAnInterruptedOrFailedRun_data()
    {
        // FAILED runs are resumable by decision (README, "Where things are kept"): one that failed
        // for a cause since dealt with (a full disk, say) continues from its newest checkpoint as
        // an interrupted one does, and loses its failure reason and end time.
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("interrupted")
            << int(mf::RunStatus::Interrupted) << QStringLiteral("process ended");
        QTest::newRow("failed") << int(mf::RunStatus::Failed)
                                << QStringLiteral("No space left on device");
    }

    void claimRunTakesOverAnInterruptedOrFailedRun()
    {
        QFETCH(int, status);
        QFETCH(QString, reason);
        const std::string path = freshPath();
        mf::RunStore store(path);
        mf::RunRecord record = namedRun("resumed");
        record.pid = 999999;
        record.host = "old-host";
        const std::int64_t id = store.createRun(record);
        store.appendMetrics(id, {{"train_loss", 4, 1, 4.0, 0.5}, {"train_loss", 9, 2, 9.0, 0.4}});
        store.setStatus(id, static_cast<mf::RunStatus>(status), reason.toStdString());
        const mf::RunRecord seen = *store.run(id);
        QCOMPARE(int(seen.status), status);
        QCOMPARE(QString::fromStdString(seen.failureReason), reason);
        if (status == int(mf::RunStatus::Failed))
            QVERIFY(seen.endedAtMs > 0);
        store.claimRun(seen, 4);
        const auto run = store.run(id);
        QCOMPARE(int(run->status), int(mf::RunStatus::Running));
        QCOMPARE(run->pid, std::int64_t(getpid()));
        QCOMPARE(QString::fromStdString(run->host), QString::fromStdString(hostName()));
        QCOMPARE(run->endedAtMs, std::int64_t(0));
        QVERIFY(run->failureReason.empty());
        QVERIFY(mf::RunStore::nowMs() - run->heartbeatAtMs < 5000);
        QCOMPARE(store.metrics(id).size(), std::size_t(1));

        mf::RunRecord missing = *run;
        missing.id = id + 100;
        QVERIFY_THROWS_EXCEPTION(mf::Error, store.claimRun(missing, 0));
    }

    void secondClaimOfOneRunLosesAndChangesNothing()
    {
        // Two resumes (the GUI and the CLI, say) read the same STOPPED run, load its data, then
        // claim it: exactly one of them wins.
        const std::string path = freshPath();
        mf::RunStore first(path);
        mf::RunRecord record = namedRun("contested");
        record.pid = 999999;
        record.host = "old-host";
        const std::int64_t id = first.createRun(record);
        first.appendMetrics(id, {{"train_loss", 4, 1, 4.0, 0.5}, {"train_loss", 9, 2, 9.0, 0.4}});
        first.setStatus(id, mf::RunStatus::Stopped);
        const mf::RunRecord seen = *first.run(id);

        mf::RunStore second(path);
        second.claimRun(seen, 9);
        second.appendMetrics(id, {{"train_loss", 10, 2, 10.0, 0.3}});

        try {
            first.claimRun(seen, 4);
            QFAIL("the second claim of a run succeeded");
        } catch (const mf::Error &error) {
            const std::string expected =
                "was already resumed by process " + std::to_string(getpid());
            QVERIFY2(contains(error.what(), expected), error.what());
        }
        // The loser removed none of the winner's points.
        QCOMPARE(first.metrics(id).size(), std::size_t(3));

        // A run that is running, or finished, is not claimed at all.
        mf::RunStore third(path);
        QVERIFY_THROWS_EXCEPTION(mf::Error, third.claimRun(*third.run(id), 0));
        third.setStatus(id, mf::RunStatus::Finished);
        try {
            third.claimRun(*third.run(id), 0);
            QFAIL("a finished run was claimed");
        } catch (const mf::Error &error) {
            QVERIFY2(contains(error.what(), "FINISHED"), error.what());
        }
    }

    void deleteMetricsAfterKeepsEarlierSteps()
    {
        mf::RunStore store(freshPath());
        const std::int64_t id = store.createRun(namedRun("partial epoch"));
        std::vector<mf::MetricPoint> points;
        for (std::int64_t step = 1; step <= 10; ++step)
            points.push_back({"train_loss", step, step <= 5 ? 1 : 2, double(step), 1.0 / step});
        points.push_back({"val_accuracy", 5, 1, 5.0, 0.5});
        store.appendMetrics(id, points);
        store.deleteMetricsAfter(id, 5);
        const auto kept = store.metrics(id, "train_loss");
        QCOMPARE(kept.size(), std::size_t(5));
        QCOMPARE(kept.back().step, std::int64_t(5));
        QCOMPARE(store.metrics(id, "val_accuracy").size(), std::size_t(1));
    }

    void readerListsWhileAnotherConnectionWrites()
    {
        const std::string path = freshPath();
        mf::RunStore writerStore(path);
        const std::int64_t committed = writerStore.createRun(namedRun("committed"));

        RawDb writer(path);
        QCOMPARE(writer.exec("BEGIN IMMEDIATE;"
                             "INSERT INTO runs (name, status, started_at_ms) "
                             "VALUES ('uncommitted', 'FINISHED', 1);"),
                 QString());

        QElapsedTimer timer;
        timer.start();
        mf::RunStore reader(path);
        const auto runs = reader.listRuns();
        const qint64 elapsedMs = timer.elapsed();
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].id, committed);
        // The busy timeout is 5 s: a reader that waited on the writer would take that long.
        QVERIFY2(elapsedMs < 2000, qPrintable(QString::number(elapsedMs)));
        QVERIFY(reader.metrics(committed).empty());

        QCOMPARE(writer.exec("COMMIT"), QString());
        QCOMPARE(reader.listRuns().size(), std::size_t(2));
    }

    void metricWriterBatches()
    {
        const std::string path = freshPath();
        mf::RunStore store(path);
        mf::RunRecord record = namedRun("w");
        record.heartbeatAtMs = 1000;
        const std::int64_t id = store.createRun(record);
        mf::RunStore observer(path);
        constexpr std::size_t batch = 8;
        {
            mf::MetricWriter writer(store, id, batch);
            for (std::size_t i = 0; i + 1 < batch; ++i)
                writer.add(point("train_loss", std::int64_t(i), double(i)));
            QCOMPARE(writer.pending(), batch - 1);
            QVERIFY(observer.metrics(id).empty());
            QCOMPARE(observer.run(id)->heartbeatAtMs, 1000);

            writer.add(point("train_loss", std::int64_t(batch - 1), 7.0));
            QCOMPARE(writer.pending(), std::size_t(0));
            QCOMPARE(observer.metrics(id).size(), batch);
            QVERIFY(observer.run(id)->heartbeatAtMs > 1000);

            writer.add(point("val_accuracy", 0, 0.5));
            writer.add(point("val_accuracy", 1, 0.6));
            QCOMPARE(writer.pending(), std::size_t(2));
            QCOMPARE(observer.metrics(id).size(), batch);
        }
        const auto points = observer.metrics(id);
        QCOMPARE(points.size(), batch + 2);
        QCOMPARE(observer.metrics(id, "val_accuracy").back().value, 0.6);
    }

    void metricWriterFlushReportsAndDestructorSwallowsErrors()
    {
        mf::RunStore store(freshPath());
        const std::int64_t missing = 777;
        {
            mf::MetricWriter writer(store, missing, 100);
            writer.add(point("x", 0, 1.0));
            try {
                writer.flush();
                QFAIL("expected flush to fail for a missing run");
            } catch (const mf::Error &error) {
                QVERIFY2(contains(error.what(), store.path()), error.what());
            }
            // The point is kept for a retry; the destructor tries once more and stays quiet.
            QCOMPARE(writer.pending(), std::size_t(1));
        }
        QVERIFY(store.metrics(missing).empty());
    }

    void bestValAccuracyInList()
    {
        mf::RunStore store(freshPath());
        mf::RunRecord record = namedRun("with");
        record.startedAtMs = 3000;
        const std::int64_t with = store.createRun(record);
        record.name = "without";
        record.startedAtMs = 2000;
        const std::int64_t without = store.createRun(record);
        record.name = "nothing";
        record.startedAtMs = 1000;
        store.createRun(record);
        store.appendMetrics(with,
                            {point("val_accuracy", 1, 0.5), point("val_accuracy", 2, 0.93),
                             point("val_accuracy", 3, 0.7), point("train_accuracy", 3, 0.99)});
        store.appendMetrics(without, {point("train_accuracy", 1, 0.8)});

        const auto runs = store.listRuns();
        QCOMPARE(runs.size(), std::size_t(3));
        QCOMPARE(runs[0].id, with);
        QVERIFY(runs[0].bestValAccuracy.has_value());
        QCOMPARE(*runs[0].bestValAccuracy, 0.93);
        QVERIFY(!runs[1].bestValAccuracy.has_value());
        QVERIFY(!runs[2].bestValAccuracy.has_value());
        QCOMPARE(*store.run(with)->bestValAccuracy, 0.93);
    }

    void recentDatasetsNewestFirst()
    {
        const std::string path = freshPath();
        {
            mf::RunStore store(path);
            QVERIFY(store.recentDatasets().empty());
            store.touchRecentDataset("/data/a", "idx");
            store.touchRecentDataset("/data/b.csv", "csv");
            store.touchRecentDataset("/data/c", "imagefolder");
            // Opening again moves an entry to the front and updates its kind.
            store.touchRecentDataset("/data/a", "cifar10");
        }
        mf::RunStore store(path);
        std::vector<mf::RecentDataset> recent = store.recentDatasets();
        QCOMPARE(recent.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(recent[0].path), QStringLiteral("/data/a"));
        QCOMPARE(QString::fromStdString(recent[0].kind), QStringLiteral("cifar10"));
        QCOMPARE(QString::fromStdString(recent[1].path), QStringLiteral("/data/c"));
        QCOMPARE(QString::fromStdString(recent[2].path), QStringLiteral("/data/b.csv"));
        QCOMPARE(QString::fromStdString(recent[2].kind), QStringLiteral("csv"));
        QVERIFY(recent[0].lastOpenedMs > recent[1].lastOpenedMs);
        QVERIFY(recent[1].lastOpenedMs > recent[2].lastOpenedMs);
        QVERIFY(recent[2].lastOpenedMs >= mf::RunStore::nowMs() - 60000);

        recent = store.recentDatasets(2);
        QCOMPARE(recent.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(recent[1].path), QStringLiteral("/data/c"));
        QVERIFY(store.recentDatasets(0).empty());
    }

    void recentDatasetsKeepALimitedHistory()
    {
        mf::RunStore store(freshPath());
        const int total = mf::RunStore::kRecentDatasetsKept + 5;
        for (int i = 0; i < total; ++i)
            store.touchRecentDataset("/data/set" + std::to_string(i), "csv");
        const auto recent = store.recentDatasets(1000);
        QCOMPARE(int(recent.size()), mf::RunStore::kRecentDatasetsKept);
        QCOMPARE(recent.front().path, "/data/set" + std::to_string(total - 1));
        QCOMPARE(recent.back().path, std::string("/data/set5"));
    }
};

MF_TEST_GUILESS_MAIN(TestRunStore)
#include "tst_runstore.moc"
