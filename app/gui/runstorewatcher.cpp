#include "app/gui/runstorewatcher.h"

#include "app/gui/runstorereader.h"

#include <QDateTime>
#include <QFileInfo>

namespace mf {

RunStoreWatcher::RunStoreWatcher(QObject *parent) : QObject(parent), m_reader(new RunStoreReader)
{
    qRegisterMetaType<mf::RunsSnapshot>();
    qRegisterMetaType<mf::RunDetails>();

    m_thread.setObjectName(QStringLiteral("RunStoreReader"));
    m_reader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(m_reader, &RunStoreReader::runsLoaded, this, &RunStoreWatcher::onRunsLoaded);
    connect(m_reader, &RunStoreReader::runsFailed, this, &RunStoreWatcher::onRunsFailed);
    connect(m_reader, &RunStoreReader::detailsLoaded, this, &RunStoreWatcher::onDetailsLoaded);
    connect(m_reader, &RunStoreReader::detailsFailed, this, &RunStoreWatcher::onDetailsFailed);
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

void RunStoreWatcher::poll()
{
    if (!m_runsInFlight && fileSignature() != m_loadedSignature)
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
    if (finishLoad(requestId))
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
