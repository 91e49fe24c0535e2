#include "app/gui/datasets/textdocumentsmodel.h"

#include "app/gui/datasets/datasetanalysis.h"
#include "app/gui/datasets/loadeddataset.h"

#include <QLocale>

namespace mf {

namespace {

const std::string &textOf(const LoadedDataset &dataset, qint64 sample)
{
    const bool train = dataset.splitOf(sample) == LoadedDataset::Split::Train;
    const TextDataset &part = train ? dataset.text->train : *dataset.text->test;
    return part.texts[static_cast<std::size_t>(dataset.rowInPart(sample))];
}

QString firstLine(const std::string &text)
{
    const std::size_t end = text.find_first_of("\r\n");
    QString line =
        QString::fromUtf8(text.data(), static_cast<qsizetype>(std::min(end, text.size())));
    line = line.simplified();
    if (line.size() > TextDocumentsModel::kFirstLineLimit)
        line = line.left(TextDocumentsModel::kFirstLineLimit) + QChar(0x2026);
    return line;
}

} // namespace

TextDocumentsModel::TextDocumentsModel(QObject *parent) : QAbstractTableModel(parent) {}

TextDocumentsModel::~TextDocumentsModel() = default;

void TextDocumentsModel::setDataset(std::shared_ptr<const LoadedDataset> dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_analysis.reset();
    m_class = -1;
    rebuildRows();
    endResetModel();
}

void TextDocumentsModel::setAnalysis(std::shared_ptr<const DatasetAnalysis> analysis)
{
    m_analysis = std::move(analysis);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, TokensColumn), index(rowCount() - 1, TokensColumn));
}

void TextDocumentsModel::setFilter(int split, int classIndex)
{
    beginResetModel();
    m_split = split;
    m_class = classIndex;
    rebuildRows();
    endResetModel();
}

void TextDocumentsModel::rebuildRows()
{
    m_rows.clear();
    if (!m_dataset || !m_dataset->text)
        return;
    const qint64 trainCount = m_dataset->trainCount();
    const qint64 first = m_split == 2 ? trainCount : 0;
    const qint64 end = m_split == 1 ? trainCount : m_dataset->sampleCount();
    for (qint64 sample = first; sample < end; ++sample)
        if (m_class < 0 || m_dataset->labelOf(sample) == m_class)
            m_rows.push_back(sample);
}

qint64 TextDocumentsModel::sampleAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)] : -1;
}

int TextDocumentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TextDocumentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TextDocumentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qint64 sample = sampleAt(index.row());
    const bool haveLength = m_analysis && m_analysis->text &&
                            sample < static_cast<qint64>(m_analysis->text->lengths.size());
    if (role == SampleRole)
        return sample;
    if (role == Qt::TextAlignmentRole && index.column() == TokensColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case SplitColumn:
        return splitName(m_dataset->splitOf(sample));
    case LabelColumn:
        if (role == SortRole)
            return static_cast<qint64>(m_dataset->labelOf(sample));
        return m_dataset->className(m_dataset->labelOf(sample));
    case TokensColumn:
        if (!haveLength)
            return role == SortRole ? QVariant(qint64(-1)) : QVariant(QStringLiteral("…"));
        if (role == SortRole)
            return static_cast<qint64>(m_analysis->text->lengths[static_cast<std::size_t>(sample)]);
        return QLocale().toString(
            static_cast<qint64>(m_analysis->text->lengths[static_cast<std::size_t>(sample)]));
    case FirstLineColumn:
        if (role == Qt::ToolTipRole) {
            const SampleOrigin origin = m_dataset->originOf(sample);
            return QString::fromStdString(origin.file);
        }
        return firstLine(textOf(*m_dataset, sample));
    default:
        return {};
    }
}

QVariant TextDocumentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SplitColumn:
        return tr("Split");
    case LabelColumn:
        return tr("Label");
    case TokensColumn:
        return tr("Tokens");
    case FirstLineColumn:
        return tr("First line");
    default:
        return {};
    }
}

} // namespace mf
