#include "app/gui/runs/runspage.h"

#include "app/gui/runs/deleterunsdialog.h"
#include "app/gui/runs/modelfilesaver.h"
#include "app/gui/runs/runcomparisonview.h"
#include "app/gui/runs/rundetailspane.h"
#include "app/gui/runs/runsfilterbar.h"
#include "app/gui/runs/runsproxymodel.h"
#include "app/gui/runs/runstablemodel.h"
#include "app/gui/store/runstorewatcher.h"
#include "widgets/messagepanel.h"
#include "widgets/noticelabel.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace mf {

namespace {

constexpr int kComparisonDelayMs = 150;
constexpr int kNoticeMs = 12000;

bool canResume(RunStatus status)
{
    return status == RunStatus::Interrupted || status == RunStatus::Stopped ||
           status == RunStatus::Failed;
}

QToolButton *toolButton(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

} // namespace

RunsPage::RunsPage(QWidget *parent)
    : QWidget(parent), m_watcher(new RunStoreWatcher(this)), m_model(new RunsTableModel(this)),
      m_proxy(new RunsProxyModel(this)), m_filterBar(new RunsFilterBar(m_proxy)),
      m_notice(new NoticeLabel), m_readOnlyBanner(new QLabel), m_view(new QTableView),
      m_message(new MessagePanel), m_tableStack(new QStackedWidget), m_selectionLabel(new QLabel),
      m_details(new RunDetailsPane), m_comparison(new RunComparisonView),
      m_comparisonScroll(new QScrollArea), m_rightStack(new QStackedWidget),
      m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("runsPage"));
    m_proxy->setSourceModel(m_model);
    m_modelSaver = new ModelFileSaver(this);
    connect(m_modelSaver, &ModelFileSaver::saved, this,
            [this](qint64 runId, const QString &path, const QString &precision, qint64 bytes) {
                showNotice(tr("Saved the %1 model of run #%2 to %3 (%4).")
                               .arg(precision, QString::number(runId),
                                    QDir::toNativeSeparators(path),
                                    QLocale().formattedDataSize(bytes)),
                           false);
                updateActions();
            });
    connect(m_modelSaver, &ModelFileSaver::failed, this,
            [this](qint64 runId, const QString &path, const QString &reason) {
                showNotice(tr("Could not save the model of run #%1 to %2: %3")
                               .arg(QString::number(runId), QDir::toNativeSeparators(path), reason),
                           true);
                updateActions();
            });

    m_notice->setObjectName(QStringLiteral("runsNotice"));
    m_noticeTimer.setSingleShot(true);
    m_noticeTimer.setInterval(kNoticeMs);
    connect(&m_noticeTimer, &QTimer::timeout, m_notice, &NoticeLabel::clearNotice);
    m_readOnlyBanner->setObjectName(QStringLiteral("runsReadOnlyBanner"));
    m_readOnlyBanner->setWordWrap(true);
    m_readOnlyBanner->setTextFormat(Qt::PlainText);
    m_readOnlyBanner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readOnlyBanner->setFrameShape(QFrame::StyledPanel);
    m_readOnlyBanner->setMargin(6);
    m_readOnlyBanner->hide();

    m_view->setObjectName(QStringLiteral("runsTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RunsTableModel::IdColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionsMovable(true);
    // Until the user sizes a column, the columns follow the table's width: names and datasets
    // elide only when there is no room for them (a comparison narrows the table).
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, this, [this] {
        if (!m_fittingColumns)
            m_userSizedColumns = true;
    });
    m_view->viewport()->installEventFilter(this);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunsPage::onSelectionChanged);

    m_tableStack->addWidget(m_view);
    m_tableStack->addWidget(m_message);

    createActions();

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(6);
    leftLayout->addWidget(m_filterBar);
    leftLayout->addWidget(m_readOnlyBanner);
    leftLayout->addWidget(m_notice);
    leftLayout->addWidget(m_tableStack, 1);
    leftLayout->addWidget(createActionBar());

    m_comparisonTimer.setSingleShot(true);
    m_comparisonTimer.setInterval(kComparisonDelayMs);
    connect(&m_comparisonTimer, &QTimer::timeout, this,
            [this] { m_watcher->requestMetrics(selectedRunIds()); });

    m_rightStack->addWidget(m_details);
    // Four charts and a table have a large minimum size; a scroll area keeps it from becoming
    // the minimum of the page (and the window) while no comparison is shown.
    m_comparisonScroll->setObjectName(QStringLiteral("runComparisonScroll"));
    m_comparisonScroll->setWidgetResizable(true);
    m_comparisonScroll->setFrameShape(QFrame::NoFrame);
    m_comparisonScroll->setWidget(m_comparison);
    m_rightStack->addWidget(m_comparisonScroll);
    m_rightStack->setMinimumWidth(280);
    m_splitter->setObjectName(QStringLiteral("runsSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_rightStack);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);
    // The table needs the room: eight columns against a pane of short key/value pairs.
    m_splitter->setSizes({680, 320});
    m_rightStack->setVisible(false);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_splitter);

    connect(m_watcher, &RunStoreWatcher::runsLoaded, this, &RunsPage::onRunsLoaded);
    connect(m_watcher, &RunStoreWatcher::runsFailed, this, &RunsPage::onRunsFailed);
    connect(m_watcher, &RunStoreWatcher::detailsLoaded, this, &RunsPage::onDetailsLoaded);
    connect(m_watcher, &RunStoreWatcher::detailsFailed, this, &RunsPage::onDetailsFailed);
    connect(m_watcher, &RunStoreWatcher::metricsLoaded, this, &RunsPage::onMetricsLoaded);
    connect(m_watcher, &RunStoreWatcher::metricsFailed, this, [this](const QString &reason) {
        if (isComparing())
            m_comparison->showError(reason);
    });
    connect(m_watcher, &RunStoreWatcher::runEdited, this, [this](qint64 runId) {
        if (runId == selectedRunId())
            m_watcher->requestDetails(runId);
    });
    connect(m_watcher, &RunStoreWatcher::writeFailed, this, [this](const QString &reason) {
        showNotice(tr("The change was not saved: %1").arg(reason), true);
    });
    connect(m_watcher, &RunStoreWatcher::runsDeleted, this,
            [this](const QList<qint64> &runIds, const QStringList &problems) {
                QString text = runIds.size() == 1
                                   ? tr("Deleted run #%1.").arg(runIds.first())
                                   : tr("Deleted %1 runs.").arg(QLocale().toString(runIds.size()));
                if (!problems.isEmpty())
                    text += QLatin1Char(' ') + tr("These run directories could not be removed: %1")
                                                   .arg(problems.join(QStringLiteral(", ")));
                showNotice(text, !problems.isEmpty());
            });
    connect(m_watcher, &RunStoreWatcher::exportFinished, this,
            [this](const QString &path, int runCount) {
                const QString target = QDir::toNativeSeparators(path);
                showNotice(runCount == 1 ? tr("Exported the metrics of 1 run to %1.").arg(target)
                                         : tr("Exported the metrics of %1 runs to %2.")
                                               .arg(QLocale().toString(runCount), target),
                           false);
            });
    connect(m_watcher, &RunStoreWatcher::exportFailed, this,
            [this](const QString &path, const QString &reason) {
                showNotice(
                    tr("Could not export to %1: %2").arg(QDir::toNativeSeparators(path), reason),
                    true);
            });

    connect(m_model, &RunsTableModel::renameRequested, this, &RunsPage::renameRun);
    connect(m_details, &RunDetailsPane::tagsEdited, m_watcher, &RunStoreWatcher::setRunTags);
    connect(m_details, &RunDetailsPane::notesEdited, m_watcher, &RunStoreWatcher::setRunNotes);
    updateActions();
}

RunsPage::~RunsPage() = default;

void RunsPage::createActions()
{
    m_renameAction = new QAction(tr("Rename"), this);
    m_renameAction->setShortcut(Qt::Key_F2);
    m_renameAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_renameAction, &QAction::triggered, this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (rows.size() != 1)
            return;
        const QModelIndex name = rows.first().siblingAtColumn(RunsTableModel::NameColumn);
        m_view->setCurrentIndex(name);
        m_view->edit(name);
    });

    m_resumeAction = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Resume"), this);
    connect(m_resumeAction, &QAction::triggered, this, [this] {
        if (m_resumeAction->isEnabled() && selectedRunId() >= 0)
            Q_EMIT resumeRequested(selectedRunId());
    });

    m_openInTrainAction =
        new QAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("Open in Train"), this);
    m_openInTrainAction->setToolTip(tr("Start a new run from the selected run's configuration"));
    connect(m_openInTrainAction, &QAction::triggered, this, [this] {
        if (selectedRunId() >= 0)
            Q_EMIT openInTrainRequested(selectedRunId());
    });

    m_exportAction =
        new QAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("Export…"), this);
    m_exportAction->setToolTip(tr("Write the metrics of the selected runs to a CSV or JSON file"));
    connect(m_exportAction, &QAction::triggered, this, &RunsPage::exportSelected);

    m_deleteAction = new QAction(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete…"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &RunsPage::confirmDeleteSelected);

    m_saveModelAction = new QAction(tr("Save Model File…"), this);
    m_saveModelAction->setToolTip(
        tr("Write the selected run's model as one file that modelforge-cli eval and predict load"));
    connect(m_saveModelAction, &QAction::triggered, this, &RunsPage::saveSelectedModel);

    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_renameAction, m_resumeAction, m_openInTrainAction, separator,
                        m_exportAction, m_saveModelAction, m_deleteAction});
}

QWidget *RunsPage::createActionBar()
{
    auto *bar = new QWidget;
    bar->setObjectName(QStringLiteral("runsActionBar"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(toolButton(m_resumeAction));
    layout->addWidget(toolButton(m_openInTrainAction));
    layout->addStretch(1);
    m_selectionLabel->setObjectName(QStringLiteral("runsSelectionLabel"));
    layout->addWidget(m_selectionLabel);
    layout->addSpacing(8);
    layout->addWidget(toolButton(m_exportAction));
    layout->addWidget(toolButton(m_deleteAction));
    return bar;
}

void RunsPage::setDatabasePath(const QString &databasePath)
{
    m_model->setRuns({}, 0);
    m_details->setWorkspaceDir(databasePath.isEmpty() ? QString()
                                                      : QFileInfo(databasePath).absolutePath());
    m_details->showHint();
    m_lastLoadedAtMs = 0;
    m_notice->clearNotice();
    setReadOnlyReason(QString());
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

QString RunsPage::workspaceDir() const
{
    const QString path = databasePath();
    return path.isEmpty() ? QString() : QFileInfo(path).absolutePath();
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

QLineEdit *RunsPage::filterEdit() const
{
    return m_filterBar->textEdit();
}

void RunsPage::clearFilters()
{
    m_filterBar->clear();
}

bool RunsPage::selectRun(qint64 runId)
{
    return selectRuns({runId});
}

bool RunsPage::selectRuns(const QList<qint64> &runIds)
{
    QList<int> sourceRows;
    for (qint64 id : runIds) {
        const int row = m_model->rowOfRun(id);
        if (row < 0)
            return false;
        sourceRows.append(row);
    }
    if (sourceRows.isEmpty())
        return false;
    bool hidden = false;
    for (int row : sourceRows)
        hidden = hidden || !m_proxy->mapFromSource(m_model->index(row, 0)).isValid();
    if (hidden)
        clearFilters();
    QItemSelection selection;
    for (int row : sourceRows) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        selection.select(index, index);
    }
    const QModelIndex first = m_proxy->mapFromSource(m_model->index(sourceRows.first(), 0));
    m_view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
    m_view->scrollTo(first);
    return true;
}

qint64 RunsPage::selectedRunId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return -1;
    return rows.first().data(RunsTableModel::RunIdRole).toLongLong();
}

QList<qint64> RunsPage::selectedRunIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        ids.append(row.data(RunsTableModel::RunIdRole).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool RunsPage::isComparing() const
{
    return m_rightStack->currentWidget() == m_comparisonScroll;
}

QString RunsPage::runLabel(qint64 runId) const
{
    const RunRecord *run = m_model->runAt(m_model->rowOfRun(runId));
    return run ? QString::fromStdString(run->name) : QString();
}

void RunsPage::renameRun(qint64 runId, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return;
    m_watcher->renameRun(runId, trimmed);
}

void RunsPage::deleteRuns(const QList<qint64> &runIds, bool deleteFiles)
{
    m_watcher->deleteRuns(runIds, deleteFiles);
}

void RunsPage::confirmDeleteSelected()
{
    const QList<qint64> ids = selectedRunIds();
    if (ids.isEmpty() || !m_deleteAction->isEnabled())
        return;
    QList<DeleteRunsDialog::Run> runs;
    for (qint64 id : ids)
        runs.append({id, runLabel(id)});
    DeleteRunsDialog dialog(runs, QDir(workspaceDir()).filePath(QStringLiteral("runs")), this);
    if (dialog.exec() == QDialog::Accepted)
        deleteRuns(ids, dialog.deleteFiles());
}

void RunsPage::exportRuns(const QList<qint64> &runIds, const QString &path, bool json)
{
    if (runIds.isEmpty() || path.isEmpty())
        return;
    showNotice(tr("Exporting…"), false);
    m_watcher->exportRuns(runIds, json, path);
}

void RunsPage::saveModelFile(qint64 runId, const QString &path)
{
    if (runId < 0 || path.isEmpty() || !m_modelSaver->save(runId, workspaceDir(), path))
        return;
    showNotice(tr("Saving the model of run #%1…").arg(runId), false);
    updateActions();
}

void RunsPage::saveSelectedModel()
{
    const qint64 runId = selectedRunId();
    if (runId < 0)
        return;
    const QString suggested =
        QDir(QDir::homePath()).filePath(QStringLiteral("run-%1.mfmodel").arg(runId));
    QString path = QFileDialog::getSaveFileName(this, tr("Save Model File"), suggested,
                                                tr("ModelForge models (*.mfmodel)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".mfmodel");
    saveModelFile(runId, path);
}

void RunsPage::exportSelected()
{
    const QList<qint64> ids = selectedRunIds();
    if (ids.isEmpty())
        return;
    QStringList idTexts;
    for (qint64 id : ids)
        idTexts.append(QString::number(id));
    const QString csvFilter = tr("CSV files (*.csv)");
    const QString jsonFilter = tr("JSON files (*.json)");
    QString chosenFilter = csvFilter;
    const QString suggested =
        QDir(QDir::homePath())
            .filePath(QStringLiteral("runs-%1.csv").arg(idTexts.join(QLatin1Char('-'))));
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export metrics"), suggested,
                                     csvFilter + QStringLiteral(";;") + jsonFilter, &chosenFilter);
    if (path.isEmpty())
        return;
    bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    if (QFileInfo(path).suffix().isEmpty()) {
        json = chosenFilter == jsonFilter;
        path += json ? QStringLiteral(".json") : QStringLiteral(".csv");
    }
    exportRuns(ids, path, json);
}

QString RunsPage::noticeText() const
{
    return m_notice->notice();
}

void RunsPage::showNotice(const QString &text, bool error)
{
    m_notice->showNotice(text, error);
    m_noticeTimer.start();
    Q_EMIT noticeShown(text, error);
}

void RunsPage::saveSettings(QSettings &settings) const
{
    const QByteArray splitterState = !m_layoutBeforeComparison.isEmpty() ? m_layoutBeforeComparison
                                     : m_rightStack->isVisible()         ? m_splitter->saveState()
                                                                         : m_splitterState;
    if (!splitterState.isEmpty())
        settings.setValue(QStringLiteral("runs/splitter"), splitterState);
    if (m_columnsSized)
        settings.setValue(QStringLiteral("runs/header"), m_view->horizontalHeader()->saveState());
}

void RunsPage::restoreSettings(const QSettings &settings)
{
    m_splitterState = settings.value(QStringLiteral("runs/splitter")).toByteArray();
    // The splitter is only restored while the details pane is in it: a hidden pane has no size.
    if (m_rightStack->isVisible())
        m_splitter->restoreState(m_splitterState);
    else
        m_splitterRestorePending = !m_splitterState.isEmpty();
    if (m_view->horizontalHeader()->restoreState(
            settings.value(QStringLiteral("runs/header")).toByteArray())) {
        m_columnsSized = true;
        m_userSizedColumns = true;
    }
}

bool RunsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize && m_columnsSized &&
        !m_userSizedColumns)
        QTimer::singleShot(0, this, &RunsPage::fitColumnsToView);
    return QWidget::eventFilter(watched, event);
}

void RunsPage::fitColumnsToView()
{
    if (m_userSizedColumns)
        return;
    const QScopedValueRollback fitting(m_fittingColumns, true);
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
    if (!populated && m_rightStack->isVisible())
        m_splitterState = m_splitter->saveState();
    m_rightStack->setVisible(populated);
    if (populated && m_splitterRestorePending) {
        m_splitter->restoreState(m_splitterState);
        m_splitterRestorePending = false;
    }
    m_filterBar->setEnabled(populated);
    updateActions();
    Q_EMIT stateChanged(state);
}

void RunsPage::showMessage(bool error, const QString &title, const QString &text)
{
    m_message->setMessage(error ? MessagePanel::Kind::Error : MessagePanel::Kind::Information,
                          title, text);
    m_tableStack->setCurrentWidget(m_message);
}

void RunsPage::updateActions()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const bool one = rows.size() == 1;
    const bool any = !rows.isEmpty() && m_state == State::Populated;
    bool anyRunning = false;
    for (const QModelIndex &row : rows)
        anyRunning = anyRunning ||
                     RunStatus(row.data(RunsTableModel::StatusRole).toInt()) == RunStatus::Running;
    const bool resumable =
        one && canResume(RunStatus(rows.first().data(RunsTableModel::StatusRole).toInt()));
    const bool writable = m_readOnlyReason.isEmpty();
    m_renameAction->setEnabled(one && writable);
    m_resumeAction->setEnabled(resumable && writable);
    m_openInTrainAction->setEnabled(one);
    m_exportAction->setEnabled(any);
    m_saveModelAction->setEnabled(one && m_state == State::Populated && !anyRunning &&
                                  !m_modelSaver->busy());
    m_deleteAction->setEnabled(any && !anyRunning && writable);
    m_deleteAction->setToolTip(!writable    ? tr("The workspace is read-only")
                               : anyRunning ? tr("A running run cannot be deleted; stop it first")
                                            : tr("Delete the selected runs"));
    m_resumeAction->setToolTip(writable ? tr("Continue the selected run from its last checkpoint")
                                        : tr("The workspace is read-only"));
    const QLocale locale;
    m_selectionLabel->setText(
        rows.isEmpty() ? QString()
                       : tr("%1 of %2 selected")
                             .arg(locale.toString(rows.size()), locale.toString(runCount())));
}

void RunsPage::onRunsLoaded(const RunsSnapshot &snapshot)
{
    m_lastLoadedAtMs = snapshot.takenAtMs;
    setReadOnlyReason(snapshot.readOnlyReason);
    m_model->setRuns(snapshot.runs, snapshot.takenAtMs);
    m_filterBar->updateChoices(*m_model);
    if (snapshot.runs.empty()) {
        m_details->showHint();
        showMessage(false, tr("No runs yet"),
                    tr("Train a model in the Train section, or with modelforge-cli train; its "
                       "run appears here, live.\n\nRuns are read from %1")
                        .arg(snapshot.databasePath));
        if (snapshot.readOnlyReason.isEmpty())
            m_message->setActions(m_emptyStateActions);
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
        else if (m_details->runId() >= 0 && selectedRunIds().isEmpty())
            m_details->showHint();
    }
    updateActions();
    Q_EMIT runsLoaded(int(snapshot.runs.size()));
}

void RunsPage::setEmptyStateActions(const QList<QAction *> &actions)
{
    m_emptyStateActions = actions;
    if (m_state == State::Empty && m_readOnlyReason.isEmpty())
        m_message->setActions(actions);
}

void RunsPage::setReadOnlyReason(const QString &reason)
{
    if (reason == m_readOnlyReason)
        return;
    m_readOnlyReason = reason;
    const bool readOnly = !reason.isEmpty();
    m_readOnlyBanner->setText(
        tr("Read-only workspace: %1. Runs can be viewed, compared, evaluated and exported; "
           "nothing can be renamed, tagged, deleted or resumed.")
            .arg(reason));
    m_readOnlyBanner->setVisible(readOnly);
    m_model->setEditable(!readOnly);
    m_details->setReadOnly(readOnly);
    updateActions();
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

void RunsPage::onMetricsLoaded(const RunsMetrics &metrics)
{
    if (!isComparing() || metrics.runIds != selectedRunIds())
        return;
    m_comparison->showMetrics(metrics);
    Q_EMIT comparisonShown(metrics.runIds);
}

void RunsPage::showComparisonPane(bool comparing)
{
    if (comparing == isComparing())
        return;
    if (comparing) {
        // Four charts side by side need more room than the details: widen the pane for the
        // comparison and give the details their layout back afterwards.
        m_layoutBeforeComparison = m_splitter->saveState();
        m_rightStack->setCurrentWidget(m_comparisonScroll);
        const QList<int> sizes = m_splitter->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        const int wanted = std::max(sizes.value(1), std::min(total * 3 / 5, total - 360));
        if (total > 0 && wanted > sizes.value(1))
            m_splitter->setSizes({total - wanted, wanted});
        return;
    }
    m_rightStack->setCurrentWidget(m_details);
    if (!m_layoutBeforeComparison.isEmpty())
        m_splitter->restoreState(m_layoutBeforeComparison);
    m_layoutBeforeComparison.clear();
}

void RunsPage::onSelectionChanged()
{
    updateActions();
    const QList<qint64> ids = selectedRunIds();
    if (ids.size() >= 2) {
        showComparisonPane(true);
        if (ids != m_comparison->runIds() || !m_comparison->isShowingMetrics()) {
            m_comparison->showLoading(ids);
            m_comparisonTimer.start();
        }
        return;
    }
    m_comparisonTimer.stop();
    showComparisonPane(false);
    if (ids.isEmpty()) {
        m_details->showHint();
        return;
    }
    if (ids.first() != m_details->runId())
        m_watcher->requestDetails(ids.first());
}

} // namespace mf
