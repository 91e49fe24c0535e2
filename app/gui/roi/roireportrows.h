#pragma once

#include "core/roi/montecarlo.h"
#include "core/roi/projection.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QVector>

namespace mf {

/// The key figures as labelled rows for the PDF report and the presentation (worded by
/// RoiKeyFigures), and the Monte Carlo summary in the same form.
class RoiReportRows
{
    Q_DECLARE_TR_FUNCTIONS(mf::RoiReportRows)
public:
    struct Row
    {
        QString label;
        QString value;
        QString note; ///< what the figure means and its convention
    };

    /// NPV, IRR, payback, break-even month, ROI and TCO.
    static QVector<Row> headline(const roi::KeyFigures &figures, const QString &currency,
                                 const QLocale &locale);
    /// Every figure of RoiKeyFigures, in its order.
    static QVector<Row> all(const roi::KeyFigures &figures, const QString &currency,
                            const QLocale &locale);
    /// Trials, P10 / P50 / P90, the mean and the probability of a loss.
    static QVector<Row> monteCarlo(const roi::MonteCarloResult &result, const QString &currency,
                                   const QLocale &locale);
};

} // namespace mf
