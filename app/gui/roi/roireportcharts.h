#pragma once

#include "core/roi/montecarlo.h"
#include "core/roi/projection.h"
#include "core/roi/scenario.h"
#include "core/roi/sensitivity.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

#include <optional>

class QChart;

namespace mf {

/// The charts of the ROI report and the presentation, in report order, each with its caption:
/// the cumulative cash flow with the break-even point, the costs by category, the revenue by
/// stream, the tornado and (when given) the Monte Carlo distribution.
class RoiReportCharts
{
    Q_DECLARE_TR_FUNCTIONS(mf::RoiReportCharts)
public:
    struct Chart
    {
        QString caption;
        QChart *chart = nullptr; ///< owned by the caller
    };

    static QVector<Chart> build(const roi::Scenario &scenario, const roi::Projection &projection,
                                const roi::KeyFigures &figures, const roi::Tornado &tornado,
                                const std::optional<roi::MonteCarloResult> &monteCarlo);
};

} // namespace mf
