#pragma once

#include <QTableWidget>

namespace mf {

struct TableSummary;

/// The columns of a CSV table, one row each: type, missing cells, range, mean and distinct
/// values; the label column is marked.
class TableSummaryView : public QTableWidget
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        TypeColumn,
        MissingColumn,
        MinColumn,
        MaxColumn,
        MeanColumn,
        DistinctColumn,
        ColumnCount
    };

    explicit TableSummaryView(QWidget *parent = nullptr);
    ~TableSummaryView() override;

    /// nullptr clears the view.
    void setSummary(const TableSummary *summary);
};

} // namespace mf
