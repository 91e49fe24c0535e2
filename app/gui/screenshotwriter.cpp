#include "app/gui/screenshotwriter.h"

#include "app/gui/mainwindow.h"
#include "app/gui/runspage.h"
#include "app/gui/runsproxymodel.h"
#include "app/gui/runstablemodel.h"
#include "widgets/sectionnavigator.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>

namespace mf {

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
    if (runs->state() != RunsPage::State::Populated || runs->selectedRunId() >= 0) {
        render();
        return;
    }
    const QModelIndex first = runs->proxyModel()->index(0, 0);
    const qint64 runId = first.data(RunsTableModel::RunIdRole).toLongLong();
    connect(runs, &RunsPage::detailsShown, this, &ScreenshotWriter::render);
    runs->selectRun(runId);
}

void ScreenshotWriter::render()
{
    if (m_rendering)
        return;
    m_rendering = true;
    // Let pending layouts and paints settle before grabbing.
    QApplication::processEvents();
    const int previous = m_window->currentSection();
    bool ok = true;
    for (int section = 0; section < MainWindow::SectionCount && ok; ++section) {
        if (!m_window->showSection(section))
            continue;
        QApplication::processEvents();
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
