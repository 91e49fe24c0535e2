#pragma once

#include <QAbstractListModel>
#include <QCache>
#include <QImage>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <deque>
#include <memory>
#include <utility>
#include <vector>

namespace mf {

class LoadedDataset;

/// The image samples of a loaded dataset as a flat list, optionally filtered by split and class.
/// Thumbnails are drawn lazily: asking for the decoration of a row that has none queues it, a
/// thread pool draws the newest requests first, and dataChanged announces each batch. Until
/// then the decoration is invalid (the delegate draws a placeholder). At most `cacheCapacity`
/// thumbnails are kept, so a 70,000-image set never holds 70,000 images twice.
class ThumbnailModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        SampleRole = Qt::UserRole, ///< qint64: the sample index across train and test
        LabelRole,                 ///< qint64: the class index
        SplitRole,                 ///< int: 0 train, 1 test
        ThumbnailRole,             ///< QImage, or invalid while it is being drawn (queues it)
        ThumbnailReadyRole         ///< bool, without queueing anything
    };
    enum class SplitFilter
    {
        All,
        Train,
        Test
    };

    explicit ThumbnailModel(QObject *parent = nullptr);
    ~ThumbnailModel() override;

    void setDataset(std::shared_ptr<const LoadedDataset> dataset);
    std::shared_ptr<const LoadedDataset> dataset() const { return m_dataset; }

    /// Shows the samples of `split` and of class `classIndex` (-1: every class).
    void setFilter(SplitFilter split, int classIndex);
    SplitFilter splitFilter() const { return m_splitFilter; }
    int classFilter() const { return m_classFilter; }

    void setThumbnailSide(int side);
    int thumbnailSide() const { return m_side; }
    void setCacheCapacity(int thumbnails);

    qint64 sampleAt(int row) const;
    /// The row showing `sample`, or -1 when the filter hides it.
    int rowOfSample(qint64 sample) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// No thumbnail queued or being drawn.
    bool isIdle() const { return m_pending.empty() && m_jobsInFlight == 0; }

    static constexpr int kBatchSize = 48;
    static constexpr int kMaxPending = 1024;

private:
    struct Batch
    {
        quint64 generation = 0;
        std::vector<std::pair<qint64, QImage>> images;
    };

    void requestThumbnail(qint64 sample) const;
    void dispatch();
    void acceptBatch(const Batch &batch);
    void rebuildRows();

    std::shared_ptr<const LoadedDataset> m_dataset;
    SplitFilter m_splitFilter = SplitFilter::All;
    int m_classFilter = -1;
    bool m_allRows = true;      ///< no filter: row == sample, no index list needed
    std::vector<qint64> m_rows; ///< the samples shown, ascending, when filtered
    qint64 m_rowCount = 0;
    int m_side = 64;
    quint64 m_generation = 0;

    mutable QCache<qint64, QImage> m_cache;
    mutable std::deque<qint64> m_pending; ///< oldest first; drawn newest first
    mutable QSet<qint64> m_queued;        ///< pending or being drawn
    mutable QTimer m_dispatchTimer;
    int m_jobsInFlight = 0;
    QThreadPool m_pool;
};

} // namespace mf
