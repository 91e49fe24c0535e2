#include "app/gui/runs/configdiffmodel.h"

#include "app/gui/format/displayformat.h"
#include "widgets/doticon.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

#include <set>

namespace mf {

ConfigDiffModel::ConfigDiffModel(QObject *parent) : QAbstractTableModel(parent) {}

ConfigDiffModel::~ConfigDiffModel() = default;

void ConfigDiffModel::setRuns(const QVector<Column> &runs)
{
    beginResetModel();
    m_runs = runs;
    std::set<std::string> keys;
    for (const Column &run : m_runs)
        for (const auto &entry : run.params)
            keys.insert(entry.first);
    m_allRows.clear();
    for (const std::string &key : keys) {
        Row row{key, false};
        const auto first = m_runs.first().params.find(key);
        for (const Column &run : m_runs) {
            const auto value = run.params.find(key);
            const bool same =
                (value == run.params.end()) == (first == m_runs.first().params.end()) &&
                (value == run.params.end() || value->second == first->second);
            if (!same) {
                row.differs = true;
                break;
            }
        }
        m_allRows.push_back(row);
    }
    rebuildRows();
    endResetModel();
}

void ConfigDiffModel::setShowIdentical(bool show)
{
    if (show == m_showIdentical)
        return;
    beginResetModel();
    m_showIdentical = show;
    rebuildRows();
    endResetModel();
}

void ConfigDiffModel::rebuildRows()
{
    m_shown.clear();
    for (std::size_t i = 0; i < m_allRows.size(); ++i)
        if (m_showIdentical || m_allRows[i].differs)
            m_shown.push_back(i);
}

QStringList ConfigDiffModel::keys() const
{
    QStringList result;
    for (std::size_t i : m_shown)
        result.append(QString::fromStdString(m_allRows[i].key));
    return result;
}

int ConfigDiffModel::differingKeyCount() const
{
    int count = 0;
    for (const Row &row : m_allRows)
        count += row.differs ? 1 : 0;
    return count;
}

int ConfigDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int ConfigDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + m_runs.size();
}

QVariant ConfigDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_allRows[m_shown[std::size_t(index.row())]];
    if (role == DiffersRole)
        return row.differs;
    if (role == Qt::FontRole && row.differs && m_showIdentical) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (index.column() == 0) {
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return QString::fromStdString(row.key);
        return QVariant();
    }
    const Column &run = m_runs[index.column() - 1];
    const auto value = run.params.find(row.key);
    switch (role) {
    case Qt::DisplayRole:
        return value != run.params.end()
                   ? DisplayFormat::parameterText(QString::fromStdString(row.key),
                                                  QString::fromStdString(value->second))
                   : QStringLiteral("—");
    case Qt::ToolTipRole:
        return value != run.params.end() ? QString::fromStdString(value->second)
                                         : tr("Not set in this run");
    case Qt::ForegroundRole:
        if (value == run.params.end())
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        return QVariant();
    default:
        return QVariant();
    }
}

QVariant ConfigDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(tr("Parameter"))
                                                                  : QVariant();
    const Column &run = m_runs[section - 1];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return run.title;
    case Qt::DecorationRole:
        return run.color.isValid() ? QVariant(dotIcon(run.color)) : QVariant();
    default:
        return QVariant();
    }
}

} // namespace mf
