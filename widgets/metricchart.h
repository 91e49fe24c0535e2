#pragma once

#include "widgets/refreshpacer.h"

#include <QChartView>
#include <QElapsedTimer>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>

#include <map>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QColor;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QScatterSeries;
QT_END_NAMESPACE

namespace mf {

class MetricChartInteraction;

/// A live chart of named metric series (e.g. "train_loss", "val_loss"). Each series is kept at
/// full resolution, smoothed with TensorBoard's debiased moving average (drawn over a faded raw
/// line), and re-thinned to about two points per pixel of the visible range on every data or
/// view change. Data changes are coalesced into one refresh, paced by what a refresh and its
/// repaint cost so that live updates stay within a share of one core (RefreshPacer): at most
/// 25 per second, fewer where drawing is slow. Zoom, pan and settings refresh at once. A hidden
/// chart (on a page not shown) keeps its data but refreshes only when it is shown again.
/// Interaction: drag a rectangle to zoom, middle- or Shift+drag and the arrow keys to pan, the
/// wheel zooms x, double-click or Home resets; hovering shows each series' exact values.
/// GUI thread only: feed it from queued signals.
class MetricChart : public QChartView
{
    Q_OBJECT
public:
    /// One series' reading at a hovered x: its nearest raw point and the smoothed value there.
    struct HoverValue
    {
        QString series;
        QPointF raw;
        double smoothed = 0.0;
    };

    explicit MetricChart(QWidget *parent = nullptr);
    ~MetricChart() override;

    /// Replaces the points of series `name`, creating it when new.
    void setSeries(const QString &name, const QVector<QPointF> &points);
    /// Appends points to series `name` (creating it); the repaint follows within
    /// refreshIntervalMs().
    void appendPoints(const QString &name, const QVector<QPointF> &points);
    /// Draws series `name` with a marker on each (thinned) raw point, e.g. one per epoch.
    void setPointMarkersVisible(const QString &name, bool visible);

    /// Whether series `name` is smoothed (the default) when smoothing is on; sparse series such
    /// as one validation point per epoch read better unsmoothed.
    void setSeriesSmoothed(const QString &name, bool smoothed);
    /// Draws series `name` in `color` instead of the next colour of the palette, so that a
    /// comparison can keep one colour per run across charts.
    void setSeriesColor(const QString &name, const QColor &color);
    QColor seriesColor(const QString &name) const;
    /// The pen of an unsmoothed line (a dashed validation curve); smoothed lines stay solid.
    void setSeriesPenStyle(const QString &name, Qt::PenStyle style);
    Qt::PenStyle seriesPenStyle(const QString &name) const;
    /// The palette's colour `index` (it repeats after ten), as the n-th new series gets it.
    static QColor paletteColor(int index);

    /// Whether the chart draws its own legend (on by default; a comparison shows one legend for
    /// all its charts instead).
    void setLegendShown(bool shown);
    bool legendShown() const { return m_legendShown; }

    QStringList seriesNames() const;
    /// The full-resolution points of series `name`; empty for an unknown name.
    QVector<QPointF> rawPoints(const QString &name) const;
    QVector<QPointF> smoothedPoints(const QString &name) const;
    /// The chart series drawing `name` (nullptr for an unknown name).
    QLineSeries *rawLineSeries(const QString &name) const;
    QLineSeries *smoothedLineSeries(const QString &name) const;

    /// 0 (off) to 0.99; values outside are clamped.
    void setSmoothing(double weight);
    double smoothing() const { return m_smoothing; }
    /// A logarithmic y axis; points with y <= 0 are not drawn while it is on.
    void setLogScale(bool on);
    bool logScale() const { return m_logScale; }

    void setTitle(const QString &title);
    void setXAxisTitle(const QString &title);
    void setYAxisTitle(const QString &title);
    QString xAxisTitle() const;
    QString yAxisTitle() const;
    QAbstractAxis *xAxis() const;
    QAbstractAxis *yAxis() const;
    /// The text shown in place of the axes while no series has points.
    void setEmptyText(const QString &text);
    QString emptyText() const;

    /// The visible range in data units: left/right are x, top/bottom are the y minimum/maximum.
    QRectF viewRange() const;
    /// Whether the view follows the data (true until the user zooms or pans).
    bool followsData() const { return m_followData; }
    /// Shows the data range `range` (same layout as viewRange(); normalized here).
    void zoomToRange(const QRectF &range);
    /// Shows what lies under `rect`, given in viewport pixels (the rubber band's result).
    void zoomToPixelRect(const QRectF &rect);
    /// Scales the x range by `factor` (< 1 zooms in) keeping `anchorX` in place.
    void zoomX(double factor, double anchorX);
    /// Moves the view as if the plot were dragged by (dx, dy) pixels (screen directions).
    void panByPixels(double dx, double dy);

    /// Each non-empty series' reading nearest to `x`, found in the full-resolution data.
    QVector<HoverValue> valuesAt(double x) const;
    /// The hover read-out as shown (rich text); empty while it is hidden.
    QString hoverText() const;
    /// The widget showing the read-out (it may extend past the chart, over its window).
    QWidget *hoverReadout() const;

    /// The number of refreshes (re-thinning and axis update) done so far.
    int refreshCount() const { return m_refreshCount; }
    /// Whether a coalesced refresh is waiting for its timer.
    bool isRefreshPending() const { return m_refreshTimer.isActive(); }
    /// The share of one core that data-driven refreshes may take (RefreshPacer's budget).
    void setRefreshBudget(double shareOfCore);
    double refreshBudget() const { return m_pacer.budget(); }
    /// How long new data waits for its refresh, from the measured cost of recent refreshes.
    int refreshIntervalMs() const { return m_pacer.intervalMs(); }
    /// The smoothed cost of one refresh with its repaint, in milliseconds.
    double refreshCostMs() const { return m_pacer.averageCostMs(); }

public Q_SLOTS:
    void clear();
    void resetView();
    /// Applies pending data changes now instead of at the next timer tick.
    void refreshNow();

Q_SIGNALS:
    void refreshed();
    void viewRangeChanged(const QRectF &range);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // Handles the input events forwarded from the overrides above and needs the view mapping.
    friend class MetricChartInteraction;
    struct Entry;

    Entry &entry(const QString &name);
    const Entry *findEntry(const QString &name) const;
    /// Starts the coalescing timer unless running; a negative interval asks the pacer.
    void scheduleRefresh(int intervalMs = -1);
    bool hasData() const;
    void fitViewToData();
    void setView(double x0, double x1, double y0, double y1);
    void applyAxes();
    double xLabelSpacing() const;
    void rebuildYAxis();
    void applyStyle(Entry &entry);
    void rethin(Entry &entry, int width);
    void updateEmptyState();
    /// Whether series `name` is drawn smoothed, for the hover read-out.
    bool drawsSmoothed(const QString &name) const;
    QRectF plotRectInViewport() const;
    double xAtPixel(double px, const QRectF &plot) const;
    double yAtPixel(double py, const QRectF &plot) const;

    std::vector<std::unique_ptr<Entry>> m_entries;
    std::map<QString, Entry *> m_byName;
    QAbstractAxis *m_xAxis = nullptr;
    QAbstractAxis *m_yAxis = nullptr;
    QGraphicsSimpleTextItem *m_emptyHint = nullptr;
    std::unique_ptr<MetricChartInteraction> m_interaction;
    QTimer m_refreshTimer;
    RefreshPacer m_pacer;
    /// Cost of the last refresh, waiting for the repaint it caused to be added to it.
    double m_unpaintedRefreshMs = -1.0;
    /// Data arrived while the chart was hidden (another page is shown); drawn when it shows.
    bool m_staleWhileHidden = false;
    QString m_yTitle;
    double m_smoothing = 0.6;
    bool m_logScale = false;
    bool m_followData = true;
    bool m_legendShown = true;
    double m_x0 = 0.0;
    double m_x1 = 1.0;
    double m_y0 = 0.0;
    double m_y1 = 1.0;
    int m_thinnedWidth = 0;
    int m_tickedHeight = 0;
    int m_refreshCount = 0;
};

} // namespace mf
