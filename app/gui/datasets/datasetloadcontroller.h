#pragma once

#include "core/store/runrecord.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

namespace mf {

struct DatasetAnalysis;
class DatasetLoadWorker;
class LoadedDataset;

/// Opens datasets on a worker thread, then analyses them there (statistics, duplicates), and
/// keeps the recent-datasets list of the workspace's run store. Only the newest open request
/// reports: a result of an older one is dropped, and its analysis is cancelled.
class DatasetLoadController : public QObject
{
    Q_OBJECT
public:
    explicit DatasetLoadController(QObject *parent = nullptr);
    ~DatasetLoadController() override;

    /// Opens `path`; with `remember`, a successful open is recorded in the recent list.
    void open(const QString &path, bool remember = true);
    bool isLoading() const { return m_loading; }
    QString loadingPath() const { return m_loadingPath; }

    /// The run store that keeps the recent list; empty for none. Reads the list.
    void setDatabasePath(const QString &databasePath);
    QString databasePath() const { return m_databasePath; }
    void refreshRecent();

Q_SIGNALS:
    void loadingStarted(const QString &path);
    void loaded(std::shared_ptr<const mf::LoadedDataset> dataset);
    void failed(const QString &path, const QString &reason);
    void analysed(std::shared_ptr<const mf::LoadedDataset> dataset,
                  std::shared_ptr<const mf::DatasetAnalysis> analysis);
    void recentDatasetsChanged(const std::vector<mf::RecentDataset> &recent);
    void recentDatasetsFailed(const QString &reason);

private:
    void onOpened(quint64 requestId, std::shared_ptr<const mf::LoadedDataset> dataset);
    void onOpenFailed(quint64 requestId, const QString &path, const QString &reason);
    void onAnalysed(quint64 requestId, std::shared_ptr<const mf::DatasetAnalysis> analysis);

    QThread m_thread;
    DatasetLoadWorker *m_worker;
    QString m_databasePath;
    quint64 m_nextRequest = 1;
    quint64 m_currentRequest = 0;
    bool m_loading = false;
    bool m_remember = false;
    QString m_loadingPath;
    std::shared_ptr<const LoadedDataset> m_analysing;
    std::shared_ptr<std::atomic<bool>> m_cancelAnalysis;
};

} // namespace mf
