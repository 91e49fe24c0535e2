#include "tests/core/store/storetesting.h"
#include "tests/support/testsuite.h"

using namespace mf::storetest;

namespace {

// The second migration step exactly as it ran; with kVersion1Schema it makes a version-2 store.
constexpr const char *kVersion2Step = R"sql(
ALTER TABLE runs ADD COLUMN host TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN pid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN tags TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN notes TEXT NOT NULL DEFAULT '';
CREATE INDEX runs_started ON runs(started_at_ms);
CREATE INDEX runs_status ON runs(status);
CREATE INDEX metrics_val_accuracy ON metrics(run_id, value) WHERE key = 'val_accuracy';
PRAGMA user_version = 2;
)sql";

} // namespace

class TestStoreSchema : public QObject, private TempStores
{
    Q_OBJECT

private Q_SLOTS:
    void newFileMigratesToCurrentVersion_data()
    {
        QTest::addColumn<QString>("relativePath");
        QTest::addColumn<bool>("createEmptyFile");
        QTest::newRow("missing file") << QStringLiteral("new.db") << false;
        QTest::newRow("empty file") << QStringLiteral("empty.db") << true;
        QTest::newRow("missing folders") << QStringLiteral("a/b/c/new.db") << false;
    }

    void newFileMigratesToCurrentVersion()
    {
        QFETCH(QString, relativePath);
        QFETCH(bool, createEmptyFile);
        QTemporaryDir dir;
        const std::string path = dir.filePath(relativePath).toStdString();
        if (createEmptyFile)
            writeFile(path, QByteArray());
        {
            mf::RunStore store(path);
            QCOMPARE(mf::RunStore::currentSchemaVersion(), 6);
            QCOMPARE(store.schemaVersion(), 6);
            QCOMPARE(store.path(), path);
            QVERIFY(store.listRuns().empty());
        }
        RawDb raw(path);
        QCOMPARE(raw.integer("PRAGMA user_version"), 6);
        QCOMPARE(raw.text("PRAGMA journal_mode"), QStringLiteral("wal"));
        for (const char *table :
             {"runs", "params", "metrics", "artifacts", "recent_datasets", "roi_scenarios"})
            QVERIFY2(raw.integer(std::string("SELECT COUNT(*) FROM sqlite_master WHERE type = "
                                             "'table' AND name = '") +
                                 table + "'") == 1,
                     table);
        for (const char *column : {"host", "pid", "tags", "notes", "failure_reason"})
            QVERIFY2(raw.hasColumn("runs", column), column);
        for (const char *index : {"metrics_run_key_step", "metrics_val_accuracy", "runs_started",
                                  "recent_datasets_opened"})
            QVERIFY2(raw.integer(std::string("SELECT COUNT(*) FROM sqlite_master WHERE type = "
                                             "'index' AND name = '") +
                                 index + "'") == 1,
                     index);
        QCOMPARE(raw.integer("PRAGMA application_id"), 0x4D467374);
    }

    void version1DatabaseMigratesKeepingData()
    {
        const std::string path = freshPath();
        {
            RawDb raw(path);
            QCOMPARE(raw.exec(kVersion1Schema), QString());
            QCOMPARE(raw.exec("INSERT INTO runs (id, name, status, config_json, dataset, model, "
                              "started_at_ms, ended_at_ms, heartbeat_at_ms, device, versions) "
                              "VALUES (7, 'old run', 'FINISHED', '{\"epochs\":2}', 'mnist', "
                              "'cnn', 1000, 5000, 4000, 'cpu', 'modelforge 0.0.9');"
                              "INSERT INTO params VALUES (7, 'lr', '0.01');"
                              "INSERT INTO metrics VALUES (7, 'val_accuracy', 1, 1, 2.5, 0.8);"
                              "INSERT INTO metrics VALUES (7, 'val_accuracy', 2, 2, 5.0, 0.9);"
                              "INSERT INTO artifacts VALUES (1, 7, 'checkpoint', 'runs/7/e2.pt', "
                              "123, 'abcd', 2, 4500);"),
                     QString());
            QVERIFY(!raw.hasColumn("runs", "host"));
        }

        mf::RunStore store(path);
        QCOMPARE(store.schemaVersion(), 6);
        const auto run = store.run(7);
        QVERIFY(run.has_value());
        QCOMPARE(QString::fromStdString(run->name), QStringLiteral("old run"));
        QCOMPARE(int(run->status), int(mf::RunStatus::Finished));
        QCOMPARE(QString::fromStdString(run->configJson), QStringLiteral("{\"epochs\":2}"));
        QCOMPARE(QString::fromStdString(run->dataset), QStringLiteral("mnist"));
        QCOMPARE(QString::fromStdString(run->model), QStringLiteral("cnn"));
        QCOMPARE(run->startedAtMs, 1000);
        QCOMPARE(run->endedAtMs, 5000);
        QCOMPARE(run->heartbeatAtMs, 4000);
        QCOMPARE(QString::fromStdString(run->versions), QStringLiteral("modelforge 0.0.9"));
        QVERIFY(run->host.empty());
        QCOMPARE(run->pid, 0);
        QVERIFY(run->tags.empty());
        QVERIFY(run->notes.empty());
        QVERIFY(run->bestValAccuracy.has_value());
        QCOMPARE(*run->bestValAccuracy, 0.9);
        QCOMPARE(store.params(7).at("lr"), std::string("0.01"));
        QCOMPARE(store.metrics(7).size(), std::size_t(2));
        QCOMPARE(store.artifacts(7).size(), std::size_t(1));

        // The columns added by step 2 work.
        store.setTags(7, "baseline,cnn");
        store.setNotes(7, "kept from version 1");
        QCOMPARE(QString::fromStdString(store.run(7)->tags), QStringLiteral("baseline,cnn"));
        QCOMPARE(QString::fromStdString(store.run(7)->notes),
                 QStringLiteral("kept from version 1"));
        // New runs continue after the old ids.
        QVERIFY(store.createRun(namedRun("new")) > 7);
    }

    void version2DatabaseGainsRecentDatasets()
    {
        const std::string path = freshPath();
        {
            RawDb raw(path);
            QCOMPARE(raw.exec(kVersion1Schema), QString());
            QCOMPARE(raw.exec(kVersion2Step), QString());
            QCOMPARE(raw.exec("INSERT INTO runs (id, name, status, started_at_ms, host, pid, tags) "
                              "VALUES (3, 'v2 run', 'FINISHED', 1000, 'node', 42, 'kept');"
                              "INSERT INTO metrics VALUES (3, 'val_accuracy', 1, 1, 2.5, 0.7);"),
                     QString());
            QCOMPARE(raw.integer("PRAGMA user_version"), 2);
            QCOMPARE(raw.integer("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                 "'recent_datasets'"),
                     0);
        }

        mf::RunStore store(path);
        QCOMPARE(store.schemaVersion(), 6);
        const auto run = store.run(3);
        QVERIFY(run.has_value());
        QCOMPARE(QString::fromStdString(run->name), QStringLiteral("v2 run"));
        QCOMPARE(QString::fromStdString(run->host), QStringLiteral("node"));
        QCOMPARE(run->pid, 42);
        QCOMPARE(QString::fromStdString(run->tags), QStringLiteral("kept"));
        QCOMPARE(*run->bestValAccuracy, 0.7);
        QVERIFY(store.recentDatasets().empty());

        store.touchRecentDataset("/data/fashion-mnist", "idx");
        const std::vector<mf::RecentDataset> recent = store.recentDatasets();
        QCOMPARE(recent.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(recent[0].path), QStringLiteral("/data/fashion-mnist"));
        QCOMPARE(QString::fromStdString(recent[0].kind), QStringLiteral("idx"));
        QVERIFY(recent[0].lastOpenedMs > 0);
        RawDb raw(path);
        QCOMPARE(raw.integer("PRAGMA user_version"), 6);
        QCOMPARE(raw.integer("SELECT COUNT(*) FROM recent_datasets"), 1);
    }

    void version3AbsolutePathsBecomeWorkspaceRelative()
    {
        // A version-3 store recorded absolute paths, here those of the folder the workspace was
        // in before it was moved to `dir`.
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("modelforge.db")).toStdString();
        std::int64_t id = 0;
        {
            mf::RunStore store(path);
            id = store.createRun(namedRun("moved"));
            mf::Artifact artifact;
            artifact.runId = id;
            artifact.kind = "checkpoint";
            artifact.sha256 = std::string(64, 'b');
            artifact.epoch = 1;
            // The old place itself had a runs/<id>/ in it: the last one counts.
            artifact.path = "/somewhere/runs/" + std::to_string(id) + "/ws/runs/" +
                            std::to_string(id) + "/checkpoints/epoch-0001.pt";
            store.addArtifact(artifact);
            artifact.path = "/data/exports/outside.pt";
            artifact.epoch = 2;
            store.addArtifact(artifact);
        }
        {
            RawDb raw(path);
            // Back to version 3: without version 5's columns and version 6's table either.
            QCOMPARE(raw.exec("ALTER TABLE runs DROP COLUMN resumed_at_ms;"
                              "ALTER TABLE runs DROP COLUMN active_before_ms;"
                              "DROP TABLE roi_scenarios;"
                              "PRAGMA user_version = 3"),
                     QString());
        }
        mf::RunStore store(path);
        QCOMPARE(store.schemaVersion(), 6);
        const std::vector<mf::Artifact> artifacts = store.artifacts(id);
        QCOMPARE(artifacts.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(artifacts[0].path),
                 dir.filePath(QStringLiteral("runs/%1/checkpoints/epoch-0001.pt").arg(id)));
        QCOMPARE(QString::fromStdString(artifacts[1].path),
                 QStringLiteral("/data/exports/outside.pt"));
        RawDb raw(path);
        QCOMPARE(raw.text("SELECT path FROM artifacts ORDER BY id LIMIT 1"),
                 QStringLiteral("runs/%1/checkpoints/epoch-0001.pt").arg(id));
    }

    void version5DatabaseGainsScenarioTable()
    {
        const std::string path = freshPath();
        std::int64_t id = 0;
        {
            mf::RunStore store(path);
            id = store.createRun(namedRun("before scenarios"));
            store.touchRecentDataset("/data/mnist", "idx");
        }
        {
            RawDb raw(path);
            QCOMPARE(raw.exec("DROP TABLE roi_scenarios; PRAGMA user_version = 5"), QString());
        }
        {
            mf::RunStore store(path);
            QCOMPARE(store.schemaVersion(), 6);
            QCOMPARE(QString::fromStdString(store.run(id)->name),
                     QStringLiteral("before scenarios"));
            QCOMPARE(store.recentDatasets().size(), std::size_t(1));
        }
        RawDb raw(path);
        QCOMPARE(raw.integer("PRAGMA user_version"), 6);
        for (const char *column : {"id", "name", "json", "created_at_ms", "updated_at_ms"})
            QVERIFY2(raw.hasColumn("roi_scenarios", column), column);
        QCOMPARE(raw.exec("INSERT INTO roi_scenarios (name, json) VALUES ('a', '{}')"), QString());
        QCOMPARE(raw.exec("INSERT INTO roi_scenarios (json) VALUES ('{}')").isEmpty(), false);
    }

    void failedMigrationStepLeavesPreviousVersion()
    {
        const std::string path = freshPath();
        {
            RawDb raw(path);
            QCOMPARE(raw.exec(kVersion1Schema), QString());
            // A column that step 2 adds already exists: that step cannot complete.
            QCOMPARE(raw.exec("ALTER TABLE runs ADD COLUMN tags TEXT"), QString());
        }
        try {
            mf::RunStore store(path);
            QFAIL("expected the migration to fail");
        } catch (const mf::Error &error) {
            const std::string message = error.what();
            QVERIFY2(contains(message, path), error.what());
            QVERIFY2(contains(message, "schema version 1 to 2"), error.what());
            QVERIFY2(contains(message, "duplicate column"), error.what());
        }
        RawDb raw(path);
        QCOMPARE(raw.integer("PRAGMA user_version"), 1);
        // The step's first statement (adding host) was rolled back with the rest.
        QVERIFY(!raw.hasColumn("runs", "host"));
    }

    void newerSchemaIsRefusedUntouched()
    {
        const std::string path = freshPath();
        {
            RawDb raw(path);
            QCOMPARE(raw.exec("CREATE TABLE runs (id INTEGER PRIMARY KEY, future TEXT);"
                              "INSERT INTO runs VALUES (1, 'x');"
                              "PRAGMA application_id = 1296462708;"
                              "PRAGMA user_version = 7;"),
                     QString());
        }
        const QByteArray before = fileBytes(path);
        QVERIFY(!before.isEmpty());
        try {
            mf::RunStore store(path);
            QFAIL("expected a newer schema to be refused");
        } catch (const mf::Error &error) {
            QVERIFY2(contains(error.what(), path), error.what());
            QVERIFY2(contains(error.what(), "newer"), error.what());
            QVERIFY2(contains(error.what(), "schema version is 7"), error.what());
        }
        QCOMPARE(fileBytes(path), before);
        QVERIFY(!QFile::exists(QString::fromStdString(path + "-wal")));
    }

    void nonStoreFileIsRefusedUntouched_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray random(4096, '\0');
        std::mt19937 generator(42);
        for (char &byte : random)
            byte = static_cast<char>(generator() & 0xff);
        QTest::newRow("random bytes") << random;
        QTest::newRow("text") << QByteArray("epoch,loss\n1,0.5\n2,0.25\n");
        QTest::newRow("one byte") << QByteArray("x");
        QByteArray fakeHeader("SQLite format 3", 16);
        fakeHeader.append(random);
        QTest::newRow("sqlite magic then garbage") << fakeHeader;
    }

    void nonStoreFileIsRefusedUntouched()
    {
        QFETCH(QByteArray, bytes);
        const std::string path = freshPath();
        writeFile(path, bytes);
        try {
            mf::RunStore store(path);
            QFAIL("expected the file to be refused");
        } catch (const mf::Error &error) {
            QVERIFY2(contains(error.what(), path), error.what());
            QVERIFY2(contains(error.what(), "not a ModelForge store"), error.what());
        }
        QCOMPARE(fileBytes(path), bytes);
    }

    void otherApplicationsDatabaseIsRefusedUntouched()
    {
        const std::string path = freshPath();
        {
            RawDb raw(path);
            QCOMPARE(raw.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts "
                              "VALUES ('ada');"),
                     QString());
        }
        const QByteArray before = fileBytes(path);
        QVERIFY_THROWS_EXCEPTION(mf::Error, mf::RunStore{path});
        QCOMPARE(fileBytes(path), before);
    }
};

MF_TEST_GUILESS_MAIN(TestStoreSchema)
#include "tst_storeschema.moc"
