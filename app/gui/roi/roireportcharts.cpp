#include "app/gui/roi/roireportcharts.h"

#include "app/gui/roi/roicharts.h"

#include <QChart>

namespace mf {

namespace {

/// The chart's title (which carries its key figure) becomes the caption, drawn once outside.
RoiReportCharts::Chart captioned(QChart *chart)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    RoiReportCharts::Chart result{chart->title(), chart};
    chart->setTitle(QString());
    return result;
}

} // namespace

QVector<RoiReportCharts::Chart>
RoiReportCharts::build(const roi::Scenario &scenario, const roi::Projection &projection,
                       const roi::KeyFigures &figures, const roi::Tornado &tornado,
                       const std::optional<roi::MonteCarloResult> &monteCarlo)
{
    const QString currency = QString::fromStdString(scenario.currency);
    QVector<Chart> charts;
    auto *cashFlow = new QChart;
    RoiCharts::showCashFlow(cashFlow, projection, figures, currency);
    charts << captioned(cashFlow);
    auto *costs = new QChart;
    RoiCharts::showCosts(costs, projection, currency);
    charts << captioned(costs);
    auto *revenue = new QChart;
    RoiCharts::showRevenue(revenue, projection, currency);
    charts << captioned(revenue);
    auto *bars = new QChart;
    RoiCharts::showTornado(bars, tornado, currency);
    charts << captioned(bars);
    if (monteCarlo) {
        auto *distribution = new QChart;
        RoiCharts::showMonteCarlo(distribution, *monteCarlo, currency);
        charts << captioned(distribution);
    }
    return charts;
}

} // namespace mf
