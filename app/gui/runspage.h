#pragma once

#include "app/gui/rundetails.h"
#include "app/gui/runssnapshot.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace mf {

class MessagePanel;
class RunDetailsPane;
class RunStoreWatcher;
class RunsProxyModel;
class RunsTableModel;

/// The Runs section: every run of the store in a sortable, filterable table, and the details of
/// the selected one. All store access happens on the watcher's worker thread.
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
    /// The selected run, or -1.
    qint64 selectedRunId() const;

    RunsTableModel *model() const { return m_model; }
    RunsProxyModel *proxyModel() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    RunDetailsPane *detailsPane() const { return m_details; }
    QSplitter *splitter() const { return m_splitter; }
    RunStoreWatcher *watcher() const { return m_watcher; }

    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

Q_SIGNALS:
    void stateChanged(mf::RunsPage::State state);
    /// After each load that reached the table.
    void runsLoaded(int count);
    void detailsShown(qint64 runId);

private:
    void setState(State state);
    void fitColumnsToView();
    void showMessage(bool error, const QString &title, const QString &text);
    void onRunsLoaded(const mf::RunsSnapshot &snapshot);
    void onRunsFailed(const QString &databasePath, const QString &reason);
    void onDetailsLoaded(const mf::RunDetails &details);
    void onDetailsFailed(qint64 runId, const QString &reason);
    void onSelectionChanged();

    RunStoreWatcher *m_watcher;
    RunsTableModel *m_model;
    RunsProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    MessagePanel *m_message;
    QStackedWidget *m_tableStack;
    RunDetailsPane *m_details;
    QSplitter *m_splitter;
    State m_state = State::Idle;
    qint64 m_lastLoadedAtMs = 0;
    bool m_columnsSized = false;
    QByteArray m_splitterState; ///< the last layout with the details pane shown
    bool m_splitterRestorePending = false;
};

} // namespace mf
