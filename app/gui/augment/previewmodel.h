#pragma once

#include "app/gui/augment/previewtypes.h"

#include <QAbstractTableModel>

#include <memory>

class QThread;

namespace mf {

class PreviewWorker;

/// The preview grid as a table: one row per chosen sample, column 0 the original and column
/// v + 1 variant v (seed + v). Every change of dataset, pipeline, samples, variants, seed or
/// epoch asks the worker thread for a new grid; only the newest request's result is shown,
/// older results are dropped, so the GUI thread never draws augmentations and never waits.
class PreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        ImageRole = Qt::UserRole, ///< QImage, the tile as displayed
        ValuesRole,               ///< QVector<float>, the pipeline's float output [C, H, W]
        DrawnRole,                ///< QStringList, one line per operation applied
        SampleRole,               ///< qlonglong, the sample index
        SeedRole,                 ///< qulonglong; columns > 0 only
        ShapeRole                 ///< QList<int> {C, H, W}
    };

    explicit PreviewModel(QObject *parent = nullptr);
    ~PreviewModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setDataset(std::shared_ptr<const DatasetBundle> dataset);
    void setPipeline(std::shared_ptr<const AugmentPipeline> pipeline);
    /// Indices into the training part of the dataset as loaded.
    void setSamples(const QVector<qint64> &samples);
    void setVariants(int variants);
    void setSeed(quint64 seed);
    void setEpoch(int epoch);

    std::shared_ptr<const DatasetBundle> dataset() const { return m_request.dataset; }
    QVector<qint64> samples() const { return m_request.samples; }
    int variants() const { return m_request.variants; }
    quint64 seed() const { return m_request.seed; }
    int epoch() const { return m_request.epoch; }
    /// Training samples of the dataset, 0 without one.
    qint64 sampleCount() const;

    /// True while the newest request has not been shown yet.
    bool isPending() const { return m_shown != m_request.generation; }
    /// Why the newest grid has no variants; empty when it has.
    QString errorText() const { return m_result.error; }
    double lastRenderMs() const { return m_result.renderMs; }
    /// Results that arrived after a newer request and were dropped.
    int droppedResults() const { return m_dropped; }

Q_SIGNALS:
    /// The grid now shows the newest request (also when its variants failed: see errorText()).
    void refreshed();

private:
    void scheduleRefresh();
    void submitRequest();
    void show(const mf::PreviewResult &result);

    PreviewRequest m_request;
    PreviewResult m_result;
    quint64 m_shown = 0;
    int m_dropped = 0;
    bool m_submitQueued = false;
    QThread *m_thread;
    PreviewWorker *m_worker;
};

} // namespace mf
