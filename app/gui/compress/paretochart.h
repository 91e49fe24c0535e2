#pragma once

#include <QChartView>
#include <QString>
#include <QVector>

namespace mf {

/// One model on a trade-off chart.
struct ParetoPoint
{
    QString label;
    double x = 0.0;
    double y = 0.0;
};

/// A scatter of models (x: a cost such as file size or latency, y: accuracy) with the Pareto
/// front (no other model both cheaper and more accurate) joined by a line and each point
/// labelled. GUI thread only.
class ParetoChart : public QChartView
{
    Q_OBJECT
public:
    explicit ParetoChart(QWidget *parent = nullptr);
    ~ParetoChart() override;

    void setPoints(const QString &title, const QString &xTitle, const QString &yTitle,
                   const QVector<ParetoPoint> &points);
    /// Indices of `points` on the front, by increasing x.
    static QVector<int> paretoFront(const QVector<ParetoPoint> &points);
    int pointCount() const { return m_points; }

private:
    int m_points = 0;
};

} // namespace mf
