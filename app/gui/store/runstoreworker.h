#pragma once

#include "app/gui/store/rundetails.h"
#include "app/gui/store/runmetrics.h"
#include "app/gui/store/runssnapshot.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace mf {

class RunStore;

/// Reads the run store with a connection of its own, and makes the GUI's few writes to it
/// (rename, tags, notes, delete) and its exports.
/// Threading: lives on a worker thread; call its methods only through queued invocations there.
/// Results leave through queued signals carrying plain value structs.
class RunStoreWorker : public QObject
{
    Q_OBJECT
public:
    enum class Edit
    {
        Name,
        Tags,
        Notes
    };
    Q_ENUM(Edit)

    explicit RunStoreWorker(QObject *parent = nullptr);
    ~RunStoreWorker() override;

    /// Lists the runs. A missing database file is not created: it reads as no runs.
    void loadRuns(quint64 requestId, const QString &databasePath);
    void loadDetails(quint64 requestId, const QString &databasePath, qint64 runId);
    /// Parameters and metric series of each run, in the order asked for (unknown runs skipped).
    void loadMetrics(quint64 requestId, const QString &databasePath, const QList<qint64> &runIds);

    void editRun(const QString &databasePath, qint64 runId, Edit edit, const QString &text);
    /// Deletes the runs from the store and, with `deleteFiles`, their run directories
    /// (<workspace>/runs/<id>, the workspace being the database's directory).
    void deleteRuns(const QString &databasePath, const QList<qint64> &runIds, bool deleteFiles);
    /// Writes the runs' metrics to `path` (CSV or JSON, see core/store/runexport.h).
    void exportRuns(const QString &databasePath, const QList<qint64> &runIds, bool json,
                    const QString &path);

Q_SIGNALS:
    void runsLoaded(quint64 requestId, const mf::RunsSnapshot &snapshot);
    void runsFailed(quint64 requestId, const QString &databasePath, const QString &reason);
    void detailsLoaded(quint64 requestId, const mf::RunDetails &details);
    void detailsFailed(quint64 requestId, qint64 runId, const QString &reason);
    void metricsLoaded(quint64 requestId, const mf::RunsMetrics &metrics);
    void metricsFailed(quint64 requestId, const QString &reason);
    void runEdited(const QString &databasePath, qint64 runId);
    void editFailed(const QString &databasePath, qint64 runId, const QString &reason);
    /// `problems`: run directories that could not be removed (the runs are gone from the store).
    void runsDeleted(const QString &databasePath, const QList<qint64> &runIds,
                     const QStringList &problems);
    void deleteFailed(const QString &databasePath, const QString &reason);
    void exportFinished(const QString &path, int runCount);
    void exportFailed(const QString &path, const QString &reason);

private:
    /// The open store for `databasePath`, opened on first use; nullptr when the file is absent.
    RunStore *store(const QString &databasePath);
    /// Like store(), but a missing database is an error (mf::Error).
    RunStore &existingStore(const QString &databasePath);
    void dropConnection();

    std::unique_ptr<RunStore> m_store;
    QString m_storePath;
};

} // namespace mf
