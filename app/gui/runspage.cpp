#include "app/gui/runspage.h"

#include "app/gui/rundetailspane.h"
#include "app/gui/runsproxymodel.h"
#include "app/gui/runstablemodel.h"
#include "app/gui/runstorewatcher.h"
#include "widgets/messagepanel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace mf {

RunsPage::RunsPage(QWidget *parent)
    : QWidget(parent), m_watcher(new RunStoreWatcher(this)), m_model(new RunsTableModel(this)),
      m_proxy(new RunsProxyModel(this)), m_filter(new QLineEdit), m_view(new QTableView),
      m_message(new MessagePanel), m_tableStack(new QStackedWidget), m_details(new RunDetailsPane),
      m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("runsPage"));
    m_proxy->setSourceModel(m_model);

    m_filter->setObjectName(QStringLiteral("runsFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, status, dataset or model"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("runsTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RunsTableModel::IdColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionsMovable(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunsPage::onSelectionChanged);

    m_tableStack->addWidget(m_view);
    m_tableStack->addWidget(m_message);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(6);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_tableStack, 1);

    m_details->setMinimumWidth(280);
    m_splitter->setObjectName(QStringLiteral("runsSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);
    // The table needs the room: eight columns against a pane of short key/value pairs.
    m_splitter->setSizes({680, 320});
    m_details->setVisible(false);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_splitter);

    connect(m_watcher, &RunStoreWatcher::runsLoaded, this, &RunsPage::onRunsLoaded);
    connect(m_watcher, &RunStoreWatcher::runsFailed, this, &RunsPage::onRunsFailed);
    connect(m_watcher, &RunStoreWatcher::detailsLoaded, this, &RunsPage::onDetailsLoaded);
    connect(m_watcher, &RunStoreWatcher::detailsFailed, this, &RunsPage::onDetailsFailed);
}

RunsPage::~RunsPage() = default;

void RunsPage::setDatabasePath(const QString &databasePath)
{
    m_model->setRuns({}, 0);
    m_details->showHint();
    m_lastLoadedAtMs = 0;
    if (databasePath.isEmpty()) {
        m_watcher->setDatabasePath(QString());
        setState(State::Idle);
        return;
    }
    showMessage(false, tr("Loading runs…"), databasePath);
    setState(State::Loading);
    m_watcher->setDatabasePath(databasePath);
}

QString RunsPage::databasePath() const
{
    return m_watcher->databasePath();
}

void RunsPage::refresh()
{
    m_watcher->refresh();
}

QString RunsPage::messageTitle() const
{
    return m_tableStack->currentWidget() == m_message ? m_message->title() : QString();
}

QString RunsPage::messageText() const
{
    return m_tableStack->currentWidget() == m_message ? m_message->text() : QString();
}

int RunsPage::runCount() const
{
    return m_model->rowCount();
}

bool RunsPage::selectRun(qint64 runId)
{
    const int sourceRow = m_model->rowOfRun(runId);
    if (sourceRow < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) {
        m_filter->clear();
        index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

qint64 RunsPage::selectedRunId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return rows.first().data(RunsTableModel::RunIdRole).toLongLong();
}

void RunsPage::saveSettings(QSettings &settings) const
{
    const QByteArray splitterState =
        m_details->isVisible() ? m_splitter->saveState() : m_splitterState;
    if (!splitterState.isEmpty())
        settings.setValue(QStringLiteral("runs/splitter"), splitterState);
    if (m_columnsSized)
        settings.setValue(QStringLiteral("runs/header"), m_view->horizontalHeader()->saveState());
}

void RunsPage::restoreSettings(const QSettings &settings)
{
    m_splitterState = settings.value(QStringLiteral("runs/splitter")).toByteArray();
    // The splitter is only restored while the details pane is in it: a hidden pane has no size.
    if (m_details->isVisible())
        m_splitter->restoreState(m_splitterState);
    else
        m_splitterRestorePending = !m_splitterState.isEmpty();
    if (m_view->horizontalHeader()->restoreState(
            settings.value(QStringLiteral("runs/header")).toByteArray()))
        m_columnsSized = true;
}

void RunsPage::fitColumnsToView()
{
    m_view->resizeColumnsToContents();
    // Long names and dataset paths give way first (they elide, with the full text in a tooltip),
    // so that the numbers stay in view without scrolling.
    QHeaderView *header = m_view->horizontalHeader();
    int excess = header->length() - m_view->viewport()->width();
    const int narrowest = header->fontMetrics().averageCharWidth() * 12;
    for (int column : {RunsTableModel::DatasetColumn, RunsTableModel::NameColumn}) {
        const int width = header->sectionSize(column);
        const int shrink = qMin(excess, width - narrowest);
        if (shrink > 0) {
            header->resizeSection(column, width - shrink);
            excess -= shrink;
        }
    }
}

void RunsPage::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    // Without runs there is nothing to detail: the message gets the whole width.
    const bool populated = state == State::Populated;
    if (!populated && m_details->isVisible())
        m_splitterState = m_splitter->saveState();
    m_details->setVisible(populated);
    if (populated && m_splitterRestorePending) {
        m_splitter->restoreState(m_splitterState);
        m_splitterRestorePending = false;
    }
    m_filter->setEnabled(state == State::Populated);
    Q_EMIT stateChanged(state);
}

void RunsPage::showMessage(bool error, const QString &title, const QString &text)
{
    m_message->setMessage(error ? MessagePanel::Kind::Error : MessagePanel::Kind::Information,
                          title, text);
    m_tableStack->setCurrentWidget(m_message);
}

void RunsPage::onRunsLoaded(const RunsSnapshot &snapshot)
{
    m_lastLoadedAtMs = snapshot.takenAtMs;
    m_model->setRuns(snapshot.runs, snapshot.takenAtMs);
    if (snapshot.runs.empty()) {
        m_details->showHint();
        showMessage(false, tr("No runs yet"),
                    tr("Start one with modelforge-cli train … or the Train section.\n\n"
                       "Runs are read from %1")
                        .arg(snapshot.databasePath));
        setState(State::Empty);
    } else {
        m_tableStack->setCurrentWidget(m_view);
        setState(State::Populated);
        if (!m_columnsSized) {
            m_columnsSized = true;
            // After the layout has made room for the details pane that setState() showed.
            QTimer::singleShot(0, this, &RunsPage::fitColumnsToView);
        }
        // The selected run may have changed (still running, renamed, finished): reread it.
        const qint64 selected = selectedRunId();
        if (selected >= 0)
            m_watcher->requestDetails(selected);
        else if (m_details->runId() >= 0)
            m_details->showHint();
    }
    Q_EMIT runsLoaded(int(snapshot.runs.size()));
}

void RunsPage::onRunsFailed(const QString &databasePath, const QString &reason)
{
    m_model->setRuns({}, 0);
    m_details->showHint();
    showMessage(true, tr("Cannot open the run store"),
                tr("The run store %1 could not be read.\n\n%2\n\nModelForge retries when the "
                   "file changes, or press F5.")
                    .arg(databasePath, reason));
    setState(State::Error);
}

void RunsPage::onDetailsLoaded(const RunDetails &details)
{
    if (details.run.id != selectedRunId())
        return;
    m_details->showDetails(details);
    Q_EMIT detailsShown(details.run.id);
}

void RunsPage::onDetailsFailed(qint64 runId, const QString &reason)
{
    if (runId == selectedRunId())
        m_details->showUnavailable(runId, reason);
}

void RunsPage::onSelectionChanged()
{
    const qint64 runId = selectedRunId();
    if (runId < 0) {
        m_details->showHint();
        return;
    }
    if (runId != m_details->runId())
        m_watcher->requestDetails(runId);
}

} // namespace mf
