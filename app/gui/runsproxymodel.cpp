#include "app/gui/runsproxymodel.h"

#include "app/gui/runstablemodel.h"

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

} // namespace mf
