#include "app/gui/roi/roikeyfigures.h"

#include "app/gui/roi/roiformat.h"

#include <cmath>

namespace mf {

QString RoiKeyFigures::caption(Figure figure)
{
    switch (figure) {
    case Npv:
        return tr("NPV (first month undiscounted)");
    case NpvExcel:
        return tr("Excel NPV (first month discounted)");
    case Irr:
        return tr("IRR (annualised)");
    case Mirr:
        return tr("MIRR (annualised)");
    case Payback:
        return tr("Payback");
    case DiscountedPayback:
        return tr("Discounted payback");
    case BreakEven:
        return tr("Break-even month");
    case RoiPercent:
        return tr("ROI");
    case Tco:
        return tr("Total cost of ownership");
    case TotalCost:
        return tr("Total cost");
    case TotalRevenue:
        return tr("Total revenue and benefit");
    case ServingInstances:
        return tr("Serving instances");
    case CostPerThousand:
        return tr("Cost per 1,000 requests");
    case LtvToCac:
        return tr("LTV/CAC");
    case ValuePerPrediction:
        return tr("Value per prediction");
    case FigureCount:
        break;
    }
    return QString();
}

QString RoiKeyFigures::toolTip(Figure figure)
{
    switch (figure) {
    case Npv:
        return tr("Net present value at the discount rate, the first month's flow taken as it "
                  "is (numpy-financial's npv).");
    case NpvExcel:
        return tr("Net present value as Excel's NPV() computes it: every month discounted, the "
                  "first one by one month.");
    case Irr:
        return tr("Internal rate of return of the monthly flows, annualised as (1 + monthly)^12 - "
                  "1. Flows that never change sign have no root; flows that change sign more "
                  "than once may have several.");
    case Mirr:
        return tr("Modified IRR: outflows financed at the finance rate, inflows reinvested at the "
                  "reinvestment rate, annualised.");
    case Payback:
        return tr("When the cumulative cash flow turns positive for good, in months from the "
                  "start (fractional).");
    case DiscountedPayback:
        return tr("The payback of the discounted cash flows.");
    case BreakEven:
        return tr("The first month from which every monthly result is positive or zero "
                  "(month 0 is the first).");
    case RoiPercent:
        return tr("(Total revenue - total cost) / total cost, undiscounted, over the horizon.");
    case Tco:
        return tr("Hardware depreciation within the horizon plus every operating cost.");
    case TotalCost:
        return tr("Every cost over the horizon, undiscounted, hardware included.");
    case TotalRevenue:
        return tr("Every revenue stream and the value of predictions over the horizon, "
                  "undiscounted.");
    case ServingInstances:
        return tr("Instances serving at full adoption: peak load over the target utilisation, "
                  "plus the spare ones.");
    case CostPerThousand:
        return tr("Serving cost per month (instances and their energy) per 1,000 requests, at "
                  "full adoption.");
    case LtvToCac:
        return tr("Lifetime value of a subscriber over the cost of acquiring one.");
    case ValuePerPrediction:
        return tr("The benefit matrix weighted by the normalised confusion matrix: what one "
                  "prediction is worth on average.");
    case FigureCount:
        break;
    }
    return QString();
}

QString RoiKeyFigures::irrText(const roi::KeyFigures &figures, const QLocale &locale)
{
    using Status = roi::IrrResult::Status;
    if (figures.irrMonthly.status == Status::Found)
        return figures.irrAnnual ? RoiFormat::percent(*figures.irrAnnual, locale)
                                 : tr("beyond range");
    if (figures.irrMonthly.status == Status::NoRoot)
        return tr("no root");
    QStringList roots;
    for (double monthly : figures.irrMonthly.roots) {
        const double annual = std::pow(1.0 + monthly, 12.0) - 1.0;
        if (std::isfinite(annual))
            roots.append(RoiFormat::percent(annual, locale));
    }
    return roots.isEmpty() ? tr("several roots")
                           : tr("several roots (%1)").arg(roots.join(QStringLiteral(", ")));
}

QString RoiKeyFigures::valueText(Figure figure, const roi::KeyFigures &f, const QString &currency,
                                 const QLocale &locale)
{
    const auto money = [&](double value) { return RoiFormat::money(value, currency, locale); };
    const auto months = [&](const std::optional<double> &value) {
        return value ? RoiFormat::months(*value, locale) : tr("not within the horizon");
    };
    switch (figure) {
    case Npv:
        return money(f.npv);
    case NpvExcel:
        return money(f.npvExcel);
    case Irr:
        return irrText(f, locale);
    case Mirr:
        return f.mirrAnnual ? RoiFormat::percent(*f.mirrAnnual, locale) : tr("n/a");
    case Payback:
        return months(f.paybackMonths);
    case DiscountedPayback:
        return months(f.discountedPaybackMonths);
    case BreakEven:
        return f.breakEvenMonth ? tr("month %1").arg(locale.toString(*f.breakEvenMonth))
                                : tr("not within the horizon");
    case RoiPercent:
        return f.roiPercent ? RoiFormat::percent(*f.roiPercent / 100.0, locale) : tr("n/a");
    case Tco:
        return money(f.tco);
    case TotalCost:
        return money(f.totalCost);
    case TotalRevenue:
        return money(f.totalRevenue);
    case ServingInstances:
        return locale.toString(f.servingInstances);
    case CostPerThousand:
        return money(f.costPerThousandRequests);
    case LtvToCac:
        return f.ltvToCac ? tr("%1×").arg(locale.toString(*f.ltvToCac, 'f', 1)) : tr("n/a");
    case ValuePerPrediction:
        return money(f.valuePerPrediction);
    case FigureCount:
        break;
    }
    return QString();
}

} // namespace mf
