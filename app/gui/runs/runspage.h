#pragma once

#include "app/gui/store/rundetails.h"
#include "app/gui/store/runmetrics.h"
#include "app/gui/store/runssnapshot.h"

#include <QList>
#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QScrollArea;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace mf {

class NoticeLabel;

class MessagePanel;
class ModelFileSaver;
class RunComparisonView;
class RunDetailsPane;
class RunStoreWatcher;
class RunsFilterBar;
class RunsProxyModel;
class RunsTableModel;

/// The Runs section: every run of the store in a sortable, filterable table; the details of the
/// selected run, or a comparison of the selected runs when there are several; renaming, tags,
/// notes, deleting and exporting runs. All store access happens on the watcher's worker thread.
class RunsPage : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Loading,
        Empty,
        Populated,
        Error
    };
    Q_ENUM(State)

    explicit RunsPage(QWidget *parent = nullptr);
    ~RunsPage() override;

    void setDatabasePath(const QString &databasePath);
    QString databasePath() const;
    /// The directory of the store: the workspace holding the run directories.
    QString workspaceDir() const;
    /// Reloads the runs now.
    void refresh();

    State state() const { return m_state; }
    /// The title and text shown in place of the table (loading, empty and error states).
    QString messageTitle() const;
    QString messageText() const;
    /// Runs listed by the last load.
    int runCount() const;
    qint64 lastLoadedAtMs() const { return m_lastLoadedAtMs; }

    /// Selects the run's row (clearing any filter that hides it); false when it is not listed.
    bool selectRun(qint64 runId);
    /// Selects these runs (clearing the filters); false when one of them is not listed.
    bool selectRuns(const QList<qint64> &runIds);
    /// The selected run when exactly one is selected, or -1.
    qint64 selectedRunId() const;
    /// The selected runs, by ascending id.
    QList<qint64> selectedRunIds() const;
    /// Whether the comparison of several runs replaces the details.
    bool isComparing() const;
    void clearFilters();

    /// Store writes; the table reloads when they are done.
    void renameRun(qint64 runId, const QString &name);
    void deleteRuns(const QList<qint64> &runIds, bool deleteFiles);
    /// Asks (naming the runs, offering to delete their files) and deletes the selected runs.
    void confirmDeleteSelected();
    /// Writes the runs' metrics to `path`, as JSON or CSV, on the worker thread.
    void exportRuns(const QList<qint64> &runIds, const QString &path, bool json);
    /// Asks for a file and exports the selected runs.
    void exportSelected();
    /// Writes run `runId`'s model file (.mfmodel) to `path` on a thread of its own.
    void saveModelFile(qint64 runId, const QString &path);
    /// Asks for a file and saves the selected run's model.
    void saveSelectedModel();
    /// The last confirmation or problem shown above the table; empty when none is shown.
    QString noticeText() const;
    /// Where the empty state leads (open a dataset, train a preset): a button each, in order.
    /// The page does not own the actions.
    void setEmptyStateActions(const QList<QAction *> &actions);
    /// Why the store cannot be written, as the last load found; empty when it can. The page
    /// then says so above the table and offers nothing that writes.
    QString readOnlyReason() const { return m_readOnlyReason; }
    QLabel *readOnlyBanner() const { return m_readOnlyBanner; }
    MessagePanel *messagePanel() const { return m_message; }

    RunsTableModel *model() const { return m_model; }
    RunsProxyModel *proxyModel() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const;
    RunsFilterBar *filterBar() const { return m_filterBar; }
    RunDetailsPane *detailsPane() const { return m_details; }
    RunComparisonView *comparisonView() const { return m_comparison; }
    QSplitter *splitter() const { return m_splitter; }
    RunStoreWatcher *watcher() const { return m_watcher; }
    QAction *renameAction() const { return m_renameAction; }
    QAction *resumeAction() const { return m_resumeAction; }
    QAction *openInTrainAction() const { return m_openInTrainAction; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *saveModelAction() const { return m_saveModelAction; }
    ModelFileSaver *modelFileSaver() const { return m_modelSaver; }
    QAction *deleteAction() const { return m_deleteAction; }

    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

Q_SIGNALS:
    void stateChanged(mf::RunsPage::State state);
    /// After each load that reached the table.
    void runsLoaded(int count);
    void detailsShown(qint64 runId);
    /// The comparison of these runs (ascending ids) shows their metrics.
    void comparisonShown(const QList<qint64> &runIds);
    void noticeShown(const QString &text, bool error);
    /// The user asks to continue an interrupted, stopped or failed run.
    void resumeRequested(qint64 runId);
    /// The user asks to open the run's configuration in the Train section.
    void openInTrainRequested(qint64 runId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    QWidget *createActionBar();
    void setState(State state);
    void fitColumnsToView();
    void showMessage(bool error, const QString &title, const QString &text);
    void showNotice(const QString &text, bool error);
    void updateActions();
    void onRunsLoaded(const mf::RunsSnapshot &snapshot);
    void onRunsFailed(const QString &databasePath, const QString &reason);
    void onDetailsLoaded(const mf::RunDetails &details);
    void onDetailsFailed(qint64 runId, const QString &reason);
    void onMetricsLoaded(const mf::RunsMetrics &metrics);
    void onSelectionChanged();
    void showComparisonPane(bool comparing);
    void setReadOnlyReason(const QString &reason);
    QString runLabel(qint64 runId) const;

    RunStoreWatcher *m_watcher;
    RunsTableModel *m_model;
    RunsProxyModel *m_proxy;
    RunsFilterBar *m_filterBar;
    NoticeLabel *m_notice;
    QLabel *m_readOnlyBanner;
    QTableView *m_view;
    MessagePanel *m_message;
    QStackedWidget *m_tableStack;
    QLabel *m_selectionLabel;
    RunDetailsPane *m_details;
    RunComparisonView *m_comparison;
    QScrollArea *m_comparisonScroll;
    QStackedWidget *m_rightStack;
    QSplitter *m_splitter;
    QAction *m_renameAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_openInTrainAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_saveModelAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QList<QAction *> m_emptyStateActions;
    ModelFileSaver *m_modelSaver = nullptr;
    QString m_readOnlyReason;
    QTimer m_comparisonTimer; ///< coalesces quick selection changes into one metrics request
    QTimer m_noticeTimer;
    State m_state = State::Idle;
    qint64 m_lastLoadedAtMs = 0;
    bool m_columnsSized = false;
    bool m_userSizedColumns = false; ///< a column was dragged (or restored): no more fitting
    bool m_fittingColumns = false;
    QByteArray m_splitterState; ///< the last layout with the details pane shown
    bool m_splitterRestorePending = false;
    QByteArray m_layoutBeforeComparison; ///< the splitter as it was before a comparison widened it
};

} // namespace mf
