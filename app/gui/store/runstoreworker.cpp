#include "app/gui/store/runstoreworker.h"

#include "core/store/runexport.h"
#include "core/store/runstore.h"
#include "core/store/storeaccess.h"
#include "core/store/workspace.h"
#include "core/util/error.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <exception>
#include <stdexcept>
#include <string>

namespace mf {

namespace {

QString errorText(const std::exception &error)
{
    return QString::fromUtf8(error.what());
}

} // namespace

RunStoreWorker::RunStoreWorker(QObject *parent) : QObject(parent) {}

RunStoreWorker::~RunStoreWorker() = default;

RunStore *RunStoreWorker::store(const QString &databasePath)
{
    if (!QFileInfo::exists(databasePath)) {
        // Deleted or never created: drop a connection to a file that is gone.
        dropConnection();
        return nullptr;
    }
    if (!m_store || m_storePath != databasePath) {
        dropConnection();
        const std::string path = QFile::encodeName(databasePath).toStdString();
        m_store = std::make_unique<RunStore>(path, accessToRead(path));
        m_storePath = databasePath;
    }
    return m_store.get();
}

RunStore &RunStoreWorker::existingStore(const QString &databasePath)
{
    RunStore *runStore = store(databasePath);
    if (!runStore)
        throw Error(
            tr("The run store %1 does not exist any more.").arg(databasePath).toStdString());
    return *runStore;
}

void RunStoreWorker::dropConnection()
{
    m_store.reset();
    m_storePath.clear();
}

void RunStoreWorker::loadRuns(quint64 requestId, const QString &databasePath)
{
    try {
        RunsSnapshot snapshot;
        snapshot.databasePath = databasePath;
        if (RunStore *runStore = store(databasePath)) {
            snapshot.databaseExists = true;
            if (runStore->readOnly())
                snapshot.readOnlyReason =
                    QString::fromStdString(storeWriteProblem(runStore->path()).value_or(""));
            // A kept connection sees a killed run only when it looks again.
            runStore->recoverInterruptedRuns();
            snapshot.runs = runStore->listRuns();
        }
        snapshot.takenAtMs = QDateTime::currentMSecsSinceEpoch();
        Q_EMIT runsLoaded(requestId, snapshot);
    } catch (const std::exception &error) {
        // A connection that failed once is reopened on the next request.
        dropConnection();
        Q_EMIT runsFailed(requestId, databasePath, errorText(error));
    }
}

void RunStoreWorker::loadDetails(quint64 requestId, const QString &databasePath, qint64 runId)
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
        details.artifacts = runStore->artifacts(runId);
        if (const auto parent = details.params.find(kParentRunParam);
            parent != details.params.end()) {
            try {
                details.parent = runStore->run(std::stoll(parent->second));
            } catch (const std::logic_error &) {
                // Not a run id: shown as a param only.
            }
        }
        for (std::int64_t child : runStore->runsWithParam(kParentRunParam, std::to_string(runId)))
            if (std::optional<RunRecord> record = runStore->run(child))
                details.children.push_back(std::move(*record));
        details.takenAtMs = QDateTime::currentMSecsSinceEpoch();
        Q_EMIT detailsLoaded(requestId, details);
    } catch (const std::exception &error) {
        dropConnection();
        Q_EMIT detailsFailed(requestId, runId, errorText(error));
    }
}

void RunStoreWorker::loadMetrics(quint64 requestId, const QString &databasePath,
                                 const QList<qint64> &runIds)
{
    try {
        RunStore &runStore = existingStore(databasePath);
        RunsMetrics result;
        result.runIds = runIds;
        for (qint64 id : runIds) {
            std::optional<RunRecord> run = runStore.run(id);
            if (!run)
                continue;
            RunMetrics metrics;
            metrics.run = std::move(*run);
            metrics.params = runStore.params(id);
            metrics.series = buildMetricSeries(runStore.metrics(id));
            result.runs.push_back(std::move(metrics));
        }
        Q_EMIT metricsLoaded(requestId, result);
    } catch (const std::exception &error) {
        dropConnection();
        Q_EMIT metricsFailed(requestId, errorText(error));
    }
}

void RunStoreWorker::editRun(const QString &databasePath, qint64 runId, Edit edit,
                             const QString &text)
{
    try {
        RunStore &runStore = existingStore(databasePath);
        const std::string value = text.toStdString();
        switch (edit) {
        case Edit::Name:
            runStore.rename(runId, value);
            break;
        case Edit::Tags:
            runStore.setTags(runId, value);
            break;
        case Edit::Notes:
            runStore.setNotes(runId, value);
            break;
        }
        Q_EMIT runEdited(databasePath, runId);
    } catch (const std::exception &error) {
        dropConnection();
        Q_EMIT editFailed(databasePath, runId, errorText(error));
    }
}

void RunStoreWorker::deleteRuns(const QString &databasePath, const QList<qint64> &runIds,
                                bool deleteFiles)
{
    try {
        RunStore &runStore = existingStore(databasePath);
        const Workspace workspace{
            QFile::encodeName(QFileInfo(databasePath).absolutePath()).toStdString()};
        QStringList problems;
        for (qint64 id : runIds) {
            runStore.deleteRun(id);
            if (!deleteFiles)
                continue;
            QDir runDir(QFile::decodeName(workspace.runDir(id).c_str()));
            if (runDir.exists() && !runDir.removeRecursively())
                problems.append(runDir.path());
        }
        Q_EMIT runsDeleted(databasePath, runIds, problems);
    } catch (const std::exception &error) {
        dropConnection();
        Q_EMIT deleteFailed(databasePath, errorText(error));
    }
}

void RunStoreWorker::exportRuns(const QString &databasePath, const QList<qint64> &runIds, bool json,
                                const QString &path)
{
    try {
        RunStore &runStore = existingStore(databasePath);
        writeRunExport(runStore, std::vector<std::int64_t>(runIds.begin(), runIds.end()),
                       json ? RunExportFormat::Json : RunExportFormat::Csv,
                       QFile::encodeName(path).toStdString());
        Q_EMIT exportFinished(path, int(runIds.size()));
    } catch (const std::exception &error) {
        Q_EMIT exportFailed(path, errorText(error));
    }
}

} // namespace mf
