#include "app/gui/runs/runstablemodel.h"

#include "app/gui/format/displayformat.h"
#include "widgets/doticon.h"

#include <QFileInfo>

#include <unordered_map>

namespace mf {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QString datasetShortName(const std::string &dataset)
{
    return RunsTableModel::datasetDisplayName(fromStd(dataset));
}

} // namespace

RunsTableModel::RunsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

QString RunsTableModel::datasetDisplayName(const QString &dataset)
{
    // A dataset is stored as a path or a name; the table shows the last path component.
    QString text = dataset;
    while (text.size() > 1 && text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text.contains(QLatin1Char('/')) ? QFileInfo(text).fileName() : text;
}

RunsTableModel::~RunsTableModel() = default;

void RunsTableModel::setRuns(const std::vector<RunRecord> &runs, qint64 nowMs)
{
    std::unordered_map<std::int64_t, std::size_t> incoming;
    incoming.reserve(runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i)
        incoming.emplace(runs[i].id, i);

    for (int row = int(m_runs.size()) - 1; row >= 0; --row) {
        if (incoming.count(m_runs[std::size_t(row)].id) == 0) {
            beginRemoveRows(QModelIndex(), row, row);
            m_runs.erase(m_runs.begin() + row);
            endRemoveRows();
        }
    }

    m_nowMs = nowMs;
    std::vector<bool> present(runs.size(), false);
    for (RunRecord &run : m_runs) {
        const std::size_t source = incoming.at(run.id);
        run = runs[source];
        present[source] = true;
    }
    if (!m_runs.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_runs.size()) - 1, ColumnCount - 1));

    std::vector<std::size_t> added;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (!present[i])
            added.push_back(i);
    }
    if (!added.empty()) {
        const int first = int(m_runs.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        for (std::size_t i : added)
            m_runs.push_back(runs[i]);
        endInsertRows();
    }
}

const RunRecord *RunsTableModel::runAt(int row) const
{
    if (row < 0 || row >= int(m_runs.size()))
        return nullptr;
    return &m_runs[std::size_t(row)];
}

int RunsTableModel::rowOfRun(qint64 runId) const
{
    for (std::size_t row = 0; row < m_runs.size(); ++row) {
        if (m_runs[row].id == runId)
            return int(row);
    }
    return -1;
}

void RunsTableModel::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (!m_runs.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_runs.size()) - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int RunsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const RunRecord &run = m_runs[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(run, column);
    case Qt::ToolTipRole:
        return toolTipData(run, column);
    case Qt::DecorationRole:
        if (column == StatusColumn)
            return statusIcon(run.status);
        return QVariant();
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == BestAccuracyColumn || column == DurationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole:
        return sortData(run, column);
    case RunIdRole:
        return QVariant::fromValue<qint64>(run.id);
    case StatusRole:
        return int(run.status);
    case DatasetRole:
        return fromStd(run.dataset);
    case ModelRole:
        return fromStd(run.model);
    case TagsRole:
        return fromStd(run.tags);
    case Qt::EditRole:
        return column == NameColumn ? QVariant(fromStd(run.name)) : QVariant();
    default:
        return QVariant();
    }
}

QIcon RunsTableModel::statusIcon(RunStatus status) const
{
    auto cached = m_statusIcons.find(int(status));
    if (cached == m_statusIcons.end())
        cached = m_statusIcons.insert(int(status), dotIcon(DisplayFormat::statusColor(status)));
    return *cached;
}

QVariant RunsTableModel::displayData(const RunRecord &run, int column) const
{
    switch (column) {
    case IdColumn:
        return m_locale.toString(qint64(run.id));
    case NameColumn:
        return fromStd(run.name);
    case StatusColumn:
        return DisplayFormat::statusText(run.status);
    case DatasetColumn:
        return datasetShortName(run.dataset);
    case ModelColumn:
        return fromStd(run.model);
    case BestAccuracyColumn:
        return run.bestValAccuracy ? DisplayFormat::percentText(*run.bestValAccuracy, m_locale)
                                   : QString();
    case StartedColumn:
        return DisplayFormat::dateTimeText(run.startedAtMs, m_locale);
    case DurationColumn:
        return DisplayFormat::durationText(DisplayFormat::durationMs(run, m_nowMs), m_locale);
    default:
        return QVariant();
    }
}

QVariant RunsTableModel::sortData(const RunRecord &run, int column) const
{
    switch (column) {
    case IdColumn:
        return QVariant::fromValue<qint64>(run.id);
    case NameColumn:
        return fromStd(run.name);
    case StatusColumn:
        return DisplayFormat::statusText(run.status);
    case DatasetColumn:
        return datasetShortName(run.dataset);
    case ModelColumn:
        return fromStd(run.model);
    case BestAccuracyColumn:
        return run.bestValAccuracy ? QVariant(*run.bestValAccuracy) : QVariant();
    case StartedColumn:
        return QVariant::fromValue<qint64>(run.startedAtMs);
    case DurationColumn: {
        const qint64 duration = DisplayFormat::durationMs(run, m_nowMs);
        return duration >= 0 ? QVariant::fromValue<qint64>(duration) : QVariant();
    }
    default:
        return QVariant();
    }
}

QVariant RunsTableModel::toolTipData(const RunRecord &run, int column) const
{
    switch (column) {
    case StatusColumn:
        if (!run.failureReason.empty())
            return tr("%1: %2").arg(DisplayFormat::statusText(run.status),
                                    fromStd(run.failureReason));
        return QVariant();
    case NameColumn:
        return run.tags.empty() ? QVariant() : QVariant(tr("Tags: %1").arg(fromStd(run.tags)));
    case DatasetColumn:
        return run.dataset.empty() ? QVariant() : QVariant(fromStd(run.dataset));
    default:
        return QVariant();
    }
}

Qt::ItemFlags RunsTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (m_editable && index.isValid() && index.column() == NameColumn)
        result |= Qt::ItemIsEditable;
    return result;
}

bool RunsTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_editable || role != Qt::EditRole || index.column() != NameColumn ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString name = value.toString().trimmed();
    RunRecord &run = m_runs[std::size_t(index.row())];
    if (name.isEmpty() || name == fromStd(run.name))
        return false;
    run.name = name.toStdString();
    Q_EMIT dataChanged(index, index);
    Q_EMIT renameRequested(run.id, name);
    return true;
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        if (section == IdColumn || section == BestAccuracyColumn || section == DurationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case DatasetColumn:
        return tr("Dataset");
    case ModelColumn:
        return tr("Model");
    case BestAccuracyColumn:
        return tr("Best val. acc.");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    default:
        return QVariant();
    }
}

} // namespace mf
