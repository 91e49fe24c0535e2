#pragma once

#include "core/store/runrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QLocale>

#include <vector>

namespace mf {

/// The runs of a store as a table. Display texts follow the model's locale; SortRole gives the
/// raw values (numbers as numbers) for a QSortFilterProxyModel.
class RunsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        IdColumn,
        NameColumn,
        StatusColumn,
        DatasetColumn,
        ModelColumn,
        BestAccuracyColumn,
        StartedColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole, ///< raw value: qint64, double, QString; invalid when unknown
        RunIdRole,               ///< qint64 run id, any column
        StatusRole,              ///< int(RunStatus), any column
        DatasetRole,             ///< the dataset as stored (path or name), any column
        ModelRole,               ///< the model type, any column
        TagsRole                 ///< the comma-separated tags, any column
    };

    explicit RunsTableModel(QObject *parent = nullptr);
    ~RunsTableModel() override;

    /// Replaces the runs. Rows of runs that are still present stay where they are (so views keep
    /// their selection); vanished runs are removed and new ones appended. `nowMs` is the time the
    /// list was read, the end of a running run's duration.
    void setRuns(const std::vector<RunRecord> &runs, qint64 nowMs);
    const RunRecord *runAt(int row) const;
    /// The row of a run, or -1.
    int rowOfRun(qint64 runId) const;

    void setLocale(const QLocale &locale);
    QLocale locale() const { return m_locale; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// The name is editable (unless setEditable(false)); the rest is read-only.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Renaming shows the new name at once and asks for it to be stored (renameRequested); the
    /// next setRuns() shows what the store holds. An empty or unchanged name is refused.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /// false for a store that cannot be written: no cell is editable.
    void setEditable(bool editable) { m_editable = editable; }
    bool isEditable() const { return m_editable; }

    /// The short dataset name shown in the table: the last path component.
    static QString datasetDisplayName(const QString &dataset);

Q_SIGNALS:
    void renameRequested(qint64 runId, const QString &name);

private:
    QVariant displayData(const RunRecord &run, int column) const;
    QVariant sortData(const RunRecord &run, int column) const;
    QVariant toolTipData(const RunRecord &run, int column) const;
    QIcon statusIcon(RunStatus status) const;

    std::vector<RunRecord> m_runs;
    bool m_editable = true;
    qint64 m_nowMs = 0;
    QLocale m_locale;
    mutable QHash<int, QIcon> m_statusIcons;
};

} // namespace mf
