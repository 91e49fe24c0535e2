#pragma once

#include <QLabel>
#include <QPoint>
#include <QPointF>
#include <QPointer>
#include <QString>

QT_BEGIN_NAMESPACE
class QGraphicsLineItem;
class QKeyEvent;
class QMouseEvent;
class QRubberBand;
class QWheelEvent;
QT_END_NAMESPACE

namespace mf {

class MetricChart;

/// The mouse and keyboard handling of a MetricChart: rubber-band zoom, middle- or Shift+drag and
/// arrow-key pan, wheel and +/- zoom of x, double-click or Home reset, and the hover read-out
/// (a label with each series' values and a dashed line at the hovered x).
/// The chart forwards its input events here; each handler returns whether it consumed the event,
/// otherwise the chart passes it on to QChartView.
class MetricChartInteraction
{
public:
    /// Adds the hover line, hover label and rubber band to `chart`'s scene and viewport.
    explicit MetricChartInteraction(MetricChart &chart);
    MetricChartInteraction(const MetricChartInteraction &) = delete;
    MetricChartInteraction &operator=(const MetricChartInteraction &) = delete;
    ~MetricChartInteraction();

    bool mousePress(QMouseEvent *event);
    bool mouseMove(QMouseEvent *event);
    bool mouseRelease(QMouseEvent *event);
    bool mouseDoubleClick(QMouseEvent *event);
    /// Accepts or ignores `event`; the wheel is never passed on.
    void wheel(QWheelEvent *event);
    bool keyPress(QKeyEvent *event);

    /// Re-reads the hover at its last position after the data or view changed.
    void refreshHover();
    void hideHover();
    /// The hover read-out as shown (rich text); empty while it is hidden.
    QString hoverText() const;
    /// The read-out (a child of the chart's window while shown); nullptr once the window that
    /// held it is gone.
    QWidget *hoverReadout() const { return m_hoverLabel; }

private:
    enum class DragMode
    {
        None,
        Zoom,
        Pan
    };

    void updateHover(const QPointF &viewportPos);

    MetricChart &m_chart;
    QGraphicsLineItem *m_hoverLine = nullptr;
    QPointer<QLabel> m_hoverLabel;
    QRubberBand *m_rubberBand = nullptr;
    DragMode m_drag = DragMode::None;
    QPoint m_dragOrigin;
    QPoint m_dragLast;
    QPointF m_hoverPos;
    bool m_hovering = false;
};

} // namespace mf
