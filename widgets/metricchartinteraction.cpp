#include "widgets/metricchartinteraction.h"

#include "widgets/metricchart.h"

#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QRubberBand>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace mf {

namespace {

constexpr double kPanKeyFraction = 0.1;
constexpr double kKeyZoomFactor = 0.8;
constexpr double kWheelZoomBase = 0.85;
constexpr int kMinRubberBandPixels = 4;

QString formatValue(double value)
{
    const QLocale locale;
    if (std::isfinite(value) && value == std::round(value) && std::abs(value) < 1e15)
        return locale.toString(qint64(value));
    return locale.toString(value, 'g', 6);
}

} // namespace

MetricChartInteraction::~MetricChartInteraction()
{
    // Owned by the window while shown there; it goes with the chart.
    delete m_hoverLabel.data();
}

MetricChartInteraction::MetricChartInteraction(MetricChart &chart) : m_chart(chart)
{
    m_hoverLine = new QGraphicsLineItem();
    m_hoverLine->setPen(QPen(QColor(0, 0, 0, 110), 1.0, Qt::DashLine));
    m_hoverLine->setZValue(10);
    m_hoverLine->hide();
    m_chart.scene()->addItem(m_hoverLine);

    m_hoverLabel = new QLabel(m_chart.viewport());
    m_hoverLabel->setTextFormat(Qt::RichText);
    m_hoverLabel->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_hoverLabel->setAutoFillBackground(true);
    m_hoverLabel->setPalette(QToolTip::palette());
    m_hoverLabel->setFrameShape(QFrame::Box);
    m_hoverLabel->setMargin(4);
    m_hoverLabel->hide();

    m_rubberBand = new QRubberBand(QRubberBand::Rectangle, m_chart.viewport());
}

bool MetricChartInteraction::mousePress(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const bool pan =
        event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ShiftModifier));
    if (pan && m_chart.hasData()) {
        m_drag = DragMode::Pan;
        m_dragLast = pos;
        hideHover();
        m_chart.viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return true;
    }
    if (event->button() == Qt::LeftButton && m_chart.hasData() &&
        m_chart.plotRectInViewport().contains(pos)) {
        m_drag = DragMode::Zoom;
        m_dragOrigin = pos;
        m_rubberBand->setGeometry(QRect(pos, QSize()));
        m_rubberBand->show();
        hideHover();
        event->accept();
        return true;
    }
    return false;
}

bool MetricChartInteraction::mouseMove(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    switch (m_drag) {
    case DragMode::Zoom:
        m_rubberBand->setGeometry(QRect(m_dragOrigin, pos)
                                      .normalized()
                                      .intersected(m_chart.plotRectInViewport().toRect()));
        event->accept();
        return true;
    case DragMode::Pan: {
        const QPoint delta = pos - m_dragLast;
        m_dragLast = pos;
        m_chart.panByPixels(delta.x(), delta.y());
        event->accept();
        return true;
    }
    case DragMode::None:
        break;
    }
    // Hovering still lets QChartView see the move.
    updateHover(event->position());
    return false;
}

bool MetricChartInteraction::mouseRelease(QMouseEvent *event)
{
    switch (m_drag) {
    case DragMode::Zoom: {
        m_drag = DragMode::None;
        const QRect rect = m_rubberBand->geometry();
        m_rubberBand->hide();
        if (rect.width() > kMinRubberBandPixels && rect.height() > kMinRubberBandPixels)
            m_chart.zoomToPixelRect(rect);
        event->accept();
        return true;
    }
    case DragMode::Pan:
        m_drag = DragMode::None;
        m_chart.viewport()->unsetCursor();
        event->accept();
        return true;
    case DragMode::None:
        break;
    }
    return false;
}

bool MetricChartInteraction::mouseDoubleClick(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    m_chart.resetView();
    event->accept();
    return true;
}

void MetricChartInteraction::wheel(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0 || !m_chart.hasData()) {
        event->ignore();
        return;
    }
    const QRectF plot = m_chart.plotRectInViewport();
    const double px = event->position().x();
    const double anchor = plot.left() <= px && px <= plot.right()
                              ? m_chart.xAtPixel(px, plot)
                              : 0.5 * (m_chart.m_x0 + m_chart.m_x1);
    m_chart.zoomX(std::pow(kWheelZoomBase, steps), anchor);
    event->accept();
}

bool MetricChartInteraction::keyPress(QKeyEvent *event)
{
    if (!m_chart.hasData())
        return false;
    const QRectF plot = m_chart.plotRectInViewport();
    const double dx = plot.width() * kPanKeyFraction;
    const double dy = plot.height() * kPanKeyFraction;
    const double midX = 0.5 * (m_chart.m_x0 + m_chart.m_x1);
    switch (event->key()) {
    case Qt::Key_Left:
        m_chart.panByPixels(dx, 0.0);
        break;
    case Qt::Key_Right:
        m_chart.panByPixels(-dx, 0.0);
        break;
    case Qt::Key_Up:
        m_chart.panByPixels(0.0, dy);
        break;
    case Qt::Key_Down:
        m_chart.panByPixels(0.0, -dy);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_chart.zoomX(kKeyZoomFactor, midX);
        break;
    case Qt::Key_Minus:
        m_chart.zoomX(1.0 / kKeyZoomFactor, midX);
        break;
    case Qt::Key_Home:
        m_chart.resetView();
        break;
    default:
        return false;
    }
    event->accept();
    return true;
}

void MetricChartInteraction::refreshHover()
{
    if (m_hovering)
        updateHover(m_hoverPos);
}

void MetricChartInteraction::hideHover()
{
    m_hovering = false;
    if (m_hoverLabel)
        m_hoverLabel->hide();
    m_hoverLine->hide();
}

QString MetricChartInteraction::hoverText() const
{
    return m_hovering && m_hoverLabel ? m_hoverLabel->text() : QString();
}

void MetricChartInteraction::updateHover(const QPointF &viewportPos)
{
    m_hoverPos = viewportPos;
    if (!m_hoverLabel)
        return;
    const QRectF plot = m_chart.plotRectInViewport();
    if (!m_chart.hasData() || !plot.contains(viewportPos)) {
        hideHover();
        return;
    }
    const double x = m_chart.xAtPixel(viewportPos.x(), plot);
    const QVector<MetricChart::HoverValue> values = m_chart.valuesAt(x);
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
    // MetricChart::tr keeps these strings in the chart's translation context.
    const QString xTitle =
        m_chart.xAxisTitle().isEmpty() ? MetricChart::tr("x") : m_chart.xAxisTitle();
    QString html = QStringLiteral("<b>%1 %2</b><table cellspacing=\"0\" cellpadding=\"1\">")
                       .arg(xTitle.toHtmlEscaped(), formatValue(snappedX));
    for (const MetricChart::HoverValue &value : values) {
        QString reading = m_chart.drawsSmoothed(value.series)
                              ? MetricChart::tr("%1 (raw %2)")
                                    .arg(formatValue(value.smoothed), formatValue(value.raw.y()))
                              : formatValue(value.raw.y());
        if (value.raw.x() != snappedX)
            reading +=
                QStringLiteral(" ") + MetricChart::tr("at %1").arg(formatValue(value.raw.x()));
        html += QStringLiteral("<tr><td><span style=\"color:%1\">&#9632;</span> %2</td>"
                               "<td>&nbsp;%3</td></tr>")
                    .arg(m_chart.seriesColor(value.series).name(), value.series.toHtmlEscaped(),
                         reading.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_hoverLabel->setText(html);
    m_hoverLabel->adjustSize();

    // The read-out floats over the whole window, not only the chart: in a narrow chart of a
    // comparison, a read-out of eight series is wider than the chart and was cut at its edge.
    QWidget *window = m_chart.window();
    if (m_hoverLabel->parentWidget() != window)
        m_hoverLabel->setParent(window);
    m_hoverLabel->adjustSize();
    const QSize size = m_hoverLabel->size();
    const QRect area = window->rect();
    const QPoint cursor = m_chart.viewport()->mapTo(window, viewportPos.toPoint());
    QPoint pos = cursor + QPoint(14, 14);
    if (pos.x() + size.width() > area.right())
        pos.setX(cursor.x() - 14 - size.width());
    if (pos.y() + size.height() > area.bottom())
        pos.setY(cursor.y() - 14 - size.height());
    pos.setX(std::clamp(pos.x(), area.left(), std::max(area.left(), area.right() - size.width())));
    pos.setY(std::max(area.top(), pos.y()));
    m_hoverLabel->move(pos);
    m_hoverLabel->show();
    m_hoverLabel->raise();

    const double x0 = m_chart.m_x0;
    const double x1 = m_chart.m_x1;
    const double px = plot.left() + (snappedX - x0) / (x1 - x0) * plot.width();
    if (px >= plot.left() && px <= plot.right()) {
        m_hoverLine->setLine(
            QLineF(m_chart.mapToScene(QPoint(int(std::lround(px)), int(plot.top()))),
                   m_chart.mapToScene(QPoint(int(std::lround(px)), int(plot.bottom())))));
        m_hoverLine->show();
    } else {
        m_hoverLine->hide();
    }
    m_hovering = true;
}

} // namespace mf
