#include "widgets/metricchart.h"

#include "widgets/metricchartdata.h"
#include "widgets/metricchartinteraction.h"
#include "widgets/seriessmoothing.h"
#include "widgets/seriesthinning.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace mf {

namespace {

constexpr double kRawAlphaSmoothed = 0.3;
/// The share of the data's span left free on each side, so that a marker on the edge (3.5 px
/// and its border) is drawn whole on a plot of 150 px or more. A margin in pixels would make the
/// fitted range depend on the labels' width, which depends on the range.
constexpr double kEdgeMargin = 0.03;

const QColor &paletteEntry(int index)
{
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                    QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                    QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                    QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
                                    QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf)};
    return colors[index % int(std::size(colors))];
}

// Pixels between ticks, before rounding to a 1-2-5 step (which spaces them at 0.7 to 1.4 times
// this): across, the widest label and some air (at least kMinXLabelSpacing); up, a label's line
// height (about 15 px) and some air.
constexpr double kMinXLabelSpacing = 60.0;
constexpr double kXLabelSpacingPerLabelWidth = 1.6;
constexpr double kYLabelSpacing = 26.0;

/// The 1-2-5 step nearest (on a log scale) to `span` over `spacing`-pixel intervals of `pixels`:
/// rounding up instead would leave a short chart with one label.
double niceStep(double span, double pixels, double spacing)
{
    if (!(span > 0.0) || !std::isfinite(span))
        return 1.0;
    const double ticks = std::max(2.0, pixels / spacing);
    const double raw = span / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction < std::sqrt(2.0)    ? 1.0
                        : fraction < std::sqrt(10.0) ? 2.0
                        : fraction < std::sqrt(50.0) ? 5.0
                                                     : 10.0;
    return nice * magnitude;
}

QString labelFormatForStep(double step)
{
    const int decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 12);
    return QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f");
}

/// The axis builds its tick labels on every change; setting range and interval in the order
/// that never pairs a wide range with a fine interval keeps it from making thousands of them.
void setValueAxis(QValueAxis *axis, double min, double max, double step)
{
    axis->setLabelFormat(labelFormatForStep(step));
    if (step >= axis->tickInterval()) {
        axis->setTickInterval(step);
        axis->setRange(min, max);
    } else {
        axis->setRange(min, max);
        axis->setTickInterval(step);
    }
}

void setLegendVisible(QChart *chart, QAbstractSeries *series, bool visible)
{
    const QList<QLegendMarker *> markers = chart->legend()->markers(series);
    for (QLegendMarker *marker : markers)
        marker->setVisible(visible);
}

/// A span that stays representable however far the user zooms in.
void widenIfDegenerate(double &lo, double &hi)
{
    const double minSpan = 1e-9 * std::max(1.0, std::max(std::abs(lo), std::abs(hi)));
    if (hi - lo < minSpan) {
        const double mid = 0.5 * (lo + hi);
        lo = mid - minSpan;
        hi = mid + minSpan;
    }
}

} // namespace

struct MetricChart::Entry
{
    QString name;
    MetricChartData data;
    QColor color;
    QLineSeries *raw = nullptr;
    QLineSeries *smooth = nullptr;
    QScatterSeries *markers = nullptr;
    Qt::PenStyle penStyle = Qt::SolidLine;
    bool smoothingEnabled = true;

    bool isSmoothed(double weight) const { return smoothingEnabled && weight > 0.0; }
};

MetricChart::MetricChart(QWidget *parent) : QChartView(parent)
{
    QChart *c = chart();
    c->setLocalizeNumbers(true);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setBackgroundRoundness(0);
    QFont titleFont = c->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    c->setTitleFont(titleFont);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand);
    setDragMode(QGraphicsView::NoDrag);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(240, 160);

    auto *xAxis = new QValueAxis(this);
    xAxis->setTickType(QValueAxis::TicksDynamic);
    xAxis->setTickAnchor(0.0);
    xAxis->setTitleText(tr("Step"));
    c->addAxis(xAxis, Qt::AlignBottom);
    m_xAxis = xAxis;
    rebuildYAxis();

    m_emptyHint = new QGraphicsSimpleTextItem(tr("No data yet"));
    QFont hintFont = font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 1.3);
    m_emptyHint->setFont(hintFont);
    m_emptyHint->setBrush(palette().color(QPalette::Disabled, QPalette::Text));
    m_emptyHint->setZValue(10);
    scene()->addItem(m_emptyHint);

    m_interaction = std::make_unique<MetricChartInteraction>(*this);

    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MetricChart::refreshNow);
    // Axis labels change the plot width after a refresh, and the page's layout its height: the
    // thinning follows the width and the y ticks the height (Qt Charts elides every label once
    // they overlap).
    connect(c, &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        updateEmptyState();
        if (hasData() &&
            (int(area.width()) != m_thinnedWidth || int(area.height()) != m_tickedHeight))
            scheduleRefresh(RefreshPacer::kDefaultMinIntervalMs);
    });
    updateEmptyState();
}

MetricChart::~MetricChart() = default;

MetricChart::Entry &MetricChart::entry(const QString &name)
{
    const auto found = m_byName.find(name);
    if (found != m_byName.end())
        return *found->second;
    auto created = std::make_unique<Entry>();
    Entry &e = *created;
    e.name = name;
    e.data.setSmoothingWeight(m_smoothing);
    e.color = paletteColor(int(m_entries.size()));
    e.raw = new QLineSeries(this);
    e.smooth = new QLineSeries(this);
    for (QLineSeries *series : {e.raw, e.smooth}) {
        series->setName(name);
        chart()->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
    }
    m_entries.push_back(std::move(created));
    m_byName.emplace(name, &e);
    applyStyle(e);
    return e;
}

const MetricChart::Entry *MetricChart::findEntry(const QString &name) const
{
    const auto found = m_byName.find(name);
    return found == m_byName.end() ? nullptr : found->second;
}

void MetricChart::setSeries(const QString &name, const QVector<QPointF> &points)
{
    entry(name).data.setPoints(points);
    scheduleRefresh();
}

void MetricChart::appendPoints(const QString &name, const QVector<QPointF> &points)
{
    entry(name).data.appendPoints(points);
    scheduleRefresh();
}

void MetricChart::setPointMarkersVisible(const QString &name, bool visible)
{
    Entry &e = entry(name);
    if (visible == (e.markers != nullptr))
        return;
    if (visible) {
        e.markers = new QScatterSeries(this);
        e.markers->setName(name);
        chart()->addSeries(e.markers);
        e.markers->attachAxis(m_xAxis);
        e.markers->attachAxis(m_yAxis);
    } else {
        chart()->removeSeries(e.markers);
        delete e.markers;
        e.markers = nullptr;
    }
    applyStyle(e);
    scheduleRefresh();
}

void MetricChart::setSeriesSmoothed(const QString &name, bool smoothed)
{
    Entry &e = entry(name);
    if (smoothed == e.smoothingEnabled)
        return;
    e.smoothingEnabled = smoothed;
    e.data.setSmoothingWeight(smoothed ? m_smoothing : 0.0);
    applyStyle(e);
    scheduleRefresh();
}

void MetricChart::setSeriesColor(const QString &name, const QColor &color)
{
    Entry &e = entry(name);
    if (!color.isValid() || color == e.color)
        return;
    e.color = color;
    applyStyle(e);
    update();
}

QColor MetricChart::seriesColor(const QString &name) const
{
    const Entry *e = findEntry(name);
    return e ? e->color : QColor();
}

void MetricChart::setSeriesPenStyle(const QString &name, Qt::PenStyle style)
{
    Entry &e = entry(name);
    if (style == e.penStyle)
        return;
    e.penStyle = style;
    applyStyle(e);
    update();
}

Qt::PenStyle MetricChart::seriesPenStyle(const QString &name) const
{
    const Entry *e = findEntry(name);
    return e ? e->penStyle : Qt::SolidLine;
}

QColor MetricChart::paletteColor(int index)
{
    return paletteEntry(index);
}

void MetricChart::setLegendShown(bool shown)
{
    if (shown == m_legendShown)
        return;
    m_legendShown = shown;
    updateEmptyState();
}

QStringList MetricChart::seriesNames() const
{
    QStringList names;
    for (const auto &e : m_entries)
        names.append(e->name);
    return names;
}

QVector<QPointF> MetricChart::rawPoints(const QString &name) const
{
    const Entry *e = findEntry(name);
    return e ? e->data.raw() : QVector<QPointF>();
}

QVector<QPointF> MetricChart::smoothedPoints(const QString &name) const
{
    const Entry *e = findEntry(name);
    return e ? e->data.smoothed() : QVector<QPointF>();
}

QLineSeries *MetricChart::rawLineSeries(const QString &name) const
{
    const Entry *e = findEntry(name);
    return e ? e->raw : nullptr;
}

QLineSeries *MetricChart::smoothedLineSeries(const QString &name) const
{
    const Entry *e = findEntry(name);
    return e ? e->smooth : nullptr;
}

void MetricChart::setSmoothing(double weight)
{
    const double clamped = SeriesSmoothing::clampWeight(weight);
    if (clamped == m_smoothing)
        return;
    m_smoothing = clamped;
    for (const auto &e : m_entries) {
        e->data.setSmoothingWeight(e->smoothingEnabled ? m_smoothing : 0.0);
        applyStyle(*e);
    }
    refreshNow();
}

void MetricChart::setLogScale(bool on)
{
    if (on == m_logScale)
        return;
    m_logScale = on;
    // Points valid on one axis may not be on the other; the refresh below re-thins them.
    for (const auto &e : m_entries) {
        e->raw->clear();
        e->smooth->clear();
        if (e->markers)
            e->markers->clear();
    }
    rebuildYAxis();
    const double x0 = m_x0;
    const double x1 = m_x1;
    fitViewToData();
    if (!m_followData)
        setView(x0, x1, m_y0, m_y1);
    refreshNow();
}

void MetricChart::setTitle(const QString &title)
{
    chart()->setTitle(title);
}

void MetricChart::setXAxisTitle(const QString &title)
{
    m_xAxis->setTitleText(title);
}

void MetricChart::setYAxisTitle(const QString &title)
{
    m_yTitle = title;
    m_yAxis->setTitleText(title);
}

QString MetricChart::xAxisTitle() const
{
    return m_xAxis->titleText();
}

QString MetricChart::yAxisTitle() const
{
    return m_yTitle;
}

QAbstractAxis *MetricChart::xAxis() const
{
    return m_xAxis;
}

QAbstractAxis *MetricChart::yAxis() const
{
    return m_yAxis;
}

void MetricChart::setEmptyText(const QString &text)
{
    m_emptyHint->setText(text);
    updateEmptyState();
}

QString MetricChart::emptyText() const
{
    return m_emptyHint->text();
}

QRectF MetricChart::viewRange() const
{
    return QRectF(QPointF(m_x0, m_y0), QPointF(m_x1, m_y1));
}

void MetricChart::zoomToRange(const QRectF &range)
{
    const QRectF r = range.normalized();
    m_followData = false;
    setView(r.left(), r.right(), r.top(), r.bottom());
    refreshNow();
}

void MetricChart::zoomToPixelRect(const QRectF &rect)
{
    const QRectF plot = plotRectInViewport();
    const QRectF r = rect.normalized().intersected(plot);
    if (r.width() <= 0.0 || r.height() <= 0.0)
        return;
    const QPointF low(xAtPixel(r.left(), plot), yAtPixel(r.bottom(), plot));
    const QPointF high(xAtPixel(r.right(), plot), yAtPixel(r.top(), plot));
    zoomToRange(QRectF(low, high));
}

void MetricChart::zoomX(double factor, double anchorX)
{
    if (!(factor > 0.0) || !std::isfinite(factor) || !std::isfinite(anchorX))
        return;
    m_followData = false;
    setView(anchorX - (anchorX - m_x0) * factor, anchorX + (m_x1 - anchorX) * factor, m_y0, m_y1);
    refreshNow();
}

void MetricChart::panByPixels(double dx, double dy)
{
    const QRectF plot = plotRectInViewport();
    if (plot.width() <= 0.0 || plot.height() <= 0.0)
        return;
    const double shiftX = -dx * (m_x1 - m_x0) / plot.width();
    double y0 = m_y0;
    double y1 = m_y1;
    if (m_logScale) {
        const double factor = std::pow(m_y1 / m_y0, dy / plot.height());
        y0 *= factor;
        y1 *= factor;
    } else {
        const double shiftY = dy * (m_y1 - m_y0) / plot.height();
        y0 += shiftY;
        y1 += shiftY;
    }
    m_followData = false;
    setView(m_x0 + shiftX, m_x1 + shiftX, y0, y1);
    refreshNow();
}

QVector<MetricChart::HoverValue> MetricChart::valuesAt(double x) const
{
    QVector<HoverValue> values;
    for (const auto &e : m_entries) {
        const qsizetype i = e->data.nearestIndex(x);
        if (i < 0)
            continue;
        values.append({e->name, e->data.raw().at(i), e->data.smoothed().at(i).y()});
    }
    return values;
}

QString MetricChart::hoverText() const
{
    return m_interaction->hoverText();
}

QWidget *MetricChart::hoverReadout() const
{
    return m_interaction->hoverReadout();
}

void MetricChart::clear()
{
    for (const auto &e : m_entries) {
        for (QAbstractSeries *series :
             {static_cast<QAbstractSeries *>(e->raw), static_cast<QAbstractSeries *>(e->smooth),
              static_cast<QAbstractSeries *>(e->markers)}) {
            if (!series)
                continue;
            chart()->removeSeries(series);
            delete series;
        }
    }
    m_entries.clear();
    m_byName.clear();
    m_followData = true;
    m_interaction->hideHover();
    refreshNow();
}

void MetricChart::resetView()
{
    m_followData = true;
    refreshNow();
}

void MetricChart::setRefreshBudget(double shareOfCore)
{
    m_pacer.setBudget(shareOfCore);
}

void MetricChart::refreshNow()
{
    QElapsedTimer cost;
    cost.start();
    if (m_unpaintedRefreshMs >= 0.0) // the previous refresh was never painted (hidden chart)
        m_pacer.addCost(m_unpaintedRefreshMs);
    m_refreshTimer.stop();
    m_staleWhileHidden = false;
    if (m_followData)
        fitViewToData();
    // Each axis change re-lays out every series item (stroking its whole path), which is wasted
    // on points about to be replaced, so the series are emptied first.
    for (const auto &e : m_entries) {
        e->raw->clear();
        e->smooth->clear();
        if (e->markers)
            e->markers->clear();
    }
    applyAxes();
    updateEmptyState();
    // New axis labels can change the plot width; laying out now thins for the final width in
    // this refresh instead of a second one after the posted layout request.
    if (QGraphicsLayout *layout = chart()->layout()) {
        layout->activate();
        // The ticks were spaced for the plot height before this layout; redo them once for the
        // height it gave.
        if (int(chart()->plotArea().height()) != m_tickedHeight) {
            applyAxes();
            layout->activate();
        }
    }
    QRectF plot = chart()->plotArea();
    const int width = std::max(1, int(plot.width() >= 1.0 ? plot.width() : viewport()->width()));
    for (const auto &e : m_entries)
        rethin(*e, width);
    m_thinnedWidth = width;
    ++m_refreshCount;
    m_interaction->refreshHover();
    m_refreshTimer.stop(); // everything pending, including a plot-width change, is applied
    m_unpaintedRefreshMs = cost.nsecsElapsed() / 1e6;
    Q_EMIT refreshed();
}

void MetricChart::scheduleRefresh(int intervalMs)
{
    if (!isVisible()) {
        m_staleWhileHidden = true;
        return;
    }
    // Not restarted by later changes, so a steady stream still repaints every interval.
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start(intervalMs >= 0 ? intervalMs : m_pacer.intervalMs());
}

bool MetricChart::hasData() const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [](const auto &e) { return !e->data.isEmpty(); });
}

void MetricChart::fitViewToData()
{
    double x0 = std::numeric_limits<double>::infinity();
    double x1 = -x0;
    double y0 = x0;
    double y1 = -x0;
    for (const auto &e : m_entries) {
        const MetricChartData &d = e->data;
        if (d.isEmpty())
            continue;
        x0 = std::min(x0, d.xMin());
        x1 = std::max(x1, d.xMax());
        if (m_logScale ? d.hasPositiveY() : d.hasFiniteY()) {
            y0 = std::min(y0, m_logScale ? d.minPositiveY() : d.yMin());
            y1 = std::max(y1, d.yMax());
        }
    }
    if (x0 > x1) {
        x0 = 0.0;
        x1 = 1.0;
    } else if (x0 == x1) {
        const double pad = std::max(0.5, std::abs(x0) * 0.05);
        x0 -= pad;
        x1 += pad;
    } else {
        const double pad = kEdgeMargin * (x1 - x0);
        x0 -= pad;
        x1 += pad;
    }
    if (y0 > y1) {
        y0 = m_logScale ? 0.1 : 0.0;
        y1 = m_logScale ? 10.0 : 1.0;
    } else if (m_logScale) {
        const double ratio = y1 > y0 ? std::pow(y1 / y0, 0.05) : 2.0;
        y0 /= ratio;
        y1 *= ratio;
    } else {
        // A flat series (a constant learning rate of 5e-4) is padded by its own magnitude.
        const double span = y1 - y0;
        const double margin = kEdgeMargin * span;
        const double pad = span > 0.0 ? 0.05 * span : y0 != 0.0 ? std::abs(y0) * 0.1 : 0.5;
        // Non-negative metrics (losses, accuracies) keep 0 as the floor of the axis, unless a
        // point at 0 needs the margin below it.
        y0 = y0 >= 0.0 ? std::max(y0 - pad, std::min(0.0, y0 - margin)) : y0 - pad;
        y1 += pad;
    }
    setView(x0, x1, y0, y1);
}

void MetricChart::setView(double x0, double x1, double y0, double y1)
{
    if (!std::isfinite(x0) || !std::isfinite(x1) || !std::isfinite(y0) || !std::isfinite(y1))
        return;
    if (x1 < x0)
        std::swap(x0, x1);
    if (y1 < y0)
        std::swap(y0, y1);
    widenIfDegenerate(x0, x1);
    if (m_logScale) {
        constexpr double kMinPositive = 1e-300;
        y0 = std::max(y0, kMinPositive);
        y1 = std::max(y1, y0 * (1.0 + 1e-9));
    } else {
        widenIfDegenerate(y0, y1);
    }
    if (x0 == m_x0 && x1 == m_x1 && y0 == m_y0 && y1 == m_y1)
        return;
    m_x0 = x0;
    m_x1 = x1;
    m_y0 = y0;
    m_y1 = y1;
    Q_EMIT viewRangeChanged(viewRange());
}

double MetricChart::xLabelSpacing() const
{
    // The step (and so the decimals) is not chosen yet: measure the integer part, and room for
    // two decimals on a short range.
    const QLocale locale = chart()->localizeNumbers() ? chart()->locale() : QLocale::c();
    QString widest = locale.toString(std::max(std::abs(m_x0), std::abs(m_x1)), 'f', 0);
    if (m_x1 - m_x0 < 10.0)
        widest += locale.decimalPoint() + QStringLiteral("00");
    const double labelWidth = QFontMetricsF(m_xAxis->labelsFont()).horizontalAdvance(widest);
    return std::max(kMinXLabelSpacing, kXLabelSpacingPerLabelWidth * labelWidth);
}

void MetricChart::applyAxes()
{
    const QRectF plot = chart()->plotArea();
    const double width = plot.width() >= 1.0 ? plot.width() : viewport()->width();
    const double height = plot.height() >= 1.0 ? plot.height() : viewport()->height();
    m_tickedHeight = int(height);

    setValueAxis(static_cast<QValueAxis *>(m_xAxis), m_x0, m_x1,
                 niceStep(m_x1 - m_x0, width, xLabelSpacing()));

    if (m_logScale) {
        static_cast<QLogValueAxis *>(m_yAxis)->setRange(m_y0, m_y1);
        return;
    }
    setValueAxis(static_cast<QValueAxis *>(m_yAxis), m_y0, m_y1,
                 niceStep(m_y1 - m_y0, height, kYLabelSpacing));
}

void MetricChart::rebuildYAxis()
{
    if (m_yAxis) {
        chart()->removeAxis(m_yAxis);
        delete m_yAxis;
    }
    if (m_logScale) {
        auto *axis = new QLogValueAxis(this);
        axis->setBase(10.0);
        // Localized labels need an explicit precision ("%g" alone yields empty labels).
        axis->setLabelFormat(QStringLiteral("%.3g"));
        axis->setMinorTickCount(-1);
        axis->setMinorGridLinePen(QPen(QColor(0, 0, 0, 18), 1.0));
        m_yAxis = axis;
    } else {
        auto *axis = new QValueAxis(this);
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0.0);
        m_yAxis = axis;
    }
    m_yAxis->setTitleText(m_yTitle);
    m_yAxis->setVisible(hasData());
    chart()->addAxis(m_yAxis, Qt::AlignLeft);
    for (const auto &e : m_entries) {
        e->raw->attachAxis(m_yAxis);
        e->smooth->attachAxis(m_yAxis);
        if (e->markers)
            e->markers->attachAxis(m_yAxis);
    }
}

void MetricChart::applyStyle(Entry &e)
{
    const bool smoothed = e.isSmoothed(m_smoothing);
    QColor rawColor = e.color;
    if (smoothed)
        rawColor.setAlphaF(kRawAlphaSmoothed);
    QPen rawPen(rawColor, smoothed ? 1.0 : 2.0);
    if (!smoothed)
        rawPen.setStyle(e.penStyle);
    e.raw->setPen(rawPen);
    e.smooth->setPen(QPen(e.color, 2.0));
    e.smooth->setVisible(smoothed);
    setLegendVisible(chart(), e.raw, !smoothed);
    setLegendVisible(chart(), e.smooth, smoothed);
    if (e.markers) {
        e.markers->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        e.markers->setMarkerSize(7.0);
        e.markers->setColor(e.color);
        e.markers->setBorderColor(e.color.darker(130));
        setLegendVisible(chart(), e.markers, false);
    }
}

void MetricChart::rethin(Entry &e, int width)
{
    const auto filter =
        m_logScale ? SeriesThinning::YFilter::PositiveOnly : SeriesThinning::YFilter::FiniteOnly;
    const QVector<QPointF> raw = SeriesThinning::thin(e.data.raw(), m_x0, m_x1, width, filter);
    e.raw->replace(raw);
    if (e.isSmoothed(m_smoothing))
        e.smooth->replace(SeriesThinning::thin(e.data.smoothed(), m_x0, m_x1, width, filter));
    else
        e.smooth->clear();
    if (e.markers)
        e.markers->replace(raw);
}

void MetricChart::updateEmptyState()
{
    const bool empty = !hasData();
    m_xAxis->setVisible(!empty);
    m_yAxis->setVisible(!empty);
    chart()->legend()->setVisible(!empty && m_legendShown);
    m_emptyHint->setVisible(empty);
    if (empty) {
        const QPointF center = mapToScene(viewport()->rect().center());
        m_emptyHint->setPos(center - m_emptyHint->boundingRect().center());
    }
}

QRectF MetricChart::plotRectInViewport() const
{
    const QRectF scenePlot = chart()->mapRectToScene(chart()->plotArea());
    return viewportTransform().mapRect(scenePlot);
}

double MetricChart::xAtPixel(double px, const QRectF &plot) const
{
    return m_x0 + (px - plot.left()) / plot.width() * (m_x1 - m_x0);
}

double MetricChart::yAtPixel(double py, const QRectF &plot) const
{
    const double t = (plot.bottom() - py) / plot.height();
    if (m_logScale)
        return m_y0 * std::pow(m_y1 / m_y0, t);
    return m_y0 + t * (m_y1 - m_y0);
}

bool MetricChart::drawsSmoothed(const QString &name) const
{
    const Entry *e = findEntry(name);
    return e && e->isSmoothed(m_smoothing);
}

void MetricChart::mousePressEvent(QMouseEvent *event)
{
    if (!m_interaction->mousePress(event))
        QChartView::mousePressEvent(event);
}

void MetricChart::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_interaction->mouseMove(event))
        QChartView::mouseMoveEvent(event);
}

void MetricChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_interaction->mouseRelease(event))
        QChartView::mouseReleaseEvent(event);
}

void MetricChart::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!m_interaction->mouseDoubleClick(event))
        QChartView::mouseDoubleClickEvent(event);
}

void MetricChart::wheelEvent(QWheelEvent *event)
{
    m_interaction->wheel(event);
}

void MetricChart::keyPressEvent(QKeyEvent *event)
{
    if (!m_interaction->keyPress(event))
        QChartView::keyPressEvent(event);
}

void MetricChart::leaveEvent(QEvent *event)
{
    m_interaction->hideHover();
    QChartView::leaveEvent(event);
}

void MetricChart::paintEvent(QPaintEvent *event)
{
    QElapsedTimer cost;
    cost.start();
    QChartView::paintEvent(event);
    if (m_unpaintedRefreshMs >= 0.0) {
        m_pacer.addCost(m_unpaintedRefreshMs + cost.nsecsElapsed() / 1e6);
        m_unpaintedRefreshMs = -1.0;
    }
}

void MetricChart::showEvent(QShowEvent *event)
{
    QChartView::showEvent(event);
    if (m_staleWhileHidden)
        scheduleRefresh(0);
}

void MetricChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    m_interaction->hideHover();
    updateEmptyState();
}

} // namespace mf
