#include "app/gui/datasets/datasetloadcontroller.h"

#include "app/gui/datasets/datasetanalysis.h"
#include "app/gui/datasets/datasetloadworker.h"
#include "app/gui/datasets/loadeddataset.h"

namespace mf {

DatasetLoadController::DatasetLoadController(QObject *parent)
    : QObject(parent), m_worker(new DatasetLoadWorker)
{
    qRegisterMetaType<std::shared_ptr<const mf::LoadedDataset>>();
    qRegisterMetaType<std::shared_ptr<const mf::DatasetAnalysis>>();
    qRegisterMetaType<std::vector<mf::RecentDataset>>();

    m_thread.setObjectName(QStringLiteral("DatasetLoader"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &DatasetLoadWorker::opened, this, &DatasetLoadController::onOpened);
    connect(m_worker, &DatasetLoadWorker::openFailed, this, &DatasetLoadController::onOpenFailed);
    connect(m_worker, &DatasetLoadWorker::analysed, this, &DatasetLoadController::onAnalysed);
    connect(m_worker, &DatasetLoadWorker::recentRead, this,
            [this](const QString &databasePath, const std::vector<RecentDataset> &recent) {
                if (databasePath == m_databasePath)
                    Q_EMIT recentDatasetsChanged(recent);
            });
    connect(m_worker, &DatasetLoadWorker::recentFailed, this,
            [this](const QString &databasePath, const QString &reason) {
                if (databasePath == m_databasePath)
                    Q_EMIT recentDatasetsFailed(reason);
            });
    m_thread.start();
}

DatasetLoadController::~DatasetLoadController()
{
    if (m_cancelAnalysis)
        m_cancelAnalysis->store(true);
    m_thread.quit();
    m_thread.wait();
}

void DatasetLoadController::open(const QString &path, bool remember)
{
    if (m_cancelAnalysis)
        m_cancelAnalysis->store(true);
    m_cancelAnalysis.reset();
    m_analysing.reset();
    const quint64 requestId = m_nextRequest++;
    m_currentRequest = requestId;
    m_loading = true;
    m_remember = remember;
    m_loadingPath = path;
    DatasetLoadWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, requestId, path] { worker->open(requestId, path); }, Qt::QueuedConnection);
    Q_EMIT loadingStarted(path);
}

void DatasetLoadController::setDatabasePath(const QString &databasePath)
{
    m_databasePath = databasePath;
    refreshRecent();
}

void DatasetLoadController::refreshRecent()
{
    if (m_databasePath.isEmpty()) {
        Q_EMIT recentDatasetsChanged({});
        return;
    }
    DatasetLoadWorker *worker = m_worker;
    const QString databasePath = m_databasePath;
    QMetaObject::invokeMethod(
        worker, [worker, databasePath] { worker->readRecent(databasePath); }, Qt::QueuedConnection);
}

void DatasetLoadController::onOpened(quint64 requestId,
                                     std::shared_ptr<const LoadedDataset> dataset)
{
    if (requestId != m_currentRequest)
        return;
    m_loading = false;
    m_loadingPath.clear();
    DatasetLoadWorker *worker = m_worker;
    if (m_remember && !m_databasePath.isEmpty()) {
        const QString databasePath = m_databasePath;
        const QString path = dataset->path;
        const QString kind = QString::fromStdString(dataset->format);
        QMetaObject::invokeMethod(
            worker,
            [worker, databasePath, path, kind] {
                worker->rememberDataset(databasePath, path, kind);
            },
            Qt::QueuedConnection);
    }
    // Shown first, analysed second: the grid fills while the full pass runs.
    m_analysing = dataset;
    m_cancelAnalysis = std::make_shared<std::atomic<bool>>(false);
    const auto cancel = m_cancelAnalysis;
    QMetaObject::invokeMethod(
        worker,
        [worker, requestId, dataset, cancel] { worker->analyse(requestId, dataset, cancel); },
        Qt::QueuedConnection);
    Q_EMIT loaded(std::move(dataset));
}

void DatasetLoadController::onOpenFailed(quint64 requestId, const QString &path,
                                         const QString &reason)
{
    if (requestId != m_currentRequest)
        return;
    m_loading = false;
    m_loadingPath.clear();
    Q_EMIT failed(path, reason);
}

void DatasetLoadController::onAnalysed(quint64 requestId,
                                       std::shared_ptr<const DatasetAnalysis> analysis)
{
    if (requestId != m_currentRequest || !m_analysing)
        return;
    const std::shared_ptr<const LoadedDataset> dataset = std::move(m_analysing);
    m_cancelAnalysis.reset();
    Q_EMIT analysed(dataset, std::move(analysis));
}

} // namespace mf
