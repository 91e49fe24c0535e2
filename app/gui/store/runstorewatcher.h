#pragma once

#include "app/gui/store/rundetails.h"
#include "app/gui/store/runmetrics.h"
#include "app/gui/store/runssnapshot.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QTimer>

namespace mf {

class RunStoreWorker;

/// Keeps the GUI's view of a run store current without blocking the GUI thread: a
/// RunStoreWorker on a worker thread does the SQLite work, and a timer checks every
/// pollInterval whether the database or its WAL file changed and then reloads. While the store
/// lists RUNNING runs it also reloads every livenessInterval unchanged or not, because a run
/// whose process was killed changes nothing: each load marks such runs INTERRUPTED
/// (RunStore::recoverInterruptedRuns).
/// Threading: GUI thread only; signals are emitted on the GUI thread.
class RunStoreWatcher : public QObject
{
    Q_OBJECT
public:
    explicit RunStoreWatcher(QObject *parent = nullptr);
    ~RunStoreWatcher() override;

    /// Watches another database (or none, for an empty path) and loads it.
    void setDatabasePath(const QString &databasePath);
    QString databasePath() const { return m_databasePath; }

    void setPollInterval(int milliseconds);
    int pollInterval() const { return m_pollTimer.interval(); }
    void setLivenessInterval(int milliseconds) { m_livenessIntervalMs = milliseconds; }

    /// Reloads now, changed or not. Requests made while a load runs are coalesced into one.
    void refresh();
    /// Loads the details of one run; only the answer to the latest request is delivered.
    void requestDetails(qint64 runId);
    /// Loads the parameters and metric series of runs; only the answer to the latest request
    /// is delivered.
    void requestMetrics(const QList<qint64> &runIds);
    bool isLoading() const { return m_runsInFlight; }

    /// Store writes, done on the worker; each success reloads the runs.
    void renameRun(qint64 runId, const QString &name);
    void setRunTags(qint64 runId, const QString &tags);
    void setRunNotes(qint64 runId, const QString &notes);
    void deleteRuns(const QList<qint64> &runIds, bool deleteFiles);
    /// Writes the runs' metrics to `path` as CSV or JSON (core/store/runexport.h).
    void exportRuns(const QList<qint64> &runIds, bool json, const QString &path);

Q_SIGNALS:
    void runsLoaded(const mf::RunsSnapshot &snapshot);
    void runsFailed(const QString &databasePath, const QString &reason);
    void detailsLoaded(const mf::RunDetails &details);
    void detailsFailed(qint64 runId, const QString &reason);
    void metricsLoaded(const mf::RunsMetrics &metrics);
    void metricsFailed(const QString &reason);
    void runEdited(qint64 runId);
    /// A rename, tags, notes or delete request failed.
    void writeFailed(const QString &reason);
    /// `problems`: run directories that could not be removed.
    void runsDeleted(const QList<qint64> &runIds, const QStringList &problems);
    void exportFinished(const QString &path, int runCount);
    void exportFailed(const QString &path, const QString &reason);

private:
    void poll();
    QString fileSignature() const;
    void startLoad();
    void onRunsLoaded(quint64 requestId, const mf::RunsSnapshot &snapshot);
    void onRunsFailed(quint64 requestId, const QString &databasePath, const QString &reason);
    void onDetailsLoaded(quint64 requestId, const mf::RunDetails &details);
    void onDetailsFailed(quint64 requestId, qint64 runId, const QString &reason);
    bool finishLoad(quint64 requestId);
    void edit(qint64 runId, int edit, const QString &text);

    QThread m_thread;
    RunStoreWorker *m_worker;
    QTimer m_pollTimer;
    QString m_databasePath;
    QString m_loadedSignature;
    QString m_pendingSignature;
    quint64 m_nextRequest = 1;
    quint64 m_firstCurrentRequest = 1; ///< answers to earlier requests concern an older path
    quint64 m_latestDetailsRequest = 0;
    quint64 m_latestMetricsRequest = 0;
    bool m_runsInFlight = false;
    bool m_reloadQueued = false;
    bool m_listsRunningRuns = false;
    int m_livenessIntervalMs = 5000;
    QElapsedTimer m_sinceLoad;
};

} // namespace mf
