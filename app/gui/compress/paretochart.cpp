#include "app/gui/compress/paretochart.h"

#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <limits>
#include <numeric>

namespace mf {

ParetoChart::ParetoChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 240);
    chart()->legend()->setAlignment(Qt::AlignRight);
}

ParetoChart::~ParetoChart() = default;

QVector<int> ParetoChart::paretoFront(const QVector<ParetoPoint> &points)
{
    QVector<int> order(points.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return points[a].x != points[b].x ? points[a].x < points[b].x : points[a].y > points[b].y;
    });
    QVector<int> front;
    double best = -std::numeric_limits<double>::infinity();
    for (int index : order) {
        if (points[index].y > best) {
            front.append(index);
            best = points[index].y;
        }
    }
    return front;
}

void ParetoChart::setPoints(const QString &title, const QString &xTitle, const QString &yTitle,
                            const QVector<ParetoPoint> &points)
{
    QChart *chart = this->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle(title);
    m_points = int(points.size());

    // One series per model, so the legend names them; the front joins the best trade-offs.
    auto *front = new QLineSeries;
    front->setName(tr("Pareto front"));
    double minX = 0, maxX = 1, minY = 0, maxY = 1;
    for (int i = 0; i < points.size(); ++i) {
        const ParetoPoint &p = points[i];
        minX = i == 0 ? p.x : std::min(minX, p.x);
        maxX = i == 0 ? p.x : std::max(maxX, p.x);
        minY = i == 0 ? p.y : std::min(minY, p.y);
        maxY = i == 0 ? p.y : std::max(maxY, p.y);
    }
    for (int index : paretoFront(points))
        front->append(points[index].x, points[index].y);
    chart->addSeries(front);
    for (const ParetoPoint &p : points) {
        auto *scatter = new QScatterSeries;
        scatter->setName(p.label);
        scatter->setMarkerSize(11);
        scatter->append(p.x, p.y);
        chart->addSeries(scatter);
    }

    const double padX = std::max((maxX - minX) * 0.15, std::abs(maxX) * 0.05 + 1e-9);
    const double padY = std::max((maxY - minY) * 0.15, 0.5);
    auto *axisX = new QValueAxis;
    axisX->setTitleText(xTitle);
    axisX->setRange(std::max(0.0, minX - padX), maxX + padX);
    axisX->setLabelFormat(QStringLiteral("%.3g"));
    auto *axisY = new QValueAxis;
    axisY->setTitleText(yTitle);
    axisY->setRange(minY - padY, std::min(100.0, maxY + padY));
    axisY->setLabelFormat(QStringLiteral("%.1f"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    }
}

} // namespace mf
