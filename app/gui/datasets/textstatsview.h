#pragma once

#include <QList>
#include <QWidget>

#include <memory>

class QChartView;
class QTableWidget;

namespace mf {

struct DatasetAnalysis;

/// Token statistics of a text dataset: a histogram of document lengths and the most frequent
/// tokens with their counts.
class TextStatsView : public QWidget
{
    Q_OBJECT
public:
    explicit TextStatsView(QWidget *parent = nullptr);
    ~TextStatsView() override;

    /// nullptr (or an analysis without text figures) clears the view.
    void setAnalysis(std::shared_ptr<const DatasetAnalysis> analysis);

    /// Documents per histogram bin (at most kBins, of a round width reaching the 99th percentile
    /// of the lengths) and the upper end (exclusive) of each; the last bin holds everything from
    /// its start on.
    QList<qint64> binCounts() const { return m_binCounts; }
    QList<qint64> binEnds() const { return m_binEnds; }
    QTableWidget *topTokensTable() const { return m_topTokens; }

    static constexpr int kBins = 20;

private:
    QChartView *m_histogram;
    QTableWidget *m_topTokens;
    QList<qint64> m_binCounts, m_binEnds;
};

} // namespace mf
