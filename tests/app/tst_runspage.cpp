#include "app/gui/runs/configdiffmodel.h"
#include "app/gui/runs/deleterunsdialog.h"
#include "app/gui/runs/evaluationview.h"
#include "app/gui/runs/runcomparisonview.h"
#include "app/gui/runs/rundetailspane.h"
#include "app/gui/runs/runsfilterbar.h"
#include "app/gui/runs/runspage.h"
#include "app/gui/runs/runsproxymodel.h"
#include "app/gui/runs/runstablemodel.h"
#include "app/gui/store/runstorewatcher.h"
#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "samplestore.h"
#include "tests/support/readonlyfolder.h"
#include "tests/support/shotpath.h"
#include "tests/support/testsuite.h"
#include "widgets/metricchart.h"
#include "widgets/metricdashboard.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest/QtTest>

#include <csignal>
#include <memory>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using mf::RunsPage;
using mf::RunsTableModel;

using mf::test::shotDir;
using mf::test::shotPath;

namespace {

/// A workspace with the sample runs and a Runs page showing it.
struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<mf::RunStore> store;
    mf::sample::RunIds ids;
    std::unique_ptr<RunsPage> page;

    Fixture()
    {
        const mf::Workspace workspace{dir.path().toStdString()};
        store = std::make_unique<mf::RunStore>(workspace.databasePath());
        ids = mf::sample::fill(*store, QCoreApplication::applicationPid());
        page = std::make_unique<RunsPage>();
        page->resize(1280, 760);
        page->setDatabasePath(QString::fromStdString(workspace.databasePath()));
    }

    std::string runDir(qint64 id) const
    {
        return mf::Workspace{dir.path().toStdString()}.runDir(id);
    }
};

std::set<qint64> shownIds(const RunsPage &page)
{
    std::set<qint64> ids;
    const QAbstractItemModel *proxy = page.proxyModel();
    for (int row = 0; row < proxy->rowCount(); ++row)
        ids.insert(proxy->index(row, 0).data(RunsTableModel::RunIdRole).toLongLong());
    return ids;
}

void choose(QComboBox *box, const QVariant &data)
{
    const int index = data.isValid() ? box->findData(data) : 0;
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    box->setCurrentIndex(index);
}

/// A picture of the Runs page as it was saved (a PNG, read back), with the details pane as it
/// renders itself at the same moment, and where the pane was then (in the picture's pixels).
struct PagePicture
{
    QImage page;
    QImage pane;
    QRect paneArea;

    /// The part of the page's picture where the pane was.
    QImage paneInPage() const { return page.copy(paneArea); }
};

PagePicture savedPicture(RunsPage &page, const QString &path)
{
    QWidget *pane = page.detailsPane();
    const qreal ratio = page.devicePixelRatioF();
    // Rendering sends the resize events still pending (a tab never shown, say), and the layouts
    // they ask for follow as events: settle them first, so that both pictures show one state.
    page.grab();
    QApplication::processEvents();
    const QPixmap grabbed = page.grab();
    PagePicture picture;
    picture.pane = pane->grab().toImage().convertToFormat(QImage::Format_RGB32);
    picture.paneArea =
        QRectF(QPointF(pane->mapTo(&page, QPoint(0, 0))) * ratio, QSizeF(pane->size()) * ratio)
            .toAlignedRect();
    if (grabbed.save(path, "PNG"))
        picture.page = QImage(path).convertToFormat(QImage::Format_RGB32);
    return picture;
}

/// Distinct colours of `image` on a 3-pixel grid, counted up to `enough`.
int colourCount(const QImage &image, int enough)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height() && colours.size() < enough; y += 3)
        for (int x = 0; x < image.width() && colours.size() < enough; x += 3)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

QList<QStringList> csvRows(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (!line.isEmpty())
            rows.append(QString::fromUtf8(line).split(QLatin1Char(',')));
    return rows;
}

} // namespace

class TestRunsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedRunBecomesInterruptedWhileTheStoreIsOpen()
    {
        // A CLI run killed while the workbench is open writes nothing more, so nothing in the
        // store's files changes; the open watcher must still notice that its process is gone.
        QTemporaryDir dir;
        const std::string db = dir.filePath(QStringLiteral("modelforge.db")).toStdString();
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            ::pause();
            ::_exit(0);
        }
        std::int64_t id = 0;
        {
            mf::RunStore store(db);
            mf::RunRecord run;
            run.name = "cli run";
            run.pid = child;
            id = store.createRun(run);
        }
        mf::RunStoreWatcher watcher;
        watcher.setPollInterval(50);
        watcher.setLivenessInterval(100);
        mf::RunsSnapshot last;
        connect(&watcher, &mf::RunStoreWatcher::runsLoaded, this,
                [&last](const mf::RunsSnapshot &snapshot) { last = snapshot; });
        watcher.setDatabasePath(QString::fromStdString(db));
        QTRY_VERIFY_WITH_TIMEOUT(last.runs.size() == 1, 5000);
        QCOMPARE(last.runs[0].id, id);
        QCOMPARE(int(last.runs[0].status), int(mf::RunStatus::Running));

        ::kill(child, SIGKILL);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QTRY_COMPARE_WITH_TIMEOUT(int(last.runs.at(0).status), int(mf::RunStatus::Interrupted),
                                  5000);
    }

    void modelsPassTheTester()
    {
        QTemporaryDir dir;
        mf::RunStore store(dir.filePath(QStringLiteral("modelforge.db")).toStdString());
        mf::sample::fill(store, QCoreApplication::applicationPid());
        const std::vector<mf::RunRecord> runs = store.listRuns();

        RunsTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        mf::RunsProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns(runs, mf::RunStore::nowMs());
        proxy.setStatusFilter(mf::RunStatus::Finished);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setModelFilter(QStringLiteral("cnn"));
        QCOMPARE(proxy.rowCount(), 1);
        QVERIFY(model.setData(model.index(0, RunsTableModel::NameColumn), QStringLiteral("x")));
        QVERIFY(!model.setData(model.index(0, RunsTableModel::NameColumn), QStringLiteral(" ")));
        QVERIFY(!model.setData(model.index(0, RunsTableModel::StatusColumn), QStringLiteral("x")));
        model.setRuns({runs.begin() + 3, runs.end()}, mf::RunStore::nowMs());
        proxy.setDatasetFilter(QStringLiteral("/usr/share/datasets/fashion-mnist"));
        proxy.clearFilters();
        QCOMPARE(proxy.rowCount(), 3);
        QVERIFY(!proxy.hasFilters());

        mf::ConfigDiffModel diff;
        QAbstractItemModelTester diffTester(&diff,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        diff.setRuns(
            {{1, QStringLiteral("#1 a"), {{"lr", "0.1"}, {"epochs", "3"}}},
             {2, QStringLiteral("#2 b"), {{"lr", "0.2"}, {"epochs", "3"}, {"seed", "1"}}}});
        QCOMPARE(diff.keys(), (QStringList{QStringLiteral("lr"), QStringLiteral("seed")}));
        QCOMPARE(diff.index(1, 1).data().toString(), QStringLiteral("—"));
        diff.setShowIdentical(true);
        QCOMPARE(diff.rowCount(), 3);
        diff.setRuns({});
        QCOMPARE(diff.rowCount(), 0);
    }

    void filtersCombine_data()
    {
        QTest::addColumn<QVariant>("status");
        QTest::addColumn<QVariant>("dataset");
        QTest::addColumn<QVariant>("model");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected"); // names
        const QVariant all;
        const QVariant fashion = QStringLiteral("/usr/share/datasets/fashion-mnist");
        QTest::newRow("everything") << all << all << all << QString()
                                    << QStringList{"mlp-baseline",   "cnn-small", "resnet-high-lr",
                                                   "cnn-lr-sweep-3", "mlp-wide",  "cnn-augment"};
        QTest::newRow("finished") << QVariant(int(mf::RunStatus::Finished)) << all << all
                                  << QString() << QStringList{"mlp-baseline", "cnn-small"};
        QTest::newRow("cifar") << all << QVariant(QStringLiteral("cifar-10-batches-bin")) << all
                               << QString() << QStringList{"resnet-high-lr"};
        QTest::newRow("mlp") << all << all << QVariant(QStringLiteral("mlp")) << QString()
                             << QStringList{"mlp-baseline", "mlp-wide"};
        QTest::newRow("stopped cnn on fashion")
            << QVariant(int(mf::RunStatus::Stopped)) << fashion << QVariant(QStringLiteral("cnn"))
            << QString() << QStringList{"cnn-lr-sweep-3"};
        QTest::newRow("cnn and text") << all << all << QVariant(QStringLiteral("cnn"))
                                      << QStringLiteral("small") << QStringList{"cnn-small"};
        QTest::newRow("nothing matches")
            << QVariant(int(mf::RunStatus::Failed)) << fashion << all << QString() << QStringList{};
    }

    void filtersCombine()
    {
        QFETCH(QVariant, status);
        QFETCH(QVariant, dataset);
        QFETCH(QVariant, model);
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        Fixture f;
        QTRY_COMPARE(f.page->state(), RunsPage::State::Populated);
        mf::RunsFilterBar *bar = f.page->filterBar();
        // "All" plus the values the runs have.
        QCOMPARE(bar->statusBox()->count(), 6);
        QCOMPARE(bar->datasetBox()->count(), 4);
        QCOMPARE(bar->modelBox()->count(), 4);
        choose(bar->statusBox(), status);
        choose(bar->datasetBox(), dataset);
        choose(bar->modelBox(), model);
        bar->textEdit()->setText(text);
        QStringList names;
        const QAbstractItemModel *proxy = f.page->proxyModel();
        for (int row = 0; row < proxy->rowCount(); ++row)
            names.append(proxy->index(row, RunsTableModel::NameColumn).data().toString());
        names.sort();
        expected.sort();
        QCOMPARE(names, expected);

        // Selecting a hidden run clears the filters.
        QVERIFY(f.page->selectRun(f.ids.interrupted));
        QCOMPARE(f.page->proxyModel()->rowCount(), 6);
        QVERIFY(!f.page->proxyModel()->hasFilters());
        QCOMPARE(bar->statusBox()->currentIndex(), 0);
    }

    void renameTagsAndNotesPersist()
    {
        Fixture f;
        f.page->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.page.get()));
        QTRY_COMPARE(f.page->state(), RunsPage::State::Populated);
        QSignalSpy shown(f.page.get(), &RunsPage::detailsShown);
        QSignalSpy edited(f.page->watcher(), &mf::RunStoreWatcher::runEdited);
        QVERIFY(f.page->selectRun(f.ids.finishedMlp));
        QVERIFY(shown.wait());

        // Rename with F2 as a user would: the editor opens on the name.
        QVERIFY(f.page->renameAction()->isEnabled());
        f.page->renameAction()->trigger();
        auto *editor = f.page->view()->viewport()->findChild<QLineEdit *>();
        QVERIFY(editor);
        QCOMPARE(editor->text(), QStringLiteral("mlp-baseline"));
        editor->setText(QStringLiteral("  mlp-renamed "));
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(edited.wait());
        QCOMPARE(f.store->run(f.ids.finishedMlp)->name, std::string("mlp-renamed"));
        QTRY_VERIFY(f.page->detailsPane()->titleText().contains(QStringLiteral("mlp-renamed")));

        mf::RunDetailsPane *details = f.page->detailsPane();
        details->tagsEdit()->setText(QStringLiteral(" baseline,, wider ,baseline"));
        Q_EMIT details->tagsEdit()->editingFinished();
        QCOMPARE(details->tagsEdit()->text(), QStringLiteral("baseline, wider"));
        QVERIFY(edited.wait());
        QCOMPARE(f.store->run(f.ids.finishedMlp)->tags, std::string("baseline, wider"));

        QVERIFY(!details->saveNotesButton()->isEnabled());
        details->notesEdit()->setPlainText(QStringLiteral("Wider layers next.\nLR was fine."));
        QVERIFY(details->saveNotesButton()->isEnabled());
        QTest::mouseClick(details->saveNotesButton(), Qt::LeftButton);
        QVERIFY(edited.wait());
        QCOMPARE(f.store->run(f.ids.finishedMlp)->notes,
                 std::string("Wider layers next.\nLR was fine."));
        QVERIFY(!details->saveNotesButton()->isEnabled());

        // The table shows the stored values, and the text filter finds tags.
        QTRY_COMPARE(f.page->model()->runAt(f.page->model()->rowOfRun(f.ids.finishedMlp))->tags,
                     std::string("baseline, wider"));
        f.page->filterEdit()->setText(QStringLiteral("wider"));
        QCOMPARE(shownIds(*f.page), (std::set<qint64>{f.ids.finishedMlp}));

        // A reload while notes are being typed keeps the typing.
        details->notesEdit()->setPlainText(QStringLiteral("typing…"));
        f.page->refresh();
        QVERIFY(shown.wait());
        QCOMPARE(details->notesEdit()->toPlainText(), QStringLiteral("typing…"));
    }

    void deleteAsksAndRemovesRunsAndOptionallyFiles_data()
    {
        QTest::addColumn<bool>("deleteFiles");
        QTest::newRow("store only") << false;
        QTest::newRow("with files") << true;
    }

    void deleteAsksAndRemovesRunsAndOptionallyFiles()
    {
        QFETCH(bool, deleteFiles);
        Fixture f;
        QTRY_COMPARE(f.page->state(), RunsPage::State::Populated);
        for (qint64 id : {f.ids.failed, f.ids.stopped}) {
            QVERIFY(QDir().mkpath(QString::fromStdString(f.runDir(id) + "/checkpoints")));
            QFile file(QString::fromStdString(f.runDir(id) + "/checkpoints/epoch-0001.pt"));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }

        // A running run cannot be deleted.
        QVERIFY(f.page->selectRuns({f.ids.running, f.ids.failed}));
        QVERIFY(!f.page->deleteAction()->isEnabled());

        QVERIFY(f.page->selectRuns({f.ids.failed, f.ids.stopped}));
        QVERIFY(f.page->deleteAction()->isEnabled());
        QString dialogText;
        bool filesOffByDefault = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<mf::DeleteRunsDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialogText = dialog->text();
            filesOffByDefault = !dialog->deleteFilesBox()->isChecked();
            dialog->deleteFilesBox()->setChecked(deleteFiles);
            dialog->deleteButton()->click();
        });
        QSignalSpy deleted(f.page->watcher(), &mf::RunStoreWatcher::runsDeleted);
        f.page->deleteAction()->trigger();
        QVERIFY(deleted.wait());
        QVERIFY2(dialogText.contains(QStringLiteral("resnet-high-lr")) &&
                     dialogText.contains(QStringLiteral("cnn-lr-sweep-3")),
                 qPrintable(dialogText));
        QVERIFY(filesOffByDefault);
        QVERIFY(!f.store->run(f.ids.failed));
        QVERIFY(!f.store->run(f.ids.stopped));
        QVERIFY(f.store->run(f.ids.finishedMlp));
        for (qint64 id : {f.ids.failed, f.ids.stopped})
            QCOMPARE(QDir(QString::fromStdString(f.runDir(id))).exists(), !deleteFiles);
        QTRY_COMPARE(f.page->runCount(), 4);
        QVERIFY(f.page->noticeText().contains(QStringLiteral("Deleted 2 runs")));

        // Cancelling deletes nothing.
        QVERIFY(f.page->selectRun(f.ids.finishedCnn));
        QTimer::singleShot(0, this, [] {
            if (auto *dialog = QApplication::activeModalWidget())
                static_cast<QDialog *>(dialog)->reject();
        });
        f.page->confirmDeleteSelected();
        QTest::qWait(100);
        QVERIFY(f.store->run(f.ids.finishedCnn));
    }

    void comparisonOverlaysRunsAndListsDifferingParams()
    {
        Fixture f;
        f.page->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.page.get()));
        QTRY_COMPARE(f.page->state(), RunsPage::State::Populated);
        QSignalSpy compared(f.page.get(), &RunsPage::comparisonShown);
        QVERIFY(f.page->selectRuns({f.ids.finishedCnn, f.ids.finishedMlp}));
        QVERIFY(f.page->isComparing());
        QVERIFY(compared.wait());
        const QList<qint64> ids{f.ids.finishedMlp, f.ids.finishedCnn};
        QCOMPARE(compared.last().at(0).value<QList<qint64>>(), ids);
        QCOMPARE(f.page->selectedRunId(), qint64(-1));

        mf::RunComparisonView *comparison = f.page->comparisonView();
        QVERIFY(comparison->isShowingMetrics());
        mf::MetricDashboard *dashboard = comparison->dashboard();
        const QStringList loss = dashboard->chart(mf::MetricDashboard::LossPanel)->seriesNames();
        const QStringList accuracy =
            dashboard->chart(mf::MetricDashboard::AccuracyPanel)->seriesNames();
        for (qint64 id : ids) {
            QVERIFY2(loss.contains(QStringLiteral("#%1 train_loss").arg(id)),
                     qPrintable(loss.join(',')));
            QVERIFY(loss.contains(QStringLiteral("#%1 val_loss").arg(id)));
            QVERIFY(accuracy.contains(QStringLiteral("#%1 val_accuracy").arg(id)));
            QVERIFY(dashboard->chart(mf::MetricDashboard::LearningRatePanel)
                        ->seriesNames()
                        .contains(QStringLiteral("#%1 lr").arg(id)));
            // Every stored point arrived, per-step ones at fractional epochs.
            const QVector<mf::MetricSample> steps =
                dashboard->samples(QStringLiteral("#%1 train_loss").arg(id));
            QCOMPARE(std::size_t(steps.size()), f.store->metrics(id, "train_loss").size());
            QCOMPARE(steps.first().step, 10.0);
            QCOMPARE(steps.first().epoch, 0.1);
            QCOMPARE(steps.at(14).step, 150.0);
            QCOMPARE(steps.at(14).epoch, 1.5);
            const QVector<mf::MetricSample> epochs =
                dashboard->samples(QStringLiteral("#%1 val_accuracy").arg(id));
            QCOMPARE(epochs.size(), 3);
            QCOMPARE(epochs.at(1).epoch, 2.0);
            // Drawn as soon as loaded, not at the pace of live updates.
            QVERIFY(!dashboard->chart(mf::MetricDashboard::LossPanel)
                         ->rawLineSeries(QStringLiteral("#%1 train_loss").arg(id))
                         ->points()
                         .isEmpty());
        }
        QCOMPARE(loss.size(), 4);

        // Only the differing params (model and lr) unless the identical ones are asked for.
        mf::ConfigDiffModel *config = comparison->configModel();
        QCOMPARE(config->keys(), (QStringList{QStringLiteral("lr"), QStringLiteral("model")}));
        QCOMPARE(config->columnCount(), 3);
        QCOMPARE(config->headerData(1, Qt::Horizontal).toString(),
                 QStringLiteral("#%1 mlp-baseline").arg(f.ids.finishedMlp));
        QCOMPARE(config->index(0, 1).data().toString(), QStringLiteral("0.001"));
        QCOMPARE(config->index(0, 2).data().toString(), QStringLiteral("0.0005"));
        comparison->showIdenticalBox()->setChecked(true);
        QCOMPARE(config->rowCount(), 5);

        QTemporaryDir shots;
        const QString file = shotPath(shots, QStringLiteral("runs-compare.png"));
        QApplication::processEvents();
        for (int p = 0; p < mf::MetricDashboard::PanelCount; ++p)
            dashboard->chart(mf::MetricDashboard::Panel(p))->refreshNow();
        QVERIFY(f.page->grab().save(file, "PNG"));
        QVERIFY(!QImage(file).isNull());

        // Back to one run: its details replace the comparison.
        QSignalSpy shown(f.page.get(), &RunsPage::detailsShown);
        QVERIFY(f.page->selectRun(f.ids.finishedCnn));
        QVERIFY(!f.page->isComparing());
        QVERIFY(shown.wait());
    }

    void exportWritesCsvAndJson()
    {
        Fixture f;
        QTRY_COMPARE(f.page->state(), RunsPage::State::Populated);
        QVERIFY(f.page->selectRuns({f.ids.finishedMlp, f.ids.failed}));
        QVERIFY(f.page->exportAction()->isEnabled());
        const QList<qint64> ids = f.page->selectedRunIds();
        QSignalSpy exported(f.page->watcher(), &mf::RunStoreWatcher::exportFinished);

        const QString csv = f.dir.filePath(QStringLiteral("out/metrics.csv"));
        QVERIFY(QDir().mkpath(f.dir.filePath(QStringLiteral("out"))));
        f.page->exportRuns(ids, csv, false);
        QVERIFY(exported.wait());
        const QList<QStringList> rows = csvRows(csv);
        QVERIFY(!rows.isEmpty());
        QCOMPARE(rows.first(), QStringLiteral("run,run_name,key,step,epoch,wall_seconds,value")
                                   .split(QLatin1Char(',')));
        std::map<qint64, std::size_t> perRun;
        std::set<QString> keys;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows[i].size(), 7);
            ++perRun[rows[i][0].toLongLong()];
            keys.insert(rows[i][2]);
        }
        for (qint64 id : ids)
            QCOMPARE(perRun[id], f.store->metrics(id).size());
        QCOMPARE(perRun.size(), std::size_t(2));
        QCOMPARE(keys, (std::set<QString>{"lr", "samples_per_second", "train_loss", "val_accuracy",
                                          "val_loss"}));
        QVERIFY(f.page->noticeText().contains(QDir::toNativeSeparators(csv)));

        const QString json = f.dir.filePath(QStringLiteral("out/metrics.json"));
        f.page->exportRuns(ids, json, true);
        QVERIFY(exported.wait());
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray runs = QJsonDocument::fromJson(file.readAll()).array();
        QCOMPARE(runs.size(), 2);
        for (const QJsonValue &value : runs) {
            const QJsonObject run = value.toObject();
            const qint64 id = run.value(QStringLiteral("id")).toInteger();
            QVERIFY(ids.contains(id));
            QCOMPARE(run.value(QStringLiteral("params")).toObject().value("lr").toString(),
                     QString::fromStdString(f.store->params(id).at("lr")));
            const QJsonObject metrics = run.value(QStringLiteral("metrics")).toObject();
            QCOMPARE(std::size_t(metrics.value(QStringLiteral("train_loss")).toArray().size()),
                     f.store->metrics(id, "train_loss").size());
        }

        // A file that cannot be written is reported, not fatal.
        QSignalSpy failed(f.page->watcher(), &mf::RunStoreWatcher::exportFailed);
        f.page->exportRuns(ids, f.dir.filePath(QStringLiteral("missing/metrics.csv")), false);
        QVERIFY(failed.wait());
        QVERIFY(f.page->noticeText().contains(QStringLiteral("Could not export")));
    }

    void resumeAndOpenInTrainAskTheLead_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<bool>("resumable");
        QTest::newRow("failed") << "failed" << true;
        QTest::newRow("stopped") << "stopped" << true;
        QTest::newRow("interrupted") << "interrupted" << true;
        QTest::newRow("finished") << "finished" << false;
        QTest::newRow("running") << "running" << false;
    }

    void resumeAndOpenInTrainAskTheLead()
    {
        QFETCH(QString, which);
        QFETCH(bool, resumable);
        Fixture f;
        QTRY_COMPARE(f.page->state(), RunsPage::State::Populated);
        const std::map<QString, qint64> runs{{"failed", f.ids.failed},
                                             {"stopped", f.ids.stopped},
                                             {"interrupted", f.ids.interrupted},
                                             {"finished", f.ids.finishedCnn},
                                             {"running", f.ids.running}};
        const qint64 id = runs.at(which);
        QVERIFY(!f.page->resumeAction()->isEnabled());
        QVERIFY(f.page->selectRun(id));
        QCOMPARE(f.page->resumeAction()->isEnabled(), resumable);
        QVERIFY(f.page->openInTrainAction()->isEnabled());
        QSignalSpy resume(f.page.get(), &RunsPage::resumeRequested);
        QSignalSpy open(f.page.get(), &RunsPage::openInTrainRequested);
        f.page->resumeAction()->trigger();
        f.page->openInTrainAction()->trigger();
        QCOMPARE(resume.size(), resumable ? 1 : 0);
        if (resumable)
            QCOMPARE(resume.first().at(0).toLongLong(), id);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().at(0).toLongLong(), id);

        // Two runs: neither resumes nor opens.
        QVERIFY(f.page->selectRuns({f.ids.failed, f.ids.stopped}));
        QVERIFY(!f.page->resumeAction()->isEnabled());
        QVERIFY(!f.page->openInTrainAction()->isEnabled());
    }

    void readOnlyWorkspaceIsShownAndOffersNoWrites()
    {
        QTemporaryDir dir;
        const mf::Workspace workspace{dir.path().toStdString()};
        mf::sample::RunIds ids;
        {
            mf::RunStore store(workspace.databasePath());
            ids = mf::sample::fill(store, QCoreApplication::applicationPid());
        }
        const QByteArray before = [&] {
            QFile file(QString::fromStdString(workspace.databasePath()));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        mf::testdata::ReadOnlyFolder readOnly(workspace.dir);
        if (!readOnly.ok())
            QSKIP("this file system lets the process write to a folder it made read-only");

        RunsPage page;
        page.resize(1280, 760);
        page.setDatabasePath(QString::fromStdString(workspace.databasePath()));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(page.state(), RunsPage::State::Populated);
        QVERIFY(!page.readOnlyReason().isEmpty());
        QVERIFY(page.readOnlyBanner()->isVisible());
        QVERIFY(page.readOnlyBanner()->text().contains(page.readOnlyReason()));

        QSignalSpy shown(&page, &RunsPage::detailsShown);
        QVERIFY(page.selectRun(ids.failed)); // resumable where the store can be written
        QVERIFY(shown.wait());
        QVERIFY(!page.resumeAction()->isEnabled());
        QVERIFY(!page.renameAction()->isEnabled());
        QVERIFY(!page.deleteAction()->isEnabled());
        QVERIFY(page.exportAction()->isEnabled());
        QVERIFY(page.openInTrainAction()->isEnabled());
        const QModelIndex name = page.model()->index(0, RunsTableModel::NameColumn);
        QVERIFY(!(page.model()->flags(name) & Qt::ItemIsEditable));
        QVERIFY(!page.model()->setData(name, QStringLiteral("renamed")));
        QVERIFY(page.detailsPane()->tagsEdit()->isReadOnly());
        QVERIFY(page.detailsPane()->notesEdit()->isReadOnly());
        const QTemporaryDir shots;
        QVERIFY(page.grab().save(shotPath(shots, QStringLiteral("runs-read-only.png")), "PNG"));

        QFile file(QString::fromStdString(workspace.databasePath()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    void pagePicturesShowDetailsAndEmptyStates()
    {
        QTemporaryDir shots;
        Fixture f;
        RunsPage &page = *f.page;
        mf::RunDetailsPane *pane = page.detailsPane();
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(page.state(), RunsPage::State::Populated);
        QVERIFY(!pane->isShowingDetails());
        const PagePicture none =
            savedPicture(page, shotPath(shots, QStringLiteral("runs-none-selected.png")));

        QSignalSpy shown(&page, &RunsPage::detailsShown);
        QVERIFY(page.selectRun(f.ids.failed));
        QVERIFY(shown.wait());
        QVERIFY(pane->isShowingDetails());
        const PagePicture details =
            savedPicture(page, shotPath(shots, QStringLiteral("runs-details.png")));
        // A failed run is not evaluated; the tab says why.
        pane->tabs()->setCurrentIndex(mf::RunDetailsPane::EvaluationTab);
        QApplication::processEvents();
        mf::EvaluationView *evaluation = pane->evaluationView();
        QCOMPARE(evaluation->state(), mf::EvaluationView::State::NotApplicable);
        QCOMPARE(evaluation->messageTitle(), QStringLiteral("Not evaluated yet"));
        const PagePicture failed =
            savedPicture(page, shotPath(shots, QStringLiteral("runs-eval-failed.png")));

        // Each picture is the whole page, rendered (many colours, not a blank or a frame), and
        // shows the details pane as the pane itself draws it at that moment.
        const QList<const PagePicture *> pictures{&none, &details, &failed};
        for (const PagePicture *picture : pictures) {
            QVERIFY(!picture->page.isNull());
            QCOMPARE(picture->page.size(), page.size() * page.devicePixelRatio());
            QVERIFY(colourCount(picture->page, 17) > 16);
            QCOMPARE(picture->paneInPage(), picture->pane);
        }
        // The empty details, a run's details and its evaluation tab look different from each
        // other where the pane is, and so do the pictures.
        QVERIFY(none.pane != details.pane);
        QVERIFY(none.pane != failed.pane);
        QVERIFY(details.pane != failed.pane);
        QVERIFY(none.page != details.page && details.page != failed.page);
        // The details have more to show than the hint that stands in for them.
        QVERIFY(colourCount(details.pane, 1000) > colourCount(none.pane, 1000));
    }
};

MF_TEST_MAIN(TestRunsPage)
#include "tst_runspage.moc"
