#pragma once

#include "core/store/runrecord.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace mf {

/// Sorts runs on RunsTableModel::SortRole and filters them. Runs without a value in the sort
/// column (no accuracy logged yet) go last in either order, so the best runs lead a descending
/// sort. A run is shown when the filter text is found in one of its displayed texts or its tags
/// and it matches every set status, dataset and model filter.
class RunsProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RunsProxyModel(QObject *parent = nullptr);
    ~RunsProxyModel() override;

    /// Only runs with this status; std::nullopt shows every status.
    void setStatusFilter(std::optional<RunStatus> status);
    std::optional<RunStatus> statusFilter() const { return m_status; }
    /// Only runs of this dataset, as stored (RunsTableModel::DatasetRole); a null string shows
    /// every dataset.
    void setDatasetFilter(const QString &dataset);
    QString datasetFilter() const { return m_dataset; }
    /// Only runs of this model type; a null string shows every model.
    void setModelFilter(const QString &model);
    QString modelFilter() const { return m_model; }
    /// Clears the text and every other filter.
    void clearFilters();
    bool hasFilters() const;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<RunStatus> m_status;
    QString m_dataset;
    QString m_model;
};

} // namespace mf
