#include "app/gui/runstorewatcher.h"

#include "app/gui/runstorereader.h"

#include <QDateTime>
#include <QFileInfo>

#include <algorithm>

namespace mf {

RunStoreWatcher::RunStoreWatcher(QObject *parent) : QObject(parent), m_reader(new RunStoreReader)
{
    qRegisterMetaType<mf::RunsSnapshot>();
    qRegisterMetaType<mf::RunDetails>();
    qRegisterMetaType<mf::RunsMetrics>();

    m_thread.setObjectName(QStringLiteral("RunStoreReader"));
    m_reader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(m_reader, &RunStoreReader::runsLoaded, this, &RunStoreWatcher::onRunsLoaded);
    connect(m_reader, &RunStoreReader::runsFailed, this, &RunStoreWatcher::onRunsFailed);
    connect(m_reader, &RunStoreReader::detailsLoaded, this, &RunStoreWatcher::onDetailsLoaded);
    connect(m_reader, &RunStoreReader::detailsFailed, this, &RunStoreWatcher::onDetailsFailed);
    connect(m_reader, &RunStoreReader::metricsLoaded, this,
            [this](quint64 requestId, const RunsMetrics &metrics) {
                if (requestId == m_latestMetricsRequest)
                    Q_EMIT metricsLoaded(metrics);
            });
    connect(m_reader, &RunStoreReader::metricsFailed, this,
            [this](quint64 requestId, const QString &reason) {
                if (requestId == m_latestMetricsRequest)
                    Q_EMIT metricsFailed(reason);
            });
    connect(m_reader, &RunStoreReader::runEdited, this,
            [this](const QString &databasePath, qint64 runId) {
                if (databasePath != m_databasePath)
                    return;
                refresh();
                Q_EMIT runEdited(runId);
            });
    connect(m_reader, &RunStoreReader::editFailed, this,
            [this](const QString &databasePath, qint64, const QString &reason) {
                if (databasePath != m_databasePath)
                    return;
                // The table shows what the store holds again.
                refresh();
                Q_EMIT writeFailed(reason);
            });
    connect(m_reader, &RunStoreReader::runsDeleted, this,
            [this](const QString &databasePath, const QList<qint64> &runIds,
                   const QStringList &problems) {
                if (databasePath != m_databasePath)
                    return;
                refresh();
                Q_EMIT runsDeleted(runIds, problems);
            });
    connect(m_reader, &RunStoreReader::deleteFailed, this,
            [this](const QString &databasePath, const QString &reason) {
                if (databasePath != m_databasePath)
                    return;
                refresh();
                Q_EMIT writeFailed(reason);
            });
    connect(m_reader, &RunStoreReader::exportFinished, this, &RunStoreWatcher::exportFinished);
    connect(m_reader, &RunStoreReader::exportFailed, this, &RunStoreWatcher::exportFailed);
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
    RunStoreReader *reader = m_reader;
    const QString path = m_databasePath;
    QMetaObject::invokeMethod(
        reader, [reader, requestId, path, runId] { reader->loadDetails(requestId, path, runId); },
        Qt::QueuedConnection);
}

void RunStoreWatcher::requestMetrics(const QList<qint64> &runIds)
{
    if (m_databasePath.isEmpty())
        return;
    const quint64 requestId = m_nextRequest++;
    m_latestMetricsRequest = requestId;
    RunStoreReader *reader = m_reader;
    const QString path = m_databasePath;
    QMetaObject::invokeMethod(
        reader, [reader, requestId, path, runIds] { reader->loadMetrics(requestId, path, runIds); },
        Qt::QueuedConnection);
}

void RunStoreWatcher::edit(qint64 runId, int edit, const QString &text)
{
    if (m_databasePath.isEmpty()) {
        Q_EMIT writeFailed(tr("No run store is open."));
        return;
    }
    RunStoreReader *reader = m_reader;
    const QString path = m_databasePath;
    const auto kind = RunStoreReader::Edit(edit);
    QMetaObject::invokeMethod(
        reader, [reader, path, runId, kind, text] { reader->editRun(path, runId, kind, text); },
        Qt::QueuedConnection);
}

void RunStoreWatcher::renameRun(qint64 runId, const QString &name)
{
    edit(runId, int(RunStoreReader::Edit::Name), name);
}

void RunStoreWatcher::setRunTags(qint64 runId, const QString &tags)
{
    edit(runId, int(RunStoreReader::Edit::Tags), tags);
}

void RunStoreWatcher::setRunNotes(qint64 runId, const QString &notes)
{
    edit(runId, int(RunStoreReader::Edit::Notes), notes);
}

void RunStoreWatcher::deleteRuns(const QList<qint64> &runIds, bool deleteFiles)
{
    if (runIds.isEmpty())
        return;
    if (m_databasePath.isEmpty()) {
        Q_EMIT writeFailed(tr("No run store is open."));
        return;
    }
    RunStoreReader *reader = m_reader;
    const QString path = m_databasePath;
    QMetaObject::invokeMethod(
        reader,
        [reader, path, runIds, deleteFiles] { reader->deleteRuns(path, runIds, deleteFiles); },
        Qt::QueuedConnection);
}

void RunStoreWatcher::exportRuns(const QList<qint64> &runIds, bool json, const QString &path)
{
    if (m_databasePath.isEmpty()) {
        Q_EMIT exportFailed(path, tr("No run store is open."));
        return;
    }
    RunStoreReader *reader = m_reader;
    const QString databasePath = m_databasePath;
    QMetaObject::invokeMethod(
        reader,
        [reader, databasePath, runIds, json, path] {
            reader->exportRuns(databasePath, runIds, json, path);
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
    RunStoreReader *reader = m_reader;
    const QString path = m_databasePath;
    QMetaObject::invokeMethod(
        reader, [reader, requestId, path] { reader->loadRuns(requestId, path); },
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
