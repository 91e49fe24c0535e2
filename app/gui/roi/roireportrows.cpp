#include "app/gui/roi/roireportrows.h"

#include "app/gui/roi/roiformat.h"
#include "app/gui/roi/roikeyfigures.h"

namespace mf {

namespace {

RoiReportRows::Row row(RoiKeyFigures::Figure figure, const roi::KeyFigures &figures,
                       const QString &currency, const QLocale &locale)
{
    return {RoiKeyFigures::caption(figure),
            RoiKeyFigures::valueText(figure, figures, currency, locale),
            RoiKeyFigures::toolTip(figure)};
}

} // namespace

QVector<RoiReportRows::Row> RoiReportRows::headline(const roi::KeyFigures &figures,
                                                    const QString &currency, const QLocale &locale)
{
    QVector<Row> rows;
    for (RoiKeyFigures::Figure figure :
         {RoiKeyFigures::Npv, RoiKeyFigures::Irr, RoiKeyFigures::Payback, RoiKeyFigures::BreakEven,
          RoiKeyFigures::RoiPercent, RoiKeyFigures::Tco})
        rows << row(figure, figures, currency, locale);
    return rows;
}

QVector<RoiReportRows::Row> RoiReportRows::all(const roi::KeyFigures &figures,
                                               const QString &currency, const QLocale &locale)
{
    QVector<Row> rows;
    for (int figure = 0; figure < RoiKeyFigures::FigureCount; ++figure)
        rows << row(RoiKeyFigures::Figure(figure), figures, currency, locale);
    return rows;
}

QVector<RoiReportRows::Row> RoiReportRows::monteCarlo(const roi::MonteCarloResult &result,
                                                      const QString &currency,
                                                      const QLocale &locale)
{
    const auto cash = [&](double value) { return RoiFormat::money(value, currency, locale); };
    return {
        {tr("Trials"), locale.toString(result.trials),
         tr("uncertain inputs drawn in each: %1").arg(locale.toString(result.drawnInputs))},
        {tr("NPV, P10"), cash(result.p10), tr("10% of the trials fall below")},
        {tr("NPV, P50"), cash(result.p50), tr("the median")},
        {tr("NPV, P90"), cash(result.p90), tr("90% of the trials fall below")},
        {tr("NPV, mean"), cash(result.mean), QString()},
        {tr("Probability of a loss"), RoiFormat::percent(result.probabilityOfLoss, locale),
         tr("share of trials with a negative NPV")},
    };
}

} // namespace mf
