#include "app/gui/datasets/datasetloadworker.h"

#include "app/gui/datasets/datasetanalysis.h"
#include "app/gui/datasets/datasetopener.h"
#include "core/store/runstore.h"
#include "core/store/storeaccess.h"
#include "core/util/error.h"

#include <QFile>
#include <QFileInfo>

#include <exception>
#include <new>

namespace mf {

namespace {

constexpr int kRecentShown = 10;

std::string encoded(const QString &path)
{
    return QFile::encodeName(path).toStdString();
}

} // namespace

DatasetLoadWorker::DatasetLoadWorker(QObject *parent) : QObject(parent) {}

DatasetLoadWorker::~DatasetLoadWorker() = default;

void DatasetLoadWorker::open(quint64 requestId, const QString &path)
{
    try {
        std::shared_ptr<const LoadedDataset> dataset = openDatasetForBrowsing(encoded(path));
        Q_EMIT opened(requestId, std::move(dataset));
    } catch (const std::bad_alloc &) {
        Q_EMIT openFailed(requestId, path, tr("%1: not enough memory to load it").arg(path));
    } catch (const std::exception &error) {
        Q_EMIT openFailed(requestId, path, QString::fromStdString(error.what()));
    }
}

void DatasetLoadWorker::analyse(quint64 requestId,
                                const std::shared_ptr<const LoadedDataset> &dataset,
                                const std::shared_ptr<std::atomic<bool>> &cancel)
{
    if (cancel->load())
        return;
    try {
        auto analysis =
            std::make_shared<const DatasetAnalysis>(analyseDataset(*dataset, cancel.get()));
        if (!cancel->load())
            Q_EMIT analysed(requestId, std::move(analysis));
    } catch (const std::exception &) {
        // The views keep what loading showed; the statistics stay "not available".
        Q_EMIT analysed(requestId, std::make_shared<const DatasetAnalysis>());
    }
}

RunStore *DatasetLoadWorker::store(const QString &databasePath)
{
    if (!m_store || m_storePath != databasePath) {
        m_store.reset();
        const std::string path = encoded(databasePath);
        m_store = std::make_unique<RunStore>(path, accessToRead(path));
        m_storePath = databasePath;
    }
    return m_store.get();
}

void DatasetLoadWorker::rememberDataset(const QString &databasePath, const QString &path,
                                        const QString &kind)
{
    try {
        RunStore *runStore = store(databasePath);
        // A workspace that cannot be written keeps the list it has.
        if (!runStore->readOnly())
            runStore->touchRecentDataset(encoded(path), kind.toStdString());
        Q_EMIT recentRead(databasePath, runStore->recentDatasets(kRecentShown));
    } catch (const std::exception &error) {
        m_store.reset();
        Q_EMIT recentFailed(databasePath, QString::fromStdString(error.what()));
    }
}

void DatasetLoadWorker::readRecent(const QString &databasePath)
{
    // Looking must not create a store in a workspace that has none.
    if (!QFileInfo(databasePath).isFile()) {
        Q_EMIT recentRead(databasePath, {});
        return;
    }
    try {
        Q_EMIT recentRead(databasePath, store(databasePath)->recentDatasets(kRecentShown));
    } catch (const std::exception &error) {
        m_store.reset();
        Q_EMIT recentFailed(databasePath, QString::fromStdString(error.what()));
    }
}

} // namespace mf
