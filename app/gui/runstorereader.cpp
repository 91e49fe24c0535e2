#include "app/gui/runstorereader.h"

#include "core/store/runstore.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <exception>

namespace mf {

RunStoreReader::RunStoreReader(QObject *parent) : QObject(parent) {}

RunStoreReader::~RunStoreReader() = default;

RunStore *RunStoreReader::store(const QString &databasePath)
{
    if (!QFileInfo::exists(databasePath)) {
        // Deleted or never created: drop a connection to a file that is gone.
        m_store.reset();
        m_storePath.clear();
        return nullptr;
    }
    if (!m_store || m_storePath != databasePath) {
        m_store.reset();
        m_storePath.clear();
        m_store = std::make_unique<RunStore>(QFile::encodeName(databasePath).toStdString());
        m_storePath = databasePath;
    }
    return m_store.get();
}

void RunStoreReader::loadRuns(quint64 requestId, const QString &databasePath)
{
    try {
        RunsSnapshot snapshot;
        snapshot.databasePath = databasePath;
        if (RunStore *runStore = store(databasePath)) {
            snapshot.databaseExists = true;
            snapshot.runs = runStore->listRuns();
        }
        snapshot.takenAtMs = QDateTime::currentMSecsSinceEpoch();
        Q_EMIT runsLoaded(requestId, snapshot);
    } catch (const std::exception &error) {
        // A connection that failed once is reopened on the next request.
        m_store.reset();
        m_storePath.clear();
        Q_EMIT runsFailed(requestId, databasePath, QString::fromUtf8(error.what()));
    }
}

void RunStoreReader::loadDetails(quint64 requestId, const QString &databasePath, qint64 runId)
{
    try {
        RunStore *runStore = store(databasePath);
        std::optional<RunRecord> run = runStore ? runStore->run(runId) : std::nullopt;
        if (!run) {
            Q_EMIT detailsFailed(requestId, runId, tr("The run no longer exists."));
            return;
        }
        RunDetails details;
        details.run = std::move(*run);
        details.params = runStore->params(runId);
        details.latestMetrics = runStore->latestMetrics(runId);
        details.takenAtMs = QDateTime::currentMSecsSinceEpoch();
        Q_EMIT detailsLoaded(requestId, details);
    } catch (const std::exception &error) {
        m_store.reset();
        m_storePath.clear();
        Q_EMIT detailsFailed(requestId, runId, QString::fromUtf8(error.what()));
    }
}

} // namespace mf
