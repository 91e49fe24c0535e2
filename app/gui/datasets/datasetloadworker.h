#pragma once

#include "core/store/runrecord.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace mf {

struct DatasetAnalysis;
class LoadedDataset;
class RunStore;

/// Opens datasets, analyses them and keeps the recent-datasets list of the run store.
/// Threading: lives on the controller's worker thread; call its methods only through queued
/// invocations there. Results leave through queued signals carrying immutable shared data.
class DatasetLoadWorker : public QObject
{
    Q_OBJECT
public:
    explicit DatasetLoadWorker(QObject *parent = nullptr);
    ~DatasetLoadWorker() override;

    void open(quint64 requestId, const QString &path);
    /// Stops early, without a result, once `cancel` is set.
    void analyse(quint64 requestId, const std::shared_ptr<const mf::LoadedDataset> &dataset,
                 const std::shared_ptr<std::atomic<bool>> &cancel);
    /// Records the dataset in the store (created when missing), then reads the list back.
    void rememberDataset(const QString &databasePath, const QString &path, const QString &kind);
    /// Reads the list; a store that does not exist yet reads as an empty list.
    void readRecent(const QString &databasePath);

Q_SIGNALS:
    void opened(quint64 requestId, std::shared_ptr<const mf::LoadedDataset> dataset);
    void openFailed(quint64 requestId, const QString &path, const QString &reason);
    void analysed(quint64 requestId, std::shared_ptr<const mf::DatasetAnalysis> analysis);
    void recentRead(const QString &databasePath, const std::vector<mf::RecentDataset> &recent);
    void recentFailed(const QString &databasePath, const QString &reason);

private:
    RunStore *store(const QString &databasePath);

    std::unique_ptr<RunStore> m_store;
    QString m_storePath;
};

} // namespace mf
