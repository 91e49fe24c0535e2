#include "app/gui/store/runstorewatcher.h"

#include "app/gui/store/runstoreworker.h"

#include <QDateTime>
#include <QFileInfo>

#include <algorithm>

namespace mf {

RunStoreWatcher::RunStoreWatcher(QObject *parent) : QObject(parent), m_worker(new RunStoreWorker)
{
    qRegisterMetaType<mf::RunsSnapshot>();
    qRegisterMetaType<mf::RunDetails>();
    qRegisterMetaType<mf::RunsMetrics>();

    m_thread.setObjectName(QStringLiteral("RunStoreWorker"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &RunStoreWorker::runsLoaded, this, &RunStoreWatcher::onRunsLoaded);
    connect(m_worker, &RunStoreWorker::runsFailed, this, &RunStoreWatcher::onRunsFailed);
    connect(m_worker, &RunStoreWorker::detailsLoaded, this, &RunStoreWatcher::onDetailsLoaded);
    connect(m_worker, &RunStoreWorker::detailsFailed, this, &RunStoreWatcher::onDetailsFailed);
    connect(m_worker, &RunStoreWorker::metricsLoaded, this,
            [this](quint64 requestId, const RunsMetrics &metrics) {
                if (requestId == m_latestMetricsRequest)
                    Q_EMIT metricsLoaded(metrics);
            });
    connect(m_worker, &RunStoreWorker::metricsFailed, this,
            [this](quint64 requestId, const QString &reason) {
                if (requestId == m_latestMetricsRequest)
                    Q_EMIT metricsFailed(reason);
            });
    connect(m_worker, &RunStoreWorker::runEdited, this,
            [this](const QString &databasePath, qint64 runId) {
                if (databasePath != m_databasePath)
                    return;
                refresh();
                Q_EMIT runEdited(runId);
            });
    connect(m_worker, &RunStoreWorker::editFailed, this,
            [this](const QString &databasePath, qint64, const QString &reason) {
                if (databasePath != m_databasePath)
                    return;
                // The table shows what the store holds again.
                refresh();
                Q_EMIT writeFailed(reason);
            });
    connect(m_worker, &RunStoreWorker::runsDeleted, this,
            [this](const QString &databasePath, const QList<qint64> &runIds,
                   const QStringList &problems) {
                if (databasePath != m_databasePath)
                    return;
                refresh();
                Q_EMIT runsDeleted(runIds, problems);
            });
    connect(m_worker, &RunStoreWorker::deleteFailed, this,
            [this](const QString &databasePath, const QString &reason) {
                if (databasePath != m_databasePath)
                    return;
                refresh();
                Q_EMIT writeFailed(reason);
            });
    connect(m_worker, &RunStoreWorker::exportFinished, this, &RunStoreWatcher::exportFinished);
    connect(m_worker, &RunStoreWorker::exportFailed, this, &RunStoreWatcher::exportFailed);
    m_thread.start();

    m_pollTimer.setInterval(2000);
    connect(&m_pollTimer, &QTimer::timeout, this, &RunStoreWatcher::poll);
}

RunStoreWatcher::~RunStoreWatcher()
{
    m_thread.quit();
    m_thread.wait();
}

void RunStoreWatcher::setDatabasePath(const QString &databasePath)
{
    m_databasePath = databasePath;
    m_loadedSignature.clear();
    m_firstCurrentRequest = m_nextRequest;
    m_latestDetailsRequest = 0;
    m_latestMetricsRequest = 0;
    if (databasePath.isEmpty()) {
        m_pollTimer.stop();
        return;
    }
    m_pollTimer.start();
    refresh();
}

void RunStoreWatcher::setPollInterval(int milliseconds)
{
    m_pollTimer.setInterval(milliseconds);
}

void RunStoreWatcher::refresh()
{
    if (m_databasePath.isEmpty())
        return;
    if (m_runsInFlight) {
        m_reloadQueued = true;
        return;
    }
    startLoad();
}

void RunStoreWatcher::requestDetails(qint64 runId)
{
    if (m_databasePath.isEmpty())
        return;
    const quint64 requestId = m_nextRequest++;
    m_latestDetailsRequest = requestId;
    RunStoreWorker *worker = m_worker;
    const QString path = m_databasePath;
    QMetaObject::invokeMethod(
        worker, [worker, requestId, path, runId] { worker->loadDetails(requestId, path, runId); },
        Qt::QueuedConnection);
}

void RunStoreWatcher::requestMetrics(const QList<qint64> &runIds)
{
    if (m_databasePath.isEmpty())
        return;
    const quint64 requestId = m_nextRequest++;
    m_latestMetricsRequest = requestId;
    RunStoreWorker *worker = m_worker;
    const QString path = m_databasePath;
    QMetaObject::invokeMethod(
        worker, [worker, requestId, path, runIds] { worker->loadMetrics(requestId, path, runIds); },
        Qt::QueuedConnection);
}

void RunStoreWatcher::edit(qint64 runId, int edit, const QString &text)
{
    if (m_databasePath.isEmpty()) {
        Q_EMIT writeFailed(tr("No run store is open."));
        return;
    }
    RunStoreWorker *worker = m_worker;
    const QString path = m_databasePath;
    const auto kind = RunStoreWorker::Edit(edit);
    QMetaObject::invokeMethod(
        worker, [worker, path, runId, kind, text] { worker->editRun(path, runId, kind, text); },
        Qt::QueuedConnection);
}

void RunStoreWatcher::renameRun(qint64 runId, const QString &name)
{
    edit(runId, int(RunStoreWorker::Edit::Name), name);
}

void RunStoreWatcher::setRunTags(qint64 runId, const QString &tags)
{
    edit(runId, int(RunStoreWorker::Edit::Tags), tags);
}

void RunStoreWatcher::setRunNotes(qint64 runId, const QString &notes)
{
    edit(runId, int(RunStoreWorker::Edit::Notes), notes);
}

void RunStoreWatcher::deleteRuns(const QList<qint64> &runIds, bool deleteFiles)
{
    if (runIds.isEmpty())
        return;
    if (m_databasePath.isEmpty()) {
        Q_EMIT writeFailed(tr("No run store is open."));
        return;
    }
    RunStoreWorker *worker = m_worker;
    const QString path = m_databasePath;
    QMetaObject::invokeMethod(
        worker,
        [worker, path, runIds, deleteFiles] { worker->deleteRuns(path, runIds, deleteFiles); },
        Qt::QueuedConnection);
}

void RunStoreWatcher::exportRuns(const QList<qint64> &runIds, bool json, const QString &path)
{
    if (m_databasePath.isEmpty()) {
        Q_EMIT exportFailed(path, tr("No run store is open."));
        return;
    }
    RunStoreWorker *worker = m_worker;
    const QString databasePath = m_databasePath;
    QMetaObject::invokeMethod(
        worker,
        [worker, databasePath, runIds, json, path] {
            worker->exportRuns(databasePath, runIds, json, path);
        },
        Qt::QueuedConnection);
}

void RunStoreWatcher::poll()
{
    if (m_runsInFlight)
        return;
    const bool livenessDue = m_listsRunningRuns && m_sinceLoad.isValid() &&
                             m_sinceLoad.elapsed() >= m_livenessIntervalMs;
    if (livenessDue || fileSignature() != m_loadedSignature)
        refresh();
}

QString RunStoreWatcher::fileSignature() const
{
    QString signature;
    for (const QString &path : {m_databasePath, m_databasePath + QStringLiteral("-wal")}) {
        const QFileInfo info(path);
        if (!info.exists()) {
            signature += QStringLiteral("-;");
            continue;
        }
        signature += QStringLiteral("%1,%2,%3;")
                         .arg(info.size())
                         .arg(info.lastModified().toMSecsSinceEpoch())
                         .arg(int(info.permissions()));
    }
    return signature;
}

void RunStoreWatcher::startLoad()
{
    m_runsInFlight = true;
    m_reloadQueued = false;
    // Taken before the read, so a write during the read still differs on the next poll.
    m_pendingSignature = fileSignature();
    const quint64 requestId = m_nextRequest++;
    RunStoreWorker *worker = m_worker;
    const QString path = m_databasePath;
    QMetaObject::invokeMethod(
        worker, [worker, requestId, path] { worker->loadRuns(requestId, path); },
        Qt::QueuedConnection);
}

bool RunStoreWatcher::finishLoad(quint64 requestId)
{
    m_runsInFlight = false;
    const bool current = requestId >= m_firstCurrentRequest;
    if (current)
        m_loadedSignature = m_pendingSignature;
    if ((m_reloadQueued || !current) && !m_databasePath.isEmpty())
        startLoad();
    return current;
}

void RunStoreWatcher::onRunsLoaded(quint64 requestId, const RunsSnapshot &snapshot)
{
    if (!finishLoad(requestId))
        return;
    m_listsRunningRuns =
        std::any_of(snapshot.runs.begin(), snapshot.runs.end(),
                    [](const RunRecord &run) { return run.status == RunStatus::Running; });
    m_sinceLoad.start();
    Q_EMIT runsLoaded(snapshot);
}

void RunStoreWatcher::onRunsFailed(quint64 requestId, const QString &databasePath,
                                   const QString &reason)
{
    if (finishLoad(requestId))
        Q_EMIT runsFailed(databasePath, reason);
}

void RunStoreWatcher::onDetailsLoaded(quint64 requestId, const RunDetails &details)
{
    if (requestId == m_latestDetailsRequest)
        Q_EMIT detailsLoaded(details);
}

void RunStoreWatcher::onDetailsFailed(quint64 requestId, qint64 runId, const QString &reason)
{
    if (requestId == m_latestDetailsRequest)
        Q_EMIT detailsFailed(runId, reason);
}

} // namespace mf
