#include "app/gui/screenshotwriter.h"

#include "app/gui/augment/augmentpage.h"
#include "app/gui/datasets/datasetspage.h"
#include "app/gui/datasets/thumbnailmodel.h"
#include "app/gui/mainwindow.h"
#include "app/gui/roi/roipage.h"
#include "app/gui/runs/runspage.h"
#include "app/gui/runs/runsproxymodel.h"
#include "app/gui/runs/runstablemodel.h"
#include "app/gui/train/trainpage.h"
#include "core/roi/scenariotemplates.h"
#include "widgets/metricchart.h"
#include "widgets/sectionnavigator.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QPixmap>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace mf {

namespace {

/// Runs the event loop until `done` holds or `timeoutMs` have passed.
template <typename Done> void waitUntil(Done done, int timeoutMs)
{
    if (done())
        return;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
}

/// The Datasets section shows Fashion-MNIST when it is installed (not added to the recent list).
void openSampleDataset(DatasetsPage *page)
{
    const QString sample = DatasetsPage::sampleDatasetPath();
    if (!page->loadedDataset() && !sample.isEmpty())
        page->openDataset(sample, false);
}

bool datasetsSettled(const DatasetsPage *page)
{
    return page->state() != DatasetsPage::State::Loading &&
           (page->state() != DatasetsPage::State::Loaded || page->isAnalysed());
}

} // namespace

ScreenshotWriter::ScreenshotWriter(MainWindow *window, const QString &directory, QObject *parent)
    : QObject(parent), m_window(window), m_directory(directory)
{
}

ScreenshotWriter::~ScreenshotWriter() = default;

void ScreenshotWriter::start()
{
    if (!QDir().mkpath(m_directory)) {
        m_error = tr("Cannot create the directory %1.").arg(m_directory);
        QTimer::singleShot(0, this, [this] { finish(false); });
        return;
    }
    m_window->show();
    openSampleDataset(m_window->datasetsPage());
    // The Augment section previews a demo pipeline on Fashion-MNIST when it is installed.
    m_window->augmentPage()->showDemo();
    RunsPage *runs = m_window->runsPage();
    connect(runs, &RunsPage::stateChanged, this, [this](RunsPage::State state) {
        if (state != RunsPage::State::Loading)
            onRunsReady();
    });
    QTimer::singleShot(loadTimeoutMs, this, &ScreenshotWriter::render);
    if (runs->state() != RunsPage::State::Loading)
        QTimer::singleShot(0, this, &ScreenshotWriter::onRunsReady);
}

void ScreenshotWriter::onRunsReady()
{
    RunsPage *runs = m_window->runsPage();
    if (m_selecting)
        return;
    if (runs->state() != RunsPage::State::Populated || !runs->selectedRunIds().isEmpty()) {
        render();
        return;
    }
    m_selecting = true;
    const QModelIndex first = runs->proxyModel()->index(0, 0);
    const qint64 runId = first.data(RunsTableModel::RunIdRole).toLongLong();
    // Render once both the run's details (or the comparison) and the curves on the Train page
    // are shown.
    auto waiting = std::make_shared<int>(2);
    const auto oneReady = [this, waiting] {
        if (--*waiting == 0)
            render();
    };
    if (m_selection.size() > 1)
        connect(runs, &RunsPage::comparisonShown, this, oneReady);
    else
        connect(runs, &RunsPage::detailsShown, this, oneReady);
    // The Train page shows the newest finished run: curves over every epoch.
    qint64 finishedRunId = runId;
    QAbstractItemModel *rows = runs->proxyModel();
    for (int row = 0; row < rows->rowCount(); ++row) {
        const QModelIndex index = rows->index(row, 0);
        if (index.data(RunsTableModel::StatusRole).toInt() == int(RunStatus::Finished)) {
            finishedRunId = index.data(RunsTableModel::RunIdRole).toLongLong();
            break;
        }
    }
    TrainPage *train = m_window->trainPage();
    connect(train, &TrainPage::storedRunShown, this, oneReady);
    connect(train->controller(), &TrainController::loadFailed, this, oneReady);
    if (!train->showStoredRun(finishedRunId))
        oneReady();
    const bool selected =
        m_selection.isEmpty() ? runs->selectRun(runId) : runs->selectRuns(m_selection);
    if (!selected) {
        m_error = tr("No run with the id %1 to select.")
                      .arg(m_selection.isEmpty() ? QString::number(runId) : selectionText());
        finish(false);
    }
}

QString ScreenshotWriter::selectionText() const
{
    QStringList ids;
    for (qint64 id : m_selection)
        ids.append(QString::number(id));
    return ids.join(QStringLiteral(", "));
}

void ScreenshotWriter::render()
{
    if (m_rendering)
        return;
    m_rendering = true;
    // Let pending layouts and paints settle before grabbing.
    QApplication::processEvents();
    DatasetsPage *datasets = m_window->datasetsPage();
    waitUntil([datasets] { return datasetsSettled(datasets); }, loadTimeoutMs);
    AugmentPage *augment = m_window->augmentPage();
    waitUntil([augment] { return !augment->isBusy(); }, loadTimeoutMs);
    // The ROI section of a workspace without scenarios shows a template, not kept in the store.
    if (!m_window->roiPage()->hasScenario())
        m_window->roiPage()->openDraft(roi::creditRiskTemplate());
    const int previous = m_window->currentSection();
    bool ok = true;
    for (int section = 0; section < MainWindow::SectionCount && ok; ++section) {
        if (!m_window->showSection(section))
            continue;
        QApplication::processEvents();
        // A chart shown for the first time lays out again for its size; wait for that refresh.
        QWidget *page = m_window->sectionPage(section);
        waitUntil(
            [page] {
                const QList<MetricChart *> charts = page->findChildren<MetricChart *>();
                return std::none_of(charts.cbegin(), charts.cend(), [](const MetricChart *chart) {
                    return chart->isVisible() && chart->isRefreshPending();
                });
            },
            2000);
        QApplication::processEvents();
        if (section == MainWindow::DatasetsSection) {
            // The grid draws its thumbnails once it is painted; wait for the visible ones.
            waitUntil([datasets] { return datasets->thumbnailModel()->isIdle(); }, 5000);
            QApplication::processEvents();
        }
        ok = save(m_window->sectionPage(section),
                  QStringLiteral("section-%1.png").arg(MainWindow::sectionKey(section)));
    }
    m_window->showSection(previous);
    QApplication::processEvents();
    if (ok)
        ok = save(m_window, QStringLiteral("mainwindow.png"));
    finish(ok);
}

bool ScreenshotWriter::save(QWidget *widget, const QString &fileName)
{
    const QString path = QDir(m_directory).filePath(fileName);
    if (!widget->grab().save(path, "PNG")) {
        m_error = tr("Cannot write %1.").arg(path);
        return false;
    }
    m_written.append(path);
    return true;
}

void ScreenshotWriter::finish(bool ok)
{
    Q_EMIT finished(ok);
}

} // namespace mf
