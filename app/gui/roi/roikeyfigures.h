#pragma once

#include "core/roi/projection.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>

namespace mf {

/// The headline figures of a scenario as the ROI section, its comparison tables, the report
/// and the presentation word them, in display order.
class RoiKeyFigures
{
    Q_DECLARE_TR_FUNCTIONS(mf::RoiKeyFigures)
public:
    enum Figure
    {
        Npv,
        NpvExcel,
        Irr,
        Mirr,
        Payback,
        DiscountedPayback,
        BreakEven,
        RoiPercent,
        Tco,
        TotalCost,
        TotalRevenue,
        ServingInstances,
        CostPerThousand,
        LtvToCac,
        ValuePerPrediction,
        FigureCount
    };

    /// "NPV (first month undiscounted)", "Excel NPV (first month discounted)", "IRR (annual)".
    static QString caption(Figure figure);
    /// What the figure means and which convention it follows.
    static QString toolTip(Figure figure);
    /// The figure's value in words and numbers ("USD 1,234,568", "12.3%", "no root",
    /// "not within the horizon"); never NaN.
    static QString valueText(Figure figure, const roi::KeyFigures &figures, const QString &currency,
                             const QLocale &locale = QLocale());
    /// Shown for every figure of a scenario that cannot be computed.
    static QString missingText() { return QStringLiteral("—"); }
    /// The IRR's status in words: "no root", "several roots (3.1%, 48.2%)".
    static QString irrText(const roi::KeyFigures &figures, const QLocale &locale = QLocale());
};

} // namespace mf
