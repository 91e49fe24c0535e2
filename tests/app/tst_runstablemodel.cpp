#include "app/gui/format/displayformat.h"
#include "app/gui/runs/runsproxymodel.h"
#include "app/gui/runs/runstablemodel.h"
#include "samplestore.h"
#include "tests/support/testsuite.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <algorithm>
#include <memory>

using mf::RunRecord;
using mf::RunsTableModel;

class TestRunsTableModel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<mf::RunStore> m_store;
    mf::sample::RunIds m_ids;
    std::vector<RunRecord> m_runs;
    qint64 m_nowMs = 0;
    const QLocale m_english{QLocale::English, QLocale::UnitedStates};

    const RunRecord &record(qint64 id) const
    {
        return *std::find_if(m_runs.begin(), m_runs.end(),
                             [id](const RunRecord &run) { return run.id == id; });
    }

    static QList<qint64> idsInOrder(const QAbstractItemModel &model)
    {
        QList<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.append(model.index(row, 0).data(RunsTableModel::RunIdRole).toLongLong());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<mf::RunStore>(
            m_dir.filePath(QStringLiteral("modelforge.db")).toStdString());
        m_ids = mf::sample::fill(*m_store, QCoreApplication::applicationPid());
        m_runs = m_store->listRuns();
        QCOMPARE(m_runs.size(), std::size_t(6));
        m_nowMs = mf::RunStore::nowMs();
    }

    void passesTheModelTester()
    {
        RunsTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        mf::RunsProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(RunsTableModel::BestAccuracyColumn, Qt::DescendingOrder);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns(m_runs, m_nowMs);
        std::vector<RunRecord> fewer(m_runs.begin() + 2, m_runs.end());
        fewer.front().name = "renamed";
        model.setRuns(fewer, m_nowMs + 1000);
        model.setRuns({}, m_nowMs);
        model.setRuns(m_runs, m_nowMs);
        proxy.setFilterFixedString(QStringLiteral("cnn"));
        model.setLocale(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.columnCount(), int(RunsTableModel::ColumnCount));
    }

    void headers_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("title");
        QTest::newRow("id") << int(RunsTableModel::IdColumn) << "ID";
        QTest::newRow("name") << int(RunsTableModel::NameColumn) << "Name";
        QTest::newRow("status") << int(RunsTableModel::StatusColumn) << "Status";
        QTest::newRow("dataset") << int(RunsTableModel::DatasetColumn) << "Dataset";
        QTest::newRow("model") << int(RunsTableModel::ModelColumn) << "Model";
        QTest::newRow("best") << int(RunsTableModel::BestAccuracyColumn) << "Best val. acc.";
        QTest::newRow("started") << int(RunsTableModel::StartedColumn) << "Started";
        QTest::newRow("duration") << int(RunsTableModel::DurationColumn) << "Duration";
    }

    void headers()
    {
        QFETCH(int, column);
        QFETCH(QString, title);
        RunsTableModel model;
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), title);
    }

    void displayTexts_data()
    {
        QTest::addColumn<qint64>("runId");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        const auto row = [](const char *name, qint64 id, int column, const QString &text) {
            QTest::newRow(name) << id << column << text;
        };
        row("id", m_ids.failed, RunsTableModel::IdColumn, QString::number(m_ids.failed));
        row("name", m_ids.finishedCnn, RunsTableModel::NameColumn, QStringLiteral("cnn-small"));
        row("status finished", m_ids.finishedMlp, RunsTableModel::StatusColumn,
            QStringLiteral("Finished"));
        row("status failed", m_ids.failed, RunsTableModel::StatusColumn, QStringLiteral("Failed"));
        row("status stopped", m_ids.stopped, RunsTableModel::StatusColumn,
            QStringLiteral("Stopped"));
        row("status running", m_ids.running, RunsTableModel::StatusColumn,
            QStringLiteral("Running"));
        row("status interrupted", m_ids.interrupted, RunsTableModel::StatusColumn,
            QStringLiteral("Interrupted"));
        row("dataset path", m_ids.finishedMlp, RunsTableModel::DatasetColumn,
            QStringLiteral("fashion-mnist"));
        row("dataset name", m_ids.failed, RunsTableModel::DatasetColumn,
            QStringLiteral("cifar-10-batches-bin"));
        row("model", m_ids.failed, RunsTableModel::ModelColumn, QStringLiteral("resnet"));
        row("best is the maximum", m_ids.finishedCnn, RunsTableModel::BestAccuracyColumn,
            QStringLiteral("90.50%"));
        row("best single", m_ids.failed, RunsTableModel::BestAccuracyColumn,
            QStringLiteral("9.50%"));
        row("best missing", m_ids.interrupted, RunsTableModel::BestAccuracyColumn, QString());
        row("duration minutes", m_ids.finishedMlp, RunsTableModel::DurationColumn,
            QStringLiteral("25 min 00 s"));
        row("duration hours", m_ids.finishedCnn, RunsTableModel::DurationColumn,
            QStringLiteral("1 h 34 min"));
        row("duration interrupted", m_ids.interrupted, RunsTableModel::DurationColumn,
            QStringLiteral("2 min 00 s"));
    }

    void displayTexts()
    {
        QFETCH(qint64, runId);
        QFETCH(int, column);
        QFETCH(QString, text);
        RunsTableModel model;
        model.setLocale(m_english);
        model.setRuns(m_runs, m_nowMs);
        const int row = model.rowOfRun(runId);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, column).data().toString(), text);
    }

    void startedFollowsTheLocale()
    {
        RunsTableModel model;
        model.setLocale(m_english);
        model.setRuns(m_runs, m_nowMs);
        const RunRecord &run = record(m_ids.finishedMlp);
        const QModelIndex started =
            model.index(model.rowOfRun(run.id), RunsTableModel::StartedColumn);
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(run.startedAtMs);
        QCOMPARE(started.data().toString(), m_english.toString(when, QLocale::ShortFormat));
        const QLocale chinese(QLocale::Chinese, QLocale::China);
        model.setLocale(chinese);
        QCOMPARE(started.data().toString(), chinese.toString(when, QLocale::ShortFormat));
        QVERIFY(started.data().toString() != m_english.toString(when, QLocale::ShortFormat));
    }

    void numbersFollowTheLocale()
    {
        RunsTableModel model;
        model.setLocale(QLocale(QLocale::German, QLocale::Germany));
        model.setRuns(m_runs, m_nowMs);
        const int row = model.rowOfRun(m_ids.finishedMlp);
        QCOMPARE(model.index(row, RunsTableModel::BestAccuracyColumn).data().toString(),
                 QStringLiteral("81,23%"));
    }

    void runningDurationEndsAtTheSnapshotTime()
    {
        RunsTableModel model;
        model.setLocale(m_english);
        const RunRecord &running = record(m_ids.running);
        model.setRuns(m_runs, running.startedAtMs + 90 * 1000);
        const QModelIndex duration =
            model.index(model.rowOfRun(running.id), RunsTableModel::DurationColumn);
        QCOMPARE(duration.data().toString(), QStringLiteral("1 min 30 s"));
        QCOMPARE(duration.data(RunsTableModel::SortRole).toLongLong(), qint64(90 * 1000));
        model.setRuns(m_runs, running.startedAtMs + 3 * 3600 * 1000 + 5 * 60 * 1000);
        QCOMPARE(duration.data().toString(), QStringLiteral("3 h 05 min"));
    }

    void sortRoleHoldsRawValues()
    {
        RunsTableModel model;
        model.setRuns(m_runs, m_nowMs);
        const int cnn = model.rowOfRun(m_ids.finishedCnn);
        const QVariant best =
            model.index(cnn, RunsTableModel::BestAccuracyColumn).data(RunsTableModel::SortRole);
        QCOMPARE(best.typeId(), QMetaType::Double);
        QCOMPARE(best.toDouble(), 0.905);
        const QVariant id =
            model.index(cnn, RunsTableModel::IdColumn).data(RunsTableModel::SortRole);
        QCOMPARE(id.typeId(), QMetaType::LongLong);
        QCOMPARE(id.toLongLong(), m_ids.finishedCnn);
        QCOMPARE(model.index(cnn, RunsTableModel::StartedColumn)
                     .data(RunsTableModel::SortRole)
                     .toLongLong(),
                 record(m_ids.finishedCnn).startedAtMs);
        const int interrupted = model.rowOfRun(m_ids.interrupted);
        QVERIFY(!model.index(interrupted, RunsTableModel::BestAccuracyColumn)
                     .data(RunsTableModel::SortRole)
                     .isValid());
    }

    void sortsByBestAccuracyNumerically()
    {
        RunsTableModel model;
        model.setLocale(m_english);
        model.setRuns(m_runs, m_nowMs);
        mf::RunsProxyModel proxy;
        proxy.setSourceModel(&model);

        proxy.sort(RunsTableModel::BestAccuracyColumn, Qt::AscendingOrder);
        const QList<qint64> ascending{m_ids.failed,      m_ids.stopped,     m_ids.running,
                                      m_ids.finishedMlp, m_ids.finishedCnn, m_ids.interrupted};
        QCOMPARE(idsInOrder(proxy), ascending);

        proxy.sort(RunsTableModel::BestAccuracyColumn, Qt::DescendingOrder);
        const QList<qint64> descending{m_ids.finishedCnn, m_ids.finishedMlp, m_ids.running,
                                       m_ids.stopped,     m_ids.failed,      m_ids.interrupted};
        QCOMPARE(idsInOrder(proxy), descending);

        // The displayed texts would sort "9.50%" after "81.23%".
        proxy.setSortRole(Qt::DisplayRole);
        proxy.sort(RunsTableModel::BestAccuracyColumn, Qt::AscendingOrder);
        QVERIFY(idsInOrder(proxy) != ascending);
    }

    void sortsByIdAndDuration()
    {
        RunsTableModel model;
        model.setRuns(m_runs, m_nowMs);
        mf::RunsProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(RunsTableModel::IdColumn, Qt::DescendingOrder);
        QList<qint64> newestFirst;
        for (const RunRecord &run : m_runs)
            newestFirst.append(run.id);
        std::sort(newestFirst.begin(), newestFirst.end(), std::greater<>());
        QCOMPARE(idsInOrder(proxy), newestFirst);

        proxy.sort(RunsTableModel::DurationColumn, Qt::AscendingOrder);
        // 1, 2, 3, 7 (running), 25 and 94 minutes.
        const QList<qint64> shortestFirst{m_ids.stopped, m_ids.interrupted, m_ids.failed,
                                          m_ids.running, m_ids.finishedMlp, m_ids.finishedCnn};
        QCOMPARE(idsInOrder(proxy), shortestFirst);
    }

    void filterMatchesDisplayedTexts()
    {
        RunsTableModel model;
        model.setLocale(m_english);
        model.setRuns(m_runs, m_nowMs);
        mf::RunsProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterFixedString(QStringLiteral("FAILED"));
        QCOMPARE(idsInOrder(proxy), QList<qint64>{m_ids.failed});
        proxy.setFilterFixedString(QStringLiteral("cnn"));
        QCOMPARE(proxy.rowCount(), 3);
    }

    void updatesKeepRowsOfRunsThatRemain()
    {
        RunsTableModel model;
        model.setRuns(m_runs, m_nowMs);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QPersistentModelIndex cnn =
            model.index(model.rowOfRun(m_ids.finishedCnn), RunsTableModel::NameColumn);

        std::vector<RunRecord> next;
        for (const RunRecord &run : m_runs) {
            if (run.id != m_ids.failed)
                next.push_back(run);
        }
        std::find_if(next.begin(), next.end(), [this](const RunRecord &run) {
            return run.id == m_ids.finishedCnn;
        })->name = "cnn-small-renamed";
        RunRecord added = next.front();
        added.id = 1000;
        added.name = "new-run";
        next.insert(next.begin(), added);
        model.setRuns(next, m_nowMs);

        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.rowCount(), 6);
        QVERIFY(cnn.isValid());
        QCOMPARE(cnn.data().toString(), QStringLiteral("cnn-small-renamed"));
        QCOMPARE(model.rowOfRun(m_ids.failed), -1);
        QVERIFY(model.rowOfRun(1000) >= 0);
        QCOMPARE(model.runAt(model.rowOfRun(1000))->name, std::string("new-run"));
        QVERIFY(model.runAt(6) == nullptr);
    }

    void statusIsMarkedAndExplained()
    {
        RunsTableModel model;
        model.setLocale(m_english);
        model.setRuns(m_runs, m_nowMs);
        const int failed = model.rowOfRun(m_ids.failed);
        const QModelIndex status = model.index(failed, RunsTableModel::StatusColumn);
        QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(
            !model.index(failed, RunsTableModel::NameColumn).data(Qt::DecorationRole).isValid());
        QVERIFY(
            status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("loss became NaN")));
        QCOMPARE(status.data(RunsTableModel::StatusRole).toInt(), int(mf::RunStatus::Failed));
        QSet<QRgb> colours;
        for (mf::RunStatus s :
             {mf::RunStatus::Running, mf::RunStatus::Finished, mf::RunStatus::Failed,
              mf::RunStatus::Stopped, mf::RunStatus::Interrupted})
            colours.insert(mf::DisplayFormat::statusColor(s).rgb());
        QCOMPARE(colours.size(), 5);
    }
};

MF_TEST_MAIN(TestRunsTableModel)
#include "tst_runstablemodel.moc"
