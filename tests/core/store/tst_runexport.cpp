#include "core/store/runexport.h"
#include "core/store/runstore.h"
#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <cmath>

using namespace mf;

namespace {

/// Splits CSV text into rows of fields (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> parseCsv(const std::string &text)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\n') {
            row.push_back(field);
            field.clear();
            rows.push_back(row);
            row.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestRunExport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<RunStore> m_store;
    std::int64_t m_first = 0;
    std::int64_t m_second = 0;
    std::int64_t m_unrelated = 0;

    std::string path(const char *name) const { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<RunStore>(path("modelforge.db"));
        RunRecord first;
        first.name = "plain";
        first.status = RunStatus::Finished;
        first.model = "mlp";
        m_first = m_store->createRun(first);
        m_store->setParams(m_first, {{"lr", "0.01"}, {"model.type", "mlp"}});
        m_store->appendMetrics(m_first, {{"train_loss", 1, 1, 0.5, 2.25},
                                         {"train_loss", 2, 1, 1.0, 1.0 / 3.0},
                                         {"val_accuracy", 2, 1, 1.25, 0.5}});

        RunRecord second;
        second.name = "with, comma and \"quotes\"";
        second.status = RunStatus::Stopped;
        m_second = m_store->createRun(second);
        m_store->setParams(m_second, {{"lr", "0.1"}});
        m_store->appendMetrics(m_second, {{"train_loss", 7, 2, 3.5, 1e-12}});

        RunRecord unrelated;
        unrelated.name = "not exported";
        m_unrelated = m_store->createRun(unrelated);
        m_store->appendMetrics(m_unrelated, {{"train_loss", 1, 1, 0.1, 9.0}});
    }

    void csvHasOneRowPerPoint()
    {
        const std::string file = path("two.csv");
        writeRunExport(*m_store, {m_second, m_first}, RunExportFormat::Csv, file);
        const auto rows = parseCsv(readWholeFile(file));
        QCOMPARE(rows.size(), std::size_t(5));
        QCOMPARE(rows[0], (std::vector<std::string>{"run", "run_name", "key", "step", "epoch",
                                                    "wall_seconds", "value"}));
        // Runs in the order asked for; each run's points by key, then step.
        QCOMPARE(rows[1], (std::vector<std::string>{std::to_string(m_second),
                                                    "with, comma and \"quotes\"", "train_loss", "7",
                                                    "2", "3.5", "9.9999999999999998e-13"}));
        QCOMPARE(rows[2][0], std::to_string(m_first));
        QCOMPARE(rows[2][2], std::string("train_loss"));
        QCOMPARE(rows[3][3], std::string("2"));
        // Full precision: the value reads back as the same double.
        QCOMPARE(std::stod(rows[3][6]), 1.0 / 3.0);
        QCOMPARE(rows[4][2], std::string("val_accuracy"));
        for (const auto &row : rows)
            QCOMPARE(row.size(), std::size_t(7));
    }

    void jsonHoldsRecordsParamsAndSeries()
    {
        const std::string file = path("two.json");
        writeRunExport(*m_store, {m_first, m_second}, RunExportFormat::Json, file);
        const nlohmann::json document = nlohmann::json::parse(readWholeFile(file));
        QVERIFY(document.is_array());
        QCOMPARE(document.size(), std::size_t(2));
        const nlohmann::json &first = document[0];
        QCOMPARE(first.at("id").get<std::int64_t>(), m_first);
        QCOMPARE(first.at("name").get<std::string>(), std::string("plain"));
        QCOMPARE(first.at("status").get<std::string>(), std::string("FINISHED"));
        QCOMPARE(first.at("model").get<std::string>(), std::string("mlp"));
        QCOMPARE(first.at("params").at("lr").get<std::string>(), std::string("0.01"));
        QCOMPARE(first.at("params").size(), std::size_t(2));
        QCOMPARE(first.at("metrics").size(), std::size_t(2));
        const nlohmann::json &loss = first.at("metrics").at("train_loss");
        QCOMPARE(loss.size(), std::size_t(2));
        QCOMPARE(loss[1].at("step").get<std::int64_t>(), std::int64_t(2));
        QCOMPARE(loss[1].at("epoch").get<int>(), 1);
        QCOMPARE(loss[1].at("wall_seconds").get<double>(), 1.0);
        QCOMPARE(loss[1].at("value").get<double>(), 1.0 / 3.0);
        QCOMPARE(first.at("best_val_accuracy").get<double>(), 0.5);

        const nlohmann::json &second = document[1];
        QCOMPARE(second.at("name").get<std::string>(), std::string("with, comma and \"quotes\""));
        QCOMPARE(second.at("status").get<std::string>(), std::string("STOPPED"));
        QVERIFY(second.at("best_val_accuracy").is_null());
        QCOMPARE(second.at("metrics").at("train_loss")[0].at("value").get<double>(), 1e-12);
    }

    void runWithoutMetricsExportsItsRecord()
    {
        RunRecord empty;
        empty.name = "empty";
        const std::int64_t id = m_store->createRun(empty);
        const std::vector<RunExport> runs = collectRunExports(*m_store, {id});
        QCOMPARE(parseCsv(runExportCsv(runs)).size(), std::size_t(1));
        const nlohmann::json document = nlohmann::json::parse(runExportJson(runs));
        QCOMPARE(document.size(), std::size_t(1));
        QVERIFY(document[0].at("metrics").empty());
        m_store->deleteRun(id);
    }

    void unknownRunIsAConfigError()
    {
        const std::string file = path("unknown.csv");
        try {
            writeRunExport(*m_store, {m_first, 9999}, RunExportFormat::Csv, file);
            QFAIL("an unknown run was exported");
        } catch (const ConfigError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("9999")), e.what());
        }
        QVERIFY(!QFile::exists(QString::fromStdString(file)));
    }

    void unwritablePathIsAnError()
    {
        const std::string file = path("missing-dir/out.csv");
        bool threw = false;
        try {
            writeRunExport(*m_store, {m_first}, RunExportFormat::Csv, file);
        } catch (const Error &e) {
            threw = true;
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("missing-dir")), e.what());
        }
        QVERIFY(threw);
    }
};

MF_TEST_GUILESS_MAIN(TestRunExport)
#include "tst_runexport.moc"
