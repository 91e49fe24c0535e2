#include "app/gui/augment/previewmodel.h"

#include "app/gui/augment/previewworker.h"
#include "core/data/dataset.h"

#include <QLocale>
#include <QThread>
#include <QTimer>

namespace mf {

PreviewModel::PreviewModel(QObject *parent)
    : QAbstractTableModel(parent), m_thread(new QThread(this)), m_worker(new PreviewWorker)
{
    qRegisterMetaType<mf::PreviewResult>();
    m_thread->setObjectName(QStringLiteral("augment preview"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PreviewWorker::rendered, this, &PreviewModel::show, Qt::QueuedConnection);
    m_thread->start();
}

PreviewModel::~PreviewModel()
{
    m_thread->quit();
    m_thread->wait();
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_result.samples.size());
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_result.samples.isEmpty() ? 0 : m_result.variants + 1;
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const PreviewTile &tile = m_result.tiles.at(index.row() * columnCount() + index.column());
    switch (role) {
    case Qt::ToolTipRole: {
        const QLocale locale;
        const QString sample = tr("Sample %1").arg(locale.toString(tile.sample));
        if (index.column() == 0)
            return tr("%1, original").arg(sample);
        if (tile.image.isNull())
            return tr("%1: no variant (%2)").arg(sample, m_result.error);
        QString text = tr("%1 · seed %2 · epoch %3")
                           .arg(sample, QString::number(tile.seed), locale.toString(tile.epoch));
        text += QLatin1Char('\n') + (tile.drawn.isEmpty() ? tr("No operation applied")
                                                          : tile.drawn.join(QLatin1Char('\n')));
        return text;
    }
    case Qt::AccessibleTextRole:
        return data(index, Qt::ToolTipRole);
    case ImageRole:
        return tile.image;
    case ValuesRole:
        return QVariant::fromValue(tile.values);
    case DrawnRole:
        return tile.drawn;
    case SampleRole:
        return QVariant::fromValue(qlonglong(m_result.samples.at(index.row())));
    case SeedRole:
        return index.column() > 0 ? QVariant::fromValue(qulonglong(tile.seed)) : QVariant();
    case ShapeRole:
        return QVariant::fromValue(QList<int>{tile.channels, tile.height, tile.width});
    default:
        return QVariant();
    }
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QVariant();
    const QLocale locale;
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount())
            return QVariant();
        if (section == 0)
            return role == Qt::DisplayRole ? tr("Original")
                                           : tr("The sample as stored, without augmentation");
        const quint64 seed = m_result.tiles.value(section).seed;
        return role == Qt::DisplayRole
                   ? tr("Seed %1").arg(seed)
                   : tr("Drawn with seed %1 for epoch %2").arg(seed).arg(m_request.epoch);
    }
    if (section < 0 || section >= rowCount())
        return QVariant();
    const qint64 sample = m_result.samples.at(section);
    QString label = QStringLiteral("#%1").arg(locale.toString(sample));
    const Dataset *train = m_request.dataset ? &m_request.dataset->train : nullptr;
    if (train && sample < train->size() && train->labels.defined()) {
        const auto classIndex = train->labels[sample].item<std::int64_t>();
        if (classIndex >= 0 && classIndex < train->numClasses())
            label +=
                QLatin1Char('\n') +
                QString::fromStdString(train->classNames[static_cast<std::size_t>(classIndex)]);
    }
    return role == Qt::DisplayRole ? label : tr("Training sample %1").arg(locale.toString(sample));
}

qint64 PreviewModel::sampleCount() const
{
    return m_request.dataset ? m_request.dataset->train.size() : 0;
}

void PreviewModel::setDataset(std::shared_ptr<const DatasetBundle> dataset)
{
    m_request.dataset = std::move(dataset);
    scheduleRefresh();
}

void PreviewModel::setPipeline(std::shared_ptr<const AugmentPipeline> pipeline)
{
    m_request.pipeline = std::move(pipeline);
    scheduleRefresh();
}

void PreviewModel::setSamples(const QVector<qint64> &samples)
{
    if (samples == m_request.samples)
        return;
    m_request.samples = samples;
    scheduleRefresh();
}

void PreviewModel::setVariants(int variants)
{
    if (variants == m_request.variants || variants < 0)
        return;
    m_request.variants = variants;
    scheduleRefresh();
}

void PreviewModel::setSeed(quint64 seed)
{
    if (seed == m_request.seed)
        return;
    m_request.seed = seed;
    scheduleRefresh();
}

void PreviewModel::setEpoch(int epoch)
{
    if (epoch == m_request.epoch)
        return;
    m_request.epoch = epoch;
    scheduleRefresh();
}

void PreviewModel::scheduleRefresh()
{
    // Several setters called together (a new dataset and its samples) make one request.
    ++m_request.generation;
    if (m_submitQueued)
        return;
    m_submitQueued = true;
    QTimer::singleShot(0, this, &PreviewModel::submitRequest);
}

void PreviewModel::submitRequest()
{
    m_submitQueued = false;
    m_worker->submit(m_request);
}

void PreviewModel::show(const PreviewResult &result)
{
    if (result.generation != m_request.generation) {
        ++m_dropped;
        return;
    }
    const bool sameShape = result.samples.size() == m_result.samples.size() &&
                           result.variants == m_result.variants && !m_result.samples.isEmpty();
    if (sameShape) {
        m_result = result;
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        Q_EMIT headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
    } else {
        beginResetModel();
        m_result = result;
        endResetModel();
    }
    m_shown = result.generation;
    Q_EMIT refreshed();
}

} // namespace mf
