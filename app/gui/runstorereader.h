#pragma once

#include "app/gui/rundetails.h"
#include "app/gui/runssnapshot.h"

#include <QObject>
#include <QString>

#include <memory>

namespace mf {

class RunStore;

/// Reads the run store with a connection of its own.
/// Threading: lives on a worker thread; call its methods only through queued invocations there.
/// Results leave through queued signals carrying plain value structs.
class RunStoreReader : public QObject
{
    Q_OBJECT
public:
    explicit RunStoreReader(QObject *parent = nullptr);
    ~RunStoreReader() override;

    /// Lists the runs. A missing database file is not created: it reads as no runs.
    void loadRuns(quint64 requestId, const QString &databasePath);
    void loadDetails(quint64 requestId, const QString &databasePath, qint64 runId);

Q_SIGNALS:
    void runsLoaded(quint64 requestId, const mf::RunsSnapshot &snapshot);
    void runsFailed(quint64 requestId, const QString &databasePath, const QString &reason);
    void detailsLoaded(quint64 requestId, const mf::RunDetails &details);
    void detailsFailed(quint64 requestId, qint64 runId, const QString &reason);

private:
    /// The open store for `databasePath`, opened on first use; nullptr when the file is absent.
    RunStore *store(const QString &databasePath);

    std::unique_ptr<RunStore> m_store;
    QString m_storePath;
};

} // namespace mf
