#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>
#include <QVector>

#include <map>
#include <string>
#include <vector>

namespace mf {

/// The parameters of several runs side by side: one row per parameter key, a key column and
/// one column per run. Keys whose value is the same in every run are hidden unless
/// showIdentical is on; a key a run does not have counts as a different value.
class ConfigDiffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Column
    {
        qint64 runId = 0;
        QString title; ///< "#12 mlp-baseline"
        std::map<std::string, std::string> params;
        QColor color; ///< the run's colour in the comparison's charts (none: no swatch)
    };
    enum Role
    {
        DiffersRole = Qt::UserRole ///< bool: the key's values differ between the runs
    };

    explicit ConfigDiffModel(QObject *parent = nullptr);
    ~ConfigDiffModel() override;

    void setRuns(const QVector<Column> &runs);
    void setShowIdentical(bool show);
    bool showIdentical() const { return m_showIdentical; }

    /// The keys listed, in order.
    QStringList keys() const;
    int differingKeyCount() const;
    int runCount() const { return m_runs.size(); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        std::string key;
        bool differs = false;
    };
    void rebuildRows();

    QVector<Column> m_runs;
    std::vector<Row> m_allRows;
    std::vector<std::size_t> m_shown; ///< indices into m_allRows
    bool m_showIdentical = false;
};

} // namespace mf
