#pragma once

#include "core/roi/montecarlo.h"
#include "core/roi/projection.h"
#include "core/roi/sensitivity.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace mf {

/// The ROI section's charts, drawn into a QChart the caller owns: the page shows them in chart
/// views, the PDF report and the presentation draw the same charts. Each show*() clears the
/// chart (series and axes) and fills it again; money axes are in the scenario's currency, scaled
/// to thousands or millions when large. GUI thread only (Qt Charts).
class RoiCharts
{
    Q_DECLARE_TR_FUNCTIONS(mf::RoiCharts)
public:
    /// Cumulative and monthly net cash flow by month, with the break-even (payback) point, where
    /// the cumulative flow turns positive for good, marked.
    static void showCashFlow(QChart *chart, const roi::Projection &projection,
                             const roi::KeyFigures &figures, const QString &currency);
    /// Monthly costs stacked by category (each month drawn as a step).
    static void showCosts(QChart *chart, const roi::Projection &projection,
                          const QString &currency);
    /// Monthly revenue stacked by stream; a negative value of predictions stacks below zero.
    static void showRevenue(QChart *chart, const roi::Projection &projection,
                            const QString &currency);
    /// Horizontal bars from the base NPV to the NPV with each input at its low and its high
    /// end, the largest swing on top; at most `maxBars` inputs that move the NPV.
    static void showTornado(QChart *chart, const roi::Tornado &tornado, const QString &currency,
                            int maxBars = 12);
    /// The histogram of the trials' NPV with P10, P50 and P90 marked.
    static void showMonteCarlo(QChart *chart, const roi::MonteCarloResult &result,
                               const QString &currency);
    /// An empty chart whose title says why there is nothing to draw.
    static void showMessage(QChart *chart, const QString &title, const QString &message);

    static QString cashFlowTitle();
    static QString costsTitle();
    static QString revenueTitle();
    static QString tornadoTitle();
    static QString monteCarloTitle();
    /// Series names the tests and the report look for.
    static QString cumulativeSeriesName();
    static QString histogramSeriesName();

    /// The colour of the i-th cost category or revenue stream, the same on every chart.
    static QColor seriesColor(int index);

private:
    static void clear(QChart *chart, const QString &title);
};

} // namespace mf
