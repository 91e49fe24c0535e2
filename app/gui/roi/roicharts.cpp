#include "app/gui/roi/roicharts.h"

#include "app/gui/roi/roiformat.h"
#include "app/gui/roi/roitext.h"
#include "core/roi/inputcatalogue.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace mf {

namespace {

const QColor kPalette[] = {QColor(0x3b, 0x6e, 0xc4), QColor(0xe0, 0x8a, 0x2c),
                           QColor(0x4c, 0xa0, 0x5a), QColor(0xc8, 0x4b, 0x4b),
                           QColor(0x84, 0x5e, 0xc2), QColor(0x8c, 0x6d, 0x46),
                           QColor(0xd6, 0x6b, 0xb0), QColor(0x6e, 0x7b, 0x8b)};

void hideFromLegend(QChart *chart, QAbstractSeries *series)
{
    for (QLegendMarker *marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

QValueAxis *monthAxis(int months)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(RoiCharts::tr("Month"));
    axis->setRange(0, std::max(1, months));
    axis->setLabelFormat(QStringLiteral("%.0f"));
    const int interval = months <= 12 ? 1 : months <= 36 ? 6 : months <= 120 ? 12 : 60;
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(interval);
    axis->setMinorTickCount(0);
    return axis;
}

/// A value axis over [low, high] money (already divided by `scale`).
QValueAxis *moneyAxis(double low, double high, double scale, const QString &currency,
                      const QString &what)
{
    auto *axis = new QValueAxis;
    if (!(high > low)) {
        const double pad = std::max(std::abs(high) * 0.1, 1.0);
        low -= pad;
        high += pad;
    }
    axis->setRange(low, high);
    axis->applyNiceNumbers();
    const double span = axis->max() - axis->min();
    axis->setLabelFormat(span >= 20  ? QStringLiteral("%.0f")
                         : span >= 2 ? QStringLiteral("%.1f")
                                     : QStringLiteral("%.2f"));
    axis->setTitleText(
        RoiCharts::tr("%1 (%2)").arg(what, RoiFormat::scaledCurrency(currency, scale)));
    return axis;
}

void prepare(QChart *chart)
{
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
}

void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

QLineSeries *line(QChart *chart, const QString &name, const QColor &color, qreal width,
                  Qt::PenStyle style = Qt::SolidLine)
{
    auto *series = new QLineSeries(chart);
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(width);
    pen.setStyle(style);
    series->setPen(pen);
    return series;
}

/// One area per named series, stacked month by month: positive values above the running
/// positive total, negative ones below the running negative total. Series that are zero
/// throughout are left out. Returns the stacked range [low, high] in scaled units.
void showStackedSteps(QChart *chart, const std::vector<std::string> &names,
                      const std::map<std::string, std::vector<double>> &data, int months,
                      const QString &currency, const QString &what)
{
    double maxMagnitude = 0.0;
    std::vector<double> positive(std::size_t(months), 0.0), negative(std::size_t(months), 0.0);
    for (const std::string &name : names) {
        const auto found = data.find(name);
        if (found == data.end())
            continue;
        for (int t = 0; t < months && t < int(found->second.size()); ++t) {
            const double v = found->second[std::size_t(t)];
            (v >= 0 ? positive : negative)[std::size_t(t)] += v;
        }
    }
    for (int t = 0; t < months; ++t)
        maxMagnitude =
            std::max({maxMagnitude, positive[std::size_t(t)], -negative[std::size_t(t)]});
    const double scale = RoiFormat::axisScale(maxMagnitude);
    auto *x = monthAxis(months);
    double low = 0.0, high = 0.0;
    std::fill(positive.begin(), positive.end(), 0.0);
    std::fill(negative.begin(), negative.end(), 0.0);
    std::vector<QAreaSeries *> areas;
    for (std::size_t index = 0; index < names.size(); ++index) {
        const auto found = data.find(names[index]);
        if (found == data.end())
            continue;
        const std::vector<double> &values = found->second;
        if (std::all_of(values.begin(), values.end(), [](double v) { return v == 0.0; }))
            continue;
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        QList<QPointF> upperPoints, lowerPoints;
        for (int t = 0; t < months && t < int(values.size()); ++t) {
            const double v = values[std::size_t(t)] / scale;
            double &base = (v >= 0 ? positive : negative)[std::size_t(t)];
            const double from = base, to = base + v;
            base = to;
            const double top = std::max(from, to), bottom = std::min(from, to);
            upperPoints << QPointF(t, top) << QPointF(t + 1, top);
            lowerPoints << QPointF(t, bottom) << QPointF(t + 1, bottom);
            high = std::max(high, top);
            low = std::min(low, bottom);
        }
        upper->replace(upperPoints);
        lower->replace(lowerPoints);
        auto *area = new QAreaSeries(upper, lower);
        upper->setParent(area);
        lower->setParent(area);
        area->setName(RoiText::category(names[index]));
        const QColor color = RoiCharts::seriesColor(int(index));
        area->setColor(color);
        area->setBorderColor(color.darker(120));
        areas.push_back(area);
    }
    auto *y = moneyAxis(low, high, scale, currency, what);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAreaSeries *area : areas)
        attach(chart, area, x, y);
}

} // namespace

QString RoiCharts::cashFlowTitle()
{
    return tr("Cumulative cash flow");
}

QString RoiCharts::costsTitle()
{
    return tr("Monthly costs by category");
}

QString RoiCharts::revenueTitle()
{
    return tr("Monthly revenue by stream");
}

QString RoiCharts::tornadoTitle()
{
    return tr("Sensitivity of the NPV (tornado)");
}

QString RoiCharts::monteCarloTitle()
{
    return tr("Monte Carlo distribution of the NPV");
}

QString RoiCharts::cumulativeSeriesName()
{
    return tr("Cumulative cash flow");
}

QString RoiCharts::histogramSeriesName()
{
    return tr("Trials");
}

QColor RoiCharts::seriesColor(int index)
{
    const int count = int(sizeof(kPalette) / sizeof(kPalette[0]));
    return kPalette[((index % count) + count) % count];
}

void RoiCharts::clear(QChart *chart, const QString &title)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis), delete axis;
    chart->setTitle(title);
    prepare(chart);
}

void RoiCharts::showMessage(QChart *chart, const QString &title, const QString &message)
{
    clear(chart, message.isEmpty() ? title : tr("%1 — %2").arg(title, message));
}

void RoiCharts::showCashFlow(QChart *chart, const roi::Projection &projection,
                             const roi::KeyFigures &figures, const QString &currency)
{
    const QLocale locale;
    const int months = projection.months;
    double maxMagnitude = 0.0;
    for (int t = 0; t < months; ++t)
        maxMagnitude = std::max({maxMagnitude, std::abs(projection.cumulative[std::size_t(t)]),
                                 std::abs(projection.netFlow[std::size_t(t)])});
    const double scale = RoiFormat::axisScale(maxMagnitude);
    QString title = cashFlowTitle();
    if (figures.paybackMonths)
        title = tr("%1 — break-even after %2")
                    .arg(title, RoiFormat::months(*figures.paybackMonths, locale));
    else
        title = tr("%1 — no break-even within the horizon").arg(title);
    clear(chart, title);

    auto *cumulative = line(chart, cumulativeSeriesName(), kPalette[0], 2.5);
    auto *net = line(chart, tr("Monthly net cash flow"), QColor(0x8c, 0x8c, 0x8c), 1.2);
    QList<QPointF> cumulativePoints, netPoints;
    double low = 0.0, high = 0.0;
    for (int t = 0; t < months; ++t) {
        const double c = projection.cumulative[std::size_t(t)] / scale;
        const double n = projection.netFlow[std::size_t(t)] / scale;
        cumulativePoints << QPointF(t, c);
        netPoints << QPointF(t, n);
        low = std::min({low, c, n});
        high = std::max({high, c, n});
    }
    cumulative->replace(cumulativePoints);
    net->replace(netPoints);
    auto *zero = line(chart, QString(), QColor(0x60, 0x60, 0x60), 1.0, Qt::DashLine);
    zero->append(0, 0);
    zero->append(std::max(1, months - 1), 0);

    auto *x = monthAxis(std::max(1, months - 1));
    auto *y = moneyAxis(low, high, scale, currency, tr("Cash flow"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, zero, x, y);
    attach(chart, net, x, y);
    attach(chart, cumulative, x, y);
    hideFromLegend(chart, zero);
    if (figures.paybackMonths) {
        auto *marker = new QScatterSeries(chart);
        marker->setName(
            tr("Break-even: month %1").arg(locale.toString(*figures.paybackMonths, 'f', 1)));
        marker->setMarkerSize(12);
        marker->setColor(kPalette[3]);
        marker->setBorderColor(Qt::white);
        marker->append(*figures.paybackMonths, 0);
        attach(chart, marker, x, y);
    }
}

void RoiCharts::showCosts(QChart *chart, const roi::Projection &projection, const QString &currency)
{
    clear(chart, costsTitle());
    showStackedSteps(chart, roi::costCategoryNames(), projection.costs, projection.months, currency,
                     tr("Cost per month"));
}

void RoiCharts::showRevenue(QChart *chart, const roi::Projection &projection,
                            const QString &currency)
{
    clear(chart, revenueTitle());
    showStackedSteps(chart, roi::revenueStreamNames(), projection.revenue, projection.months,
                     currency, tr("Revenue per month"));
}

void RoiCharts::showTornado(QChart *chart, const roi::Tornado &tornado, const QString &currency,
                            int maxBars)
{
    std::vector<const roi::TornadoBar *> bars;
    for (const roi::TornadoBar &bar : tornado.bars)
        if (bar.swing > 0.0 && int(bars.size()) < maxBars)
            bars.push_back(&bar);
    if (bars.empty()) {
        showMessage(chart, tornadoTitle(),
                    tr("no input with a range moves the NPV; give inputs a low and a high"));
        return;
    }
    clear(chart, tornadoTitle());
    double maxMagnitude = std::abs(tornado.baseNpv);
    for (const roi::TornadoBar *bar : bars)
        maxMagnitude = std::max({maxMagnitude, std::abs(bar->npvAtLow), std::abs(bar->npvAtHigh)});
    const double scale = RoiFormat::axisScale(maxMagnitude);
    const double base = tornado.baseNpv / scale;
    double low = base, high = base;
    const int rows = int(bars.size());
    auto *y = new QCategoryAxis;
    y->setStartValue(-0.5);
    y->setRange(-0.5, rows - 0.5);
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    y->setGridLineVisible(false);
    std::vector<QAreaSeries *> areas;
    bool lowNamed = false, highNamed = false;
    std::vector<QAreaSeries *> unnamed;
    for (int i = 0; i < rows; ++i) {
        const roi::TornadoBar &bar = *bars[std::size_t(i)];
        const double row = rows - 1 - i;
        for (int side = 0; side < 2; ++side) {
            const double end = (side == 0 ? bar.npvAtLow : bar.npvAtHigh) / scale;
            low = std::min(low, end);
            high = std::max(high, end);
            auto *upper = new QLineSeries;
            auto *lower = new QLineSeries;
            const double thickness = 0.36;
            upper->append(std::min(base, end), row + thickness);
            upper->append(std::max(base, end), row + thickness);
            lower->append(std::min(base, end), row - thickness);
            lower->append(std::max(base, end), row - thickness);
            auto *area = new QAreaSeries(upper, lower);
            upper->setParent(area);
            lower->setParent(area);
            const QColor color = side == 0 ? kPalette[1] : kPalette[0];
            QColor fill = color;
            fill.setAlpha(side == 0 ? 235 : 200);
            area->setColor(fill);
            area->setBorderColor(color.darker(115));
            bool &named = side == 0 ? lowNamed : highNamed;
            if (!named) {
                area->setName(side == 0 ? tr("Input at its low end") : tr("Input at its high end"));
                named = true;
            } else {
                unnamed.push_back(area);
            }
            areas.push_back(area);
        }
    }
    // Labels from the bottom row up: QCategoryAxis orders its categories by value.
    for (int row = 0; row < rows; ++row) {
        const roi::TornadoBar &bar = *bars[std::size_t(rows - 1 - row)];
        const roi::InputSpec *spec = roi::findInput(bar.key);
        y->append(spec ? RoiText::label(*spec) : QString::fromStdString(bar.key), row + 0.5);
    }
    auto *x = moneyAxis(low, high, scale, currency, tr("NPV"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAreaSeries *area : areas)
        attach(chart, area, x, y);
    for (QAreaSeries *area : unnamed)
        hideFromLegend(chart, area);
    auto *baseLine =
        line(chart, tr("Base NPV: %1").arg(RoiFormat::money(tornado.baseNpv, currency, QLocale())),
             QColor(0x30, 0x30, 0x30), 1.5, Qt::DashLine);
    baseLine->append(base, -0.5);
    baseLine->append(base, rows - 0.5);
    attach(chart, baseLine, x, y);
}

void RoiCharts::showMonteCarlo(QChart *chart, const roi::MonteCarloResult &result,
                               const QString &currency)
{
    const QLocale locale;
    if (result.trials <= 0 || result.histogram.empty()) {
        showMessage(chart, monteCarloTitle(), tr("not run yet"));
        return;
    }
    clear(chart, tr("%1 — %2 trials, probability of loss %3")
                     .arg(monteCarloTitle(), locale.toString(result.trials),
                          RoiFormat::percent(result.probabilityOfLoss, locale)));
    const double maxMagnitude =
        std::max(std::abs(result.histogramLow), std::abs(result.histogramHigh));
    const double scale = RoiFormat::axisScale(maxMagnitude);
    double from = result.histogramLow / scale, to = result.histogramHigh / scale;
    if (!(to > from)) {
        const double pad = std::max(std::abs(from) * 0.01, 0.5);
        from -= pad;
        to += pad;
    }
    const int bins = int(result.histogram.size());
    const double width = (to - from) / bins;
    auto *upper = new QLineSeries;
    int maxCount = 0;
    for (int i = 0; i < bins; ++i) {
        const int count = result.histogram[std::size_t(i)];
        maxCount = std::max(maxCount, count);
        upper->append(from + i * width, count);
        upper->append(from + (i + 1) * width, count);
    }
    auto *histogram = new QAreaSeries(upper);
    upper->setParent(histogram);
    histogram->setName(histogramSeriesName());
    QColor fill = kPalette[0];
    fill.setAlpha(170);
    histogram->setColor(fill);
    histogram->setBorderColor(kPalette[0].darker(120));

    auto *x = moneyAxis(std::min(from, result.p10 / scale), std::max(to, result.p90 / scale), scale,
                        currency, tr("NPV"));
    auto *y = new QValueAxis;
    y->setTitleText(tr("Trials"));
    y->setRange(0, std::max(1, maxCount) * 1.08);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, histogram, x, y);
    const struct
    {
        const char *name;
        double value;
        QColor color;
    } marks[] = {{"P10", result.p10, kPalette[3]},
                 {"P50", result.p50, QColor(0x30, 0x30, 0x30)},
                 {"P90", result.p90, kPalette[2]}};
    for (const auto &mark : marks) {
        auto *series = line(chart,
                            tr("%1: %2").arg(QLatin1String(mark.name),
                                             RoiFormat::money(mark.value, currency, locale)),
                            mark.color, 2.0, Qt::DashLine);
        series->append(mark.value / scale, 0);
        series->append(mark.value / scale, std::max(1, maxCount) * 1.05);
        attach(chart, series, x, y);
    }
}

} // namespace mf
