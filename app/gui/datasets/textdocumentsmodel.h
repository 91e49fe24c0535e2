#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace mf {

struct DatasetAnalysis;
class LoadedDataset;

/// The documents of a text dataset, one row each: split, label, length in tokens (once the
/// analysis has counted them) and the first line. Filtered by split and class like the
/// thumbnail grid; Qt::UserRole gives sortable values.
class TextDocumentsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SplitColumn,
        LabelColumn,
        TokensColumn,
        FirstLineColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int SampleRole = Qt::UserRole + 1;
    static constexpr int kFirstLineLimit = 200;

    explicit TextDocumentsModel(QObject *parent = nullptr);
    ~TextDocumentsModel() override;

    void setDataset(std::shared_ptr<const LoadedDataset> dataset);
    void setAnalysis(std::shared_ptr<const DatasetAnalysis> analysis);
    /// split: 0 all, 1 train, 2 test; classIndex -1: every class.
    void setFilter(int split, int classIndex);
    qint64 sampleAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rebuildRows();

    std::shared_ptr<const LoadedDataset> m_dataset;
    std::shared_ptr<const DatasetAnalysis> m_analysis;
    int m_split = 0;
    int m_class = -1;
    std::vector<qint64> m_rows;
};

} // namespace mf
