#pragma once

#include <QSortFilterProxyModel>

namespace mf {

/// Sorts runs on RunsTableModel::SortRole and filters on the displayed texts. Runs without a
/// value in the sort column (no accuracy logged yet) go last in either order, so the best runs
/// lead a descending sort.
class RunsProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RunsProxyModel(QObject *parent = nullptr);
    ~RunsProxyModel() override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace mf
