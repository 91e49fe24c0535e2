#include "core/store/scenariostore.h"
#include "tests/core/store/storetesting.h"
#include "tests/support/testsuite.h"

using namespace mf::storetest;

namespace {

template <typename Call> QString configErrorOf(Call call)
{
    try {
        call();
    } catch (const mf::ConfigError &error) {
        return QString::fromUtf8(error.what());
    }
    return QStringLiteral("no mf::ConfigError was thrown");
}

} // namespace

class TestScenarioStore : public QObject, private TempStores
{
    Q_OBJECT

private Q_SLOTS:
    void createdScenariosAreListedNewestFirst()
    {
        mf::ScenarioStore store(freshPath());
        QVERIFY(store.list().empty());
        const std::int64_t base = store.create("Base case", R"({"horizon":36})");
        const std::int64_t best = store.create("Best case", R"({"horizon":48})");
        QVERIFY(base != best);
        const std::vector<mf::ScenarioSummary> scenarios = store.list();
        QCOMPARE(scenarios.size(), std::size_t(2));
        QCOMPARE(scenarios[0].id, best);
        QCOMPARE(QString::fromStdString(scenarios[0].name), QStringLiteral("Best case"));
        QCOMPARE(scenarios[1].id, base);
        QVERIFY(scenarios[0].updatedAtMs > scenarios[1].updatedAtMs);
        QVERIFY(scenarios[1].updatedAtMs >= mf::RunStore::nowMs() - 60'000);
        QCOMPARE(QString::fromStdString(store.load(base)), QStringLiteral(R"({"horizon":36})"));
        QCOMPARE(QString::fromStdString(store.name(best)), QStringLiteral("Best case"));
    }

    void documentIsKeptByteForByte()
    {
        mf::ScenarioStore store(freshPath());
        std::string json = "{\"name\": \"Zürich \\\"pilot\\\"\", \"notes\": \"line 1\\nline 2\"}";
        json += std::string("\0tail", 5);
        json += std::string(200'000, 'x');
        const std::int64_t id = store.create("Größe", json);
        QCOMPARE(store.load(id), json);
        QCOMPARE(QString::fromStdString(store.name(id)), QStringLiteral("Größe"));
        // Not even valid JSON is this class's business.
        store.save(id, "not json");
        QCOMPARE(store.load(id), std::string("not json"));
    }

    void saveReplacesTheDocumentAndMovesItFirst()
    {
        mf::ScenarioStore store(freshPath());
        const std::int64_t first = store.create("First", "{\"v\":1}");
        const std::int64_t second = store.create("Second", "{}");
        const std::int64_t before = store.list().back().updatedAtMs;
        store.save(first, "{\"v\":2}");
        QCOMPARE(store.load(first), std::string("{\"v\":2}"));
        QCOMPARE(store.load(second), std::string("{}"));
        const auto scenarios = store.list();
        QCOMPARE(scenarios.front().id, first);
        QVERIFY(scenarios.front().updatedAtMs > before);
        RawDb raw(store.path());
        QVERIFY(raw.integer("SELECT created_at_ms FROM roi_scenarios WHERE id = " +
                            std::to_string(first)) < scenarios.front().updatedAtMs);
    }

    void renameAndDuplicate()
    {
        mf::ScenarioStore store(freshPath());
        const std::int64_t id = store.create("Draft", "{\"price\":10}");
        store.rename(id, "Pilot");
        QCOMPARE(QString::fromStdString(store.name(id)), QStringLiteral("Pilot"));

        const std::int64_t copy = store.duplicate(id, "Pilot (copy)");
        QVERIFY(copy != id);
        QCOMPARE(store.load(copy), store.load(id));
        QCOMPARE(QString::fromStdString(store.name(copy)), QStringLiteral("Pilot (copy)"));
        QCOMPARE(store.list().front().id, copy);
        // The copy is independent of its original.
        store.save(copy, "{\"price\":12}");
        QCOMPARE(store.load(id), std::string("{\"price\":10}"));
        // Names need not be unique.
        const std::int64_t twin = store.duplicate(id, "Pilot");
        QCOMPARE(store.name(twin), store.name(id));
        QCOMPARE(store.list().size(), std::size_t(3));
    }

    void removeForgetsTheScenario()
    {
        mf::ScenarioStore store(freshPath());
        const std::int64_t kept = store.create("Kept", "{}");
        const std::int64_t gone = store.create("Gone", "{}");
        store.remove(gone);
        QCOMPARE(store.list().size(), std::size_t(1));
        QCOMPARE(store.list().front().id, kept);
        const QString message = configErrorOf([&] { store.load(gone); });
        QVERIFY2(message.contains(QStringLiteral("no ROI scenario with id %1").arg(gone)),
                 qPrintable(message));
        QVERIFY2(message.contains(QString::fromStdString(store.path())), qPrintable(message));
    }

    void missingScenarioIsAReadableError()
    {
        mf::ScenarioStore store(freshPath());
        const QString expected = QStringLiteral("no ROI scenario with id 42");
        for (const QString &message :
             {configErrorOf([&] { store.load(42); }), configErrorOf([&] { store.name(42); }),
              configErrorOf([&] { store.save(42, "{}"); }),
              configErrorOf([&] { store.rename(42, "x"); }),
              configErrorOf([&] { store.duplicate(42, "x"); }),
              configErrorOf([&] { store.remove(42); })})
            QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY(store.list().empty());
    }

    void blankNamesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << QStringLiteral("   ");
        QTest::newRow("tab and newline") << QStringLiteral("\t\n");
    }

    void blankNamesAreRefused()
    {
        QFETCH(QString, name);
        const std::string blank = name.toStdString();
        mf::ScenarioStore store(freshPath());
        QString message = configErrorOf([&] { store.create(blank, "{}"); });
        QVERIFY2(message.contains(QStringLiteral("needs a name")), qPrintable(message));
        QVERIFY(store.list().empty());

        const std::int64_t id = store.create("Base case", "{}");
        message = configErrorOf([&] { store.rename(id, blank); });
        QVERIFY2(message.contains(QStringLiteral("\"Base case\"")) &&
                     message.contains(QStringLiteral("empty")),
                 qPrintable(message));
        message = configErrorOf([&] { store.duplicate(id, blank); });
        QVERIFY2(message.contains(QStringLiteral("\"Base case\"")), qPrintable(message));
        QCOMPARE(store.list().size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(store.name(id)), QStringLiteral("Base case"));
    }

    void scenariosLiveInTheRunStoreDatabase()
    {
        const std::string path = freshPath();
        std::int64_t run = 0;
        std::int64_t scenario = 0;
        {
            mf::RunStore runs(path);
            run = runs.createRun(namedRun("training"));
            mf::ScenarioStore scenarios(path);
            scenario = scenarios.create("From run", "{\"sourceRuns\":[1]}");
            // Both connections see each other's writes at once.
            QCOMPARE(runs.listRuns().size(), std::size_t(1));
            QCOMPARE(mf::ScenarioStore(path).list().size(), std::size_t(1));
        }
        mf::ScenarioStore reopened(path);
        QCOMPARE(reopened.load(scenario), std::string("{\"sourceRuns\":[1]}"));
        QCOMPARE(QString::fromStdString(mf::RunStore(path).run(run)->name),
                 QStringLiteral("training"));
    }

    void readOnlyStoreRefusesEveryWrite()
    {
        const std::string path = freshPath();
        std::int64_t id = 0;
        {
            mf::ScenarioStore store(path);
            id = store.create("Base case", "{\"horizon\":36}");
        }
        const QByteArray before = fileBytes(path);
        mf::ScenarioStore store(path, mf::StoreAccess::ReadOnly);
        QVERIFY(store.readOnly());
        QCOMPARE(store.list().size(), std::size_t(1));
        QCOMPARE(store.load(id), std::string("{\"horizon\":36}"));

        const QStringList messages = {configErrorOf([&] { store.save(id, "{}"); }),
                                      configErrorOf([&] { store.rename(id, "New"); }),
                                      configErrorOf([&] { store.duplicate(id, "Copy"); }),
                                      configErrorOf([&] { store.remove(id); })};
        for (const QString &message : messages)
            QVERIFY2(message.contains(QStringLiteral("read-only")) &&
                         message.contains(QStringLiteral("\"Base case\"")) &&
                         message.contains(QString::fromStdString(path)),
                     qPrintable(message));
        const QString created = configErrorOf([&] { store.create("Other", "{}"); });
        QVERIFY2(created.contains(QStringLiteral("read-only")) &&
                     created.contains(QStringLiteral("\"Other\"")),
                 qPrintable(created));
        QCOMPARE(store.list().size(), std::size_t(1));
        QCOMPARE(store.load(id), std::string("{\"horizon\":36}"));
        QCOMPARE(fileBytes(path), before);
    }

    void storeOfAnOtherApplicationIsRefused()
    {
        const std::string path = freshPath();
        QCOMPARE(RawDb(path).exec("CREATE TABLE contacts (name TEXT);"), QString());
        QVERIFY_THROWS_EXCEPTION(mf::Error, mf::ScenarioStore{path});
    }
};

MF_TEST_GUILESS_MAIN(TestScenarioStore)
#include "tst_scenariostore.moc"
