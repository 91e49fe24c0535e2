#include "app/gui/runs/runsproxymodel.h"

#include "app/gui/runs/runstablemodel.h"

namespace mf {

RunsProxyModel::RunsProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RunsTableModel::SortRole);
    setFilterRole(Qt::DisplayRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

RunsProxyModel::~RunsProxyModel() = default;

void RunsProxyModel::setStatusFilter(std::optional<RunStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateRowsFilter();
}

void RunsProxyModel::setDatasetFilter(const QString &dataset)
{
    if (dataset == m_dataset && dataset.isNull() == m_dataset.isNull())
        return;
    m_dataset = dataset;
    invalidateRowsFilter();
}

void RunsProxyModel::setModelFilter(const QString &model)
{
    if (model == m_model && model.isNull() == m_model.isNull())
        return;
    m_model = model;
    invalidateRowsFilter();
}

void RunsProxyModel::clearFilters()
{
    m_status.reset();
    m_dataset = QString();
    m_model = QString();
    invalidateRowsFilter();
    setFilterFixedString(QString());
}

bool RunsProxyModel::hasFilters() const
{
    return m_status || !m_dataset.isNull() || !m_model.isNull() ||
           !filterRegularExpression().pattern().isEmpty();
}

bool RunsProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftMissing = !left.data(sortRole()).isValid();
    const bool rightMissing = !right.data(sortRole()).isValid();
    if (leftMissing || rightMissing) {
        if (leftMissing == rightMissing)
            return false;
        // The view shows a descending sort in reverse, so "missing is less" puts it last there.
        return sortOrder() == Qt::AscendingOrder ? rightMissing : leftMissing;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool RunsProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_status && index.data(RunsTableModel::StatusRole).toInt() != int(*m_status))
        return false;
    if (!m_dataset.isNull() && index.data(RunsTableModel::DatasetRole).toString() != m_dataset)
        return false;
    if (!m_model.isNull() && index.data(RunsTableModel::ModelRole).toString() != m_model)
        return false;
    if (QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent))
        return true;
    return index.data(RunsTableModel::TagsRole).toString().contains(filterRegularExpression());
}

} // namespace mf
