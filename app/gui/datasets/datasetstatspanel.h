#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

#include <memory>

class QLabel;
class QTableWidget;

namespace mf {

struct DatasetAnalysis;
class KeyValueTable;
class LoadedDataset;

/// Facts about the loaded dataset (format, counts per split, sample size, per-channel mean and
/// standard deviation) and the list of its problems: files left out with their reasons, a table
/// the reader refused, skipped text rows and duplicate samples. The full-pass figures show
/// "computing…" until the analysis arrives.
class DatasetStatsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DatasetStatsPanel(QWidget *parent = nullptr);
    ~DatasetStatsPanel() override;

    void setDataset(std::shared_ptr<const LoadedDataset> dataset);
    void setAnalysis(std::shared_ptr<const DatasetAnalysis> analysis);

    KeyValueTable *overview() const { return m_overview; }
    QTableWidget *problemsTable() const { return m_problems; }
    /// The (file, problem) rows as listed.
    QList<QPair<QString, QString>> problems() const;

    static constexpr int kDuplicateRowsShown = 500;

private:
    void refresh();

    std::shared_ptr<const LoadedDataset> m_dataset;
    std::shared_ptr<const DatasetAnalysis> m_analysis;
    KeyValueTable *m_overview;
    QLabel *m_problemsTitle;
    QTableWidget *m_problems;
};

} // namespace mf
