#include "widgets/metricchart.h"

#include "widgets/metricchartdata.h"
#include "widgets/seriessmoothing.h"
#include "widgets/seriesthinning.h"

#include <QApplication>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QRubberBand>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace mf {

namespace {

constexpr double kPanKeyFraction = 0.1;
constexpr double kKeyZoomFactor = 0.8;
constexpr double kWheelZoomBase = 0.85;
constexpr int kMinRubberBandPixels = 4;
constexpr double kRawAlphaSmoothed = 0.3;

const QColor &seriesColor(int index)
{
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                    QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                    QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                    QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
                                    QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf)};
    return colors[index % int(std::size(colors))];
}

/// A tick interval of 1, 2 or 5 times a power of ten giving about `ticks` intervals over `span`.
double niceStep(double span, int ticks)
{
    if (!(span > 0.0) || !std::isfinite(span))
        return 1.0;
    const double raw = span / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1.0   ? 1.0
                        : fraction <= 2.0 ? 2.0
                        : fraction <= 5.0 ? 5.0
                                          : 10.0;
    return nice * magnitude;
}

QString labelFormatForStep(double step)
{
    const int decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 12);
    return QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f");
}

QString formatValue(double value)
{
    const QLocale locale;
    if (std::isfinite(value) && value == std::round(value) && std::abs(value) < 1e15)
        return locale.toString(qint64(value));
    return locale.toString(value, 'g', 6);
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

    m_hoverLine = new QGraphicsLineItem();
    m_hoverLine->setPen(QPen(QColor(0, 0, 0, 110), 1.0, Qt::DashLine));
    m_hoverLine->setZValue(10);
    m_hoverLine->hide();
    scene()->addItem(m_hoverLine);

    m_hoverLabel = new QLabel(viewport());
    m_hoverLabel->setTextFormat(Qt::RichText);
    m_hoverLabel->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_hoverLabel->setAutoFillBackground(true);
    m_hoverLabel->setPalette(QToolTip::palette());
    m_hoverLabel->setFrameShape(QFrame::Box);
    m_hoverLabel->setMargin(4);
    m_hoverLabel->hide();

    m_rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MetricChart::refreshNow);
    // Axis labels change the plot width after a refresh; the thinning must follow it.
    connect(c, &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        updateEmptyState();
        if (hasData() && int(area.width()) != m_thinnedWidth)
            scheduleRefresh();
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
    e.color = seriesColor(int(m_entries.size()));
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
    return m_hovering ? m_hoverLabel->text() : QString();
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
    hideHover();
    refreshNow();
}

void MetricChart::resetView()
{
    m_followData = true;
    refreshNow();
}

void MetricChart::refreshNow()
{
    m_refreshTimer.stop();
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
    QRectF plot = chart()->plotArea();
    const int width = std::max(1, int(plot.width() >= 1.0 ? plot.width() : viewport()->width()));
    for (const auto &e : m_entries)
        rethin(*e, width);
    m_thinnedWidth = width;
    ++m_refreshCount;
    if (m_hovering)
        updateHover(m_hoverPos);
    Q_EMIT refreshed();
}

void MetricChart::scheduleRefresh()
{
    // Not restarted by later changes, so a steady stream still repaints every interval.
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
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
    }
    if (y0 > y1) {
        y0 = m_logScale ? 0.1 : 0.0;
        y1 = m_logScale ? 10.0 : 1.0;
    } else if (m_logScale) {
        const double ratio = y1 > y0 ? std::pow(y1 / y0, 0.05) : 2.0;
        y0 /= ratio;
        y1 *= ratio;
    } else {
        const double pad = y1 > y0 ? 0.05 * (y1 - y0) : std::max(0.5, std::abs(y0) * 0.1);
        // Non-negative metrics (losses, accuracies) keep 0 as the floor of the axis.
        y0 = y0 >= 0.0 ? std::max(0.0, y0 - pad) : y0 - pad;
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

void MetricChart::applyAxes()
{
    const QRectF plot = chart()->plotArea();
    const double width = plot.width() >= 1.0 ? plot.width() : viewport()->width();
    const double height = plot.height() >= 1.0 ? plot.height() : viewport()->height();

    setValueAxis(static_cast<QValueAxis *>(m_xAxis), m_x0, m_x1,
                 niceStep(m_x1 - m_x0, std::max(2, int(width / 100.0))));

    if (m_logScale) {
        static_cast<QLogValueAxis *>(m_yAxis)->setRange(m_y0, m_y1);
        return;
    }
    setValueAxis(static_cast<QValueAxis *>(m_yAxis), m_y0, m_y1,
                 niceStep(m_y1 - m_y0, std::max(2, int(height / 50.0))));
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
    e.raw->setPen(QPen(rawColor, smoothed ? 1.0 : 2.0));
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
    chart()->legend()->setVisible(!empty);
    m_emptyHint->setVisible(empty);
    if (empty) {
        const QPointF center = mapToScene(viewport()->rect().center());
        m_emptyHint->setPos(center - m_emptyHint->boundingRect().center());
    }
}

void MetricChart::updateHover(const QPointF &viewportPos)
{
    m_hoverPos = viewportPos;
    const QRectF plot = plotRectInViewport();
    if (!hasData() || !plot.contains(viewportPos)) {
        hideHover();
        return;
    }
    const double x = xAtPixel(viewportPos.x(), plot);
    const QVector<HoverValue> values = valuesAt(x);
    if (values.isEmpty()) {
        hideHover();
        return;
    }
    // The header names the x of the reading nearest the cursor; others show theirs if apart.
    const auto nearest =
        std::min_element(values.cbegin(), values.cend(), [x](const auto &a, const auto &b) {
            return std::abs(a.raw.x() - x) < std::abs(b.raw.x() - x);
        });
    const double snappedX = nearest->raw.x();
    const QString xTitle = xAxisTitle().isEmpty() ? tr("x") : xAxisTitle();
    QString html = QStringLiteral("<b>%1 %2</b><table cellspacing=\"0\" cellpadding=\"1\">")
                       .arg(xTitle.toHtmlEscaped(), formatValue(snappedX));
    for (const HoverValue &value : values) {
        const Entry *e = findEntry(value.series);
        QString reading =
            e->isSmoothed(m_smoothing)
                ? tr("%1 (raw %2)").arg(formatValue(value.smoothed), formatValue(value.raw.y()))
                : formatValue(value.raw.y());
        if (value.raw.x() != snappedX)
            reading += QStringLiteral(" ") + tr("at %1").arg(formatValue(value.raw.x()));
        html += QStringLiteral("<tr><td><span style=\"color:%1\">&#9632;</span> %2</td>"
                               "<td>&nbsp;%3</td></tr>")
                    .arg(e->color.name(), value.series.toHtmlEscaped(), reading.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_hoverLabel->setText(html);
    m_hoverLabel->adjustSize();

    const QSize size = m_hoverLabel->size();
    const QRect area = viewport()->rect();
    QPoint pos = viewportPos.toPoint() + QPoint(14, 14);
    if (pos.x() + size.width() > area.right())
        pos.setX(int(viewportPos.x()) - 14 - size.width());
    if (pos.y() + size.height() > area.bottom())
        pos.setY(int(viewportPos.y()) - 14 - size.height());
    pos.setX(std::max(area.left(), pos.x()));
    pos.setY(std::max(area.top(), pos.y()));
    m_hoverLabel->move(pos);
    m_hoverLabel->show();
    m_hoverLabel->raise();

    const double px = plot.left() + (snappedX - m_x0) / (m_x1 - m_x0) * plot.width();
    if (px >= plot.left() && px <= plot.right()) {
        m_hoverLine->setLine(QLineF(mapToScene(QPoint(int(std::lround(px)), int(plot.top()))),
                                    mapToScene(QPoint(int(std::lround(px)), int(plot.bottom())))));
        m_hoverLine->show();
    } else {
        m_hoverLine->hide();
    }
    m_hovering = true;
}

void MetricChart::hideHover()
{
    m_hovering = false;
    m_hoverLabel->hide();
    m_hoverLine->hide();
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

void MetricChart::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const bool pan =
        event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ShiftModifier));
    if (pan && hasData()) {
        m_drag = DragMode::Pan;
        m_dragLast = pos;
        hideHover();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && hasData() && plotRectInViewport().contains(pos)) {
        m_drag = DragMode::Zoom;
        m_dragOrigin = pos;
        m_rubberBand->setGeometry(QRect(pos, QSize()));
        m_rubberBand->show();
        hideHover();
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void MetricChart::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    switch (m_drag) {
    case DragMode::Zoom:
        m_rubberBand->setGeometry(
            QRect(m_dragOrigin, pos).normalized().intersected(plotRectInViewport().toRect()));
        event->accept();
        return;
    case DragMode::Pan: {
        const QPoint delta = pos - m_dragLast;
        m_dragLast = pos;
        panByPixels(delta.x(), delta.y());
        event->accept();
        return;
    }
    case DragMode::None:
        break;
    }
    updateHover(event->position());
    QChartView::mouseMoveEvent(event);
}

void MetricChart::mouseReleaseEvent(QMouseEvent *event)
{
    switch (m_drag) {
    case DragMode::Zoom: {
        m_drag = DragMode::None;
        const QRect rect = m_rubberBand->geometry();
        m_rubberBand->hide();
        if (rect.width() > kMinRubberBandPixels && rect.height() > kMinRubberBandPixels)
            zoomToPixelRect(rect);
        event->accept();
        return;
    }
    case DragMode::Pan:
        m_drag = DragMode::None;
        viewport()->unsetCursor();
        event->accept();
        return;
    case DragMode::None:
        break;
    }
    QChartView::mouseReleaseEvent(event);
}

void MetricChart::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        resetView();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void MetricChart::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0 || !hasData()) {
        event->ignore();
        return;
    }
    const QRectF plot = plotRectInViewport();
    const double px = event->position().x();
    const double anchor =
        plot.left() <= px && px <= plot.right() ? xAtPixel(px, plot) : 0.5 * (m_x0 + m_x1);
    zoomX(std::pow(kWheelZoomBase, steps), anchor);
    event->accept();
}

void MetricChart::keyPressEvent(QKeyEvent *event)
{
    if (!hasData()) {
        QChartView::keyPressEvent(event);
        return;
    }
    const QRectF plot = plotRectInViewport();
    const double dx = plot.width() * kPanKeyFraction;
    const double dy = plot.height() * kPanKeyFraction;
    switch (event->key()) {
    case Qt::Key_Left:
        panByPixels(dx, 0.0);
        break;
    case Qt::Key_Right:
        panByPixels(-dx, 0.0);
        break;
    case Qt::Key_Up:
        panByPixels(0.0, dy);
        break;
    case Qt::Key_Down:
        panByPixels(0.0, -dy);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomX(kKeyZoomFactor, 0.5 * (m_x0 + m_x1));
        break;
    case Qt::Key_Minus:
        zoomX(1.0 / kKeyZoomFactor, 0.5 * (m_x0 + m_x1));
        break;
    case Qt::Key_Home:
        resetView();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void MetricChart::leaveEvent(QEvent *event)
{
    hideHover();
    QChartView::leaveEvent(event);
}

void MetricChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    hideHover();
    updateEmptyState();
}

} // namespace mf
