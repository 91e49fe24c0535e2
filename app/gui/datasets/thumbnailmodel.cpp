#include "app/gui/datasets/thumbnailmodel.h"

#include "app/gui/datasets/loadeddataset.h"
#include "app/gui/datasets/sampleimage.h"

#include <QThread>

#include <algorithm>

namespace mf {

namespace {

constexpr int kDefaultCacheKb = 64 * 1024;

int costOf(const QImage &image)
{
    return std::max(1, static_cast<int>(image.sizeInBytes() / 1024));
}

} // namespace

ThumbnailModel::ThumbnailModel(QObject *parent) : QAbstractListModel(parent)
{
    m_cache.setMaxCost(kDefaultCacheKb);
    m_dispatchTimer.setSingleShot(true);
    m_dispatchTimer.setInterval(0);
    connect(&m_dispatchTimer, &QTimer::timeout, this, &ThumbnailModel::dispatch);
    // One core stays with the GUI thread.
    m_pool.setMaxThreadCount(std::clamp(QThread::idealThreadCount() - 1, 1, 4));
    m_pool.setObjectName(QStringLiteral("ThumbnailPool"));
}

ThumbnailModel::~ThumbnailModel()
{
    // Jobs post their results to this object: none may still run once it is gone.
    m_pool.clear();
    m_pool.waitForDone();
}

void ThumbnailModel::setDataset(std::shared_ptr<const LoadedDataset> dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    ++m_generation;
    m_cache.clear();
    m_pending.clear();
    m_queued.clear();
    if (!m_dataset || m_classFilter >= static_cast<int>(m_dataset->classNames().size()))
        m_classFilter = -1;
    rebuildRows();
    endResetModel();
}

void ThumbnailModel::setFilter(SplitFilter split, int classIndex)
{
    if (split == m_splitFilter && classIndex == m_classFilter)
        return;
    beginResetModel();
    m_splitFilter = split;
    m_classFilter = classIndex;
    // Cached thumbnails stay valid: they are kept by sample, not by row. Samples being drawn
    // stay queued until their batch comes back.
    for (const qint64 sample : m_pending)
        m_queued.remove(sample);
    m_pending.clear();
    rebuildRows();
    endResetModel();
}

void ThumbnailModel::setThumbnailSide(int side)
{
    if (side == m_side || side <= 0)
        return;
    m_side = side;
    ++m_generation;
    m_cache.clear();
    m_pending.clear();
    m_queued.clear();
    if (m_rowCount > 0)
        Q_EMIT dataChanged(index(0), index(static_cast<int>(m_rowCount) - 1),
                           {Qt::DecorationRole, ThumbnailRole, ThumbnailReadyRole});
}

void ThumbnailModel::setCacheCapacity(int thumbnails)
{
    m_cache.setMaxCost(std::max(1, thumbnails) *
                       costOf(QImage(m_side, m_side, QImage::Format_RGB888)));
}

void ThumbnailModel::rebuildRows()
{
    m_rows.clear();
    const qint64 count = m_dataset && m_dataset->hasImages() ? m_dataset->sampleCount() : 0;
    m_allRows = m_splitFilter == SplitFilter::All && m_classFilter < 0;
    if (m_allRows) {
        m_rowCount = count;
        return;
    }
    const qint64 trainCount = count > 0 ? m_dataset->trainCount() : 0;
    const qint64 first = m_splitFilter == SplitFilter::Test ? trainCount : 0;
    const qint64 end = m_splitFilter == SplitFilter::Train ? trainCount : count;
    for (qint64 sample = first; sample < end; ++sample)
        if (m_classFilter < 0 || m_dataset->labelOf(sample) == m_classFilter)
            m_rows.push_back(sample);
    m_rowCount = static_cast<qint64>(m_rows.size());
}

qint64 ThumbnailModel::sampleAt(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return -1;
    return m_allRows ? row : m_rows[static_cast<std::size_t>(row)];
}

int ThumbnailModel::rowOfSample(qint64 sample) const
{
    if (m_allRows)
        return sample >= 0 && sample < m_rowCount ? static_cast<int>(sample) : -1;
    const auto found = std::lower_bound(m_rows.begin(), m_rows.end(), sample);
    return found != m_rows.end() && *found == sample ? static_cast<int>(found - m_rows.begin())
                                                     : -1;
}

int ThumbnailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rowCount);
}

QVariant ThumbnailModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qint64 sample = sampleAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return m_dataset->className(m_dataset->labelOf(sample));
    case Qt::ToolTipRole: {
        const qint64 label = m_dataset->labelOf(sample);
        return tr("Sample %1 · %2 (class %3) · %4")
            .arg(sample)
            .arg(m_dataset->className(label))
            .arg(label)
            .arg(splitName(m_dataset->splitOf(sample)));
    }
    case Qt::DecorationRole:
    case ThumbnailRole:
        if (const QImage *image = m_cache.object(sample))
            return *image;
        requestThumbnail(sample);
        return {};
    case ThumbnailReadyRole:
        return m_cache.contains(sample);
    case SampleRole:
        return sample;
    case LabelRole:
        return static_cast<qint64>(m_dataset->labelOf(sample));
    case SplitRole:
        return m_dataset->splitOf(sample) == LoadedDataset::Split::Train ? 0 : 1;
    default:
        return {};
    }
}

QHash<int, QByteArray> ThumbnailModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(SampleRole, "sample");
    names.insert(LabelRole, "label");
    names.insert(SplitRole, "split");
    names.insert(ThumbnailRole, "thumbnail");
    names.insert(ThumbnailReadyRole, "thumbnailReady");
    return names;
}

void ThumbnailModel::requestThumbnail(qint64 sample) const
{
    if (m_queued.contains(sample))
        return;
    m_queued.insert(sample);
    m_pending.push_back(sample);
    // Rows asked for long ago have most likely scrolled out of view.
    while (static_cast<int>(m_pending.size()) > kMaxPending) {
        m_queued.remove(m_pending.front());
        m_pending.pop_front();
    }
    if (!m_dispatchTimer.isActive())
        m_dispatchTimer.start();
}

void ThumbnailModel::dispatch()
{
    while (m_jobsInFlight < m_pool.maxThreadCount() && !m_pending.empty()) {
        std::vector<qint64> samples;
        while (!m_pending.empty() && static_cast<int>(samples.size()) < kBatchSize) {
            samples.push_back(m_pending.back());
            m_pending.pop_back();
        }
        ++m_jobsInFlight;
        m_pool.start([this, dataset = m_dataset, generation = m_generation, side = m_side,
                      samples = std::move(samples)] {
            Batch batch;
            batch.generation = generation;
            batch.images.reserve(samples.size());
            for (const qint64 sample : samples)
                batch.images.emplace_back(sample,
                                          thumbnailImage(sampleImage(*dataset, sample), side));
            QMetaObject::invokeMethod(
                this, [this, batch = std::move(batch)] { acceptBatch(batch); },
                Qt::QueuedConnection);
        });
    }
}

void ThumbnailModel::acceptBatch(const Batch &batch)
{
    --m_jobsInFlight;
    if (batch.generation == m_generation) {
        std::vector<int> rows;
        rows.reserve(batch.images.size());
        for (const auto &[sample, image] : batch.images) {
            m_queued.remove(sample);
            if (image.isNull())
                continue;
            m_cache.insert(sample, new QImage(image), costOf(image));
            const int row = rowOfSample(sample);
            if (row >= 0)
                rows.push_back(row);
        }
        std::sort(rows.begin(), rows.end());
        const QList<int> roles{Qt::DecorationRole, ThumbnailRole, ThumbnailReadyRole};
        for (std::size_t i = 0; i < rows.size();) {
            std::size_t last = i;
            while (last + 1 < rows.size() && rows[last + 1] == rows[last] + 1)
                ++last;
            Q_EMIT dataChanged(index(rows[i]), index(rows[last]), roles);
            i = last + 1;
        }
    }
    if (!m_pending.empty())
        dispatch();
}

} // namespace mf
