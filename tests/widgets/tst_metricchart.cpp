#include "widgets/metricchart.h"
#include "widgets/seriessmoothing.h"
#include "widgets/seriesthinning.h"

#include "tests/support/testsuite.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QRandomGenerator>
#include <QValueAxis>
#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>

using mf::MetricChart;
using mf::RefreshPacer;
using mf::SeriesSmoothing;
using mf::SeriesThinning;

namespace {

/// The share of the data's span a fitted view leaves free on each side.
constexpr double kMargin = 0.03;

/// A decaying noisy loss curve over steps first..first+count-1, with a few non-positive values.
QVector<QPointF> lossCurve(int first, int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    QVector<QPointF> points;
    points.reserve(count);
    for (int i = first; i < first + count; ++i) {
        double y = 2.0 * std::exp(-i / 400.0) + 0.05 + (rng.bounded(1.0) - 0.5) * 0.3;
        if (i % 97 == 50)
            y = -0.1;
        points.append(QPointF(i, y));
    }
    return points;
}

QGraphicsSimpleTextItem *emptyHint(MetricChart &chart)
{
    const QList<QGraphicsItem *> items = chart.scene()->items();
    for (QGraphicsItem *item : items) {
        auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item);
        if (text && text->text() == chart.emptyText())
            return text;
    }
    return nullptr;
}

/// Waits until the chart has settled: no refresh pending, none following a layout change.
void settle(MetricChart &chart)
{
    for (int i = 0; i < 10; ++i) {
        QTRY_VERIFY(!chart.isRefreshPending());
        QTest::qWait(2 * chart.refreshIntervalMs());
        if (!chart.isRefreshPending())
            return;
    }
}

void showChart(MetricChart &chart)
{
    chart.resize(800, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
}

int plotWidth(MetricChart &chart)
{
    return int(chart.chart()->plotArea().width());
}

} // namespace

class TestMetricChart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyChartShowsHint()
    {
        MetricChart chart;
        showChart(chart);
        QCOMPARE(chart.emptyText(), QStringLiteral("No data yet"));
        QGraphicsSimpleTextItem *hint = emptyHint(chart);
        QVERIFY(hint);
        QVERIFY(hint->isVisible());
        QVERIFY(!chart.xAxis()->isVisible());
        QVERIFY(!chart.yAxis()->isVisible());
        // Centered in the view.
        const QPointF center = chart.mapFromScene(hint->sceneBoundingRect().center());
        QVERIFY(std::abs(center.x() - chart.viewport()->width() / 2.0) < 3.0);
        QVERIFY(std::abs(center.y() - chart.viewport()->height() / 2.0) < 3.0);

        chart.setSeries(QStringLiteral("train_loss"), {{0, 1.0}, {1, 0.5}});
        chart.refreshNow();
        QVERIFY(!hint->isVisible());
        QVERIFY(chart.xAxis()->isVisible());
        QVERIFY(chart.yAxis()->isVisible());

        chart.clear();
        QVERIFY(chart.seriesNames().isEmpty());
        QVERIFY(hint->isVisible());
        QVERIFY(!chart.xAxis()->isVisible());
    }

    void lineSeriesHoldThinnedPoints()
    {
        MetricChart chart;
        showChart(chart);
        chart.setSmoothing(0.9);
        const QVector<QPointF> points = lossCurve(0, 100000, 11);
        QSignalSpy refreshed(&chart, &MetricChart::refreshed);
        chart.setSeries(QStringLiteral("train_loss"), points);
        QVERIFY(refreshed.wait(1000));
        settle(chart);
        chart.refreshNow();

        QCOMPARE(chart.rawPoints(QStringLiteral("train_loss")), points);
        const QVector<QPointF> smoothed = SeriesSmoothing::smooth(points, 0.9);
        QCOMPARE(chart.smoothedPoints(QStringLiteral("train_loss")), smoothed);

        const QRectF view = chart.viewRange();
        QCOMPARE(view.left(), -kMargin * 99999.0);
        QCOMPARE(view.right(), 99999.0 * (1.0 + kMargin));
        const int width = plotWidth(chart);
        QVERIFY(width > 400);
        const QVector<QPointF> rawExpected =
            SeriesThinning::thin(points, view.left(), view.right(), width);
        const QVector<QPointF> smoothExpected =
            SeriesThinning::thin(smoothed, view.left(), view.right(), width);
        QVERIFY(rawExpected.size() <= 2 * width + 2);
        QCOMPARE(chart.rawLineSeries(QStringLiteral("train_loss"))->points(), rawExpected);
        QCOMPARE(chart.smoothedLineSeries(QStringLiteral("train_loss"))->points(), smoothExpected);
        QVERIFY(chart.smoothedLineSeries(QStringLiteral("train_loss"))->isVisible());
    }

    void smoothingOffShowsRawOnly()
    {
        MetricChart chart;
        chart.setSeries(QStringLiteral("loss"), lossCurve(0, 500, 3));
        chart.setSmoothing(0.0);
        QCOMPARE(chart.smoothing(), 0.0);
        QCOMPARE(chart.smoothedPoints(QStringLiteral("loss")),
                 chart.rawPoints(QStringLiteral("loss")));
        QVERIFY(!chart.smoothedLineSeries(QStringLiteral("loss"))->isVisible());
        QCOMPARE(chart.rawLineSeries(QStringLiteral("loss"))->pen().color().alpha(), 255);
        chart.setSmoothing(5.0);
        QCOMPARE(chart.smoothing(), SeriesSmoothing::kMaxWeight);
        QVERIFY(chart.smoothedLineSeries(QStringLiteral("loss"))->isVisible());
        QVERIFY(chart.rawLineSeries(QStringLiteral("loss"))->pen().color().alpha() < 255);

        // One series can stay unsmoothed while the others follow the chart's weight.
        const QVector<QPointF> val{{0, 2.0}, {100, 1.0}, {200, 0.5}};
        chart.setSeries(QStringLiteral("val_loss"), val);
        chart.setSeriesSmoothed(QStringLiteral("val_loss"), false);
        chart.refreshNow();
        QCOMPARE(chart.smoothedPoints(QStringLiteral("val_loss")), val);
        QVERIFY(!chart.smoothedLineSeries(QStringLiteral("val_loss"))->isVisible());
        QCOMPARE(chart.rawLineSeries(QStringLiteral("val_loss"))->pen().color().alpha(), 255);
        QCOMPARE(chart.rawLineSeries(QStringLiteral("val_loss"))->points(), QList<QPointF>(val));
        QCOMPARE(chart.smoothedPoints(QStringLiteral("loss")),
                 SeriesSmoothing::smooth(chart.rawPoints(QStringLiteral("loss")),
                                         SeriesSmoothing::kMaxWeight));
        chart.setSeriesSmoothed(QStringLiteral("val_loss"), true);
        QCOMPARE(chart.smoothedPoints(QStringLiteral("val_loss")),
                 SeriesSmoothing::smooth(val, SeriesSmoothing::kMaxWeight));
    }

    void appendsCoalesceIntoOneRefresh()
    {
        MetricChart chart;
        showChart(chart);
        chart.setSeries(QStringLiteral("train_loss"), lossCurve(0, 1000, 5));
        chart.refreshNow();
        // A fixed view, so the axes and the plot width stay as they are: a later layout
        // change would rightly cause one more re-thin.
        chart.zoomToRange(QRectF(QPointF(0.0, 0.0), QPointF(1100.0, 2.5)));
        settle(chart);

        QSignalSpy refreshed(&chart, &MetricChart::refreshed);
        const int before = chart.refreshCount();
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 50; ++i)
            chart.appendPoints(QStringLiteral("train_loss"), {{1000.0 + i, 0.3 + 0.001 * i}});
        QVERIFY2(clock.elapsed() < chart.refreshIntervalMs(),
                 "the appends themselves took longer than the coalescing interval");
        QCOMPARE(refreshed.count(), 0);
        QVERIFY(chart.isRefreshPending());
        QVERIFY(refreshed.wait(1000));
        QTest::qWait(4 * chart.refreshIntervalMs());
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(chart.refreshCount(), before + 1);
        QCOMPARE(chart.rawPoints(QStringLiteral("train_loss")).size(), 1050);
        QCOMPARE(chart.rawLineSeries(QStringLiteral("train_loss"))->points().last(),
                 QPointF(1049.0, 0.349));

        // Following the data, the view grows with the appended points.
        chart.resetView();
        settle(chart);
        chart.appendPoints(QStringLiteral("train_loss"), {{1200.0, 0.25}});
        QVERIFY(refreshed.wait(1000));
        QCOMPARE(chart.viewRange().right(), 1200.0 * (1.0 + kMargin));
        QCOMPARE(chart.rawLineSeries(QStringLiteral("train_loss"))->points().last(),
                 QPointF(1200.0, 0.25));
    }

    void liveRefreshesArePacedByTheirCost()
    {
        MetricChart chart;
        showChart(chart);
        chart.setSeries(QStringLiteral("train_loss"), lossCurve(0, 2000, 5));
        chart.refreshNow();
        chart.viewport()->repaint();
        QVERIFY(chart.refreshCostMs() > 0.0);

        // A budget no refresh can meet: new data waits the ceiling, one second.
        chart.setRefreshBudget(1e-6);
        QCOMPARE(chart.refreshIntervalMs(), RefreshPacer::kDefaultMaxIntervalMs);
        QSignalSpy refreshed(&chart, &MetricChart::refreshed);
        chart.appendPoints(QStringLiteral("train_loss"), {{2000.0, 0.2}});
        QVERIFY(chart.isRefreshPending());
        QTest::qWait(RefreshPacer::kDefaultMaxIntervalMs / 2);
        QCOMPARE(refreshed.count(), 0);
        QVERIFY(refreshed.wait(2 * RefreshPacer::kDefaultMaxIntervalMs));
        QCOMPARE(chart.rawLineSeries(QStringLiteral("train_loss"))->points().last(),
                 QPointF(2000.0, 0.2));

        // A whole core: refreshes come at the floor rate, 25 per second.
        chart.setRefreshBudget(1.0);
        QCOMPARE(chart.refreshIntervalMs(), RefreshPacer::kDefaultMinIntervalMs);

        // Zooming does not wait for the pacer.
        chart.setRefreshBudget(1e-6);
        const int before = chart.refreshCount();
        chart.zoomToRange(QRectF(QPointF(100.0, 0.0), QPointF(900.0, 2.0)));
        QCOMPARE(chart.refreshCount(), before + 1);
    }

    void pointsOnTheDataEdgeAreDrawnWhole()
    {
        // Two runs' validation accuracy, one point each at the last step of its run: the one
        // point of the longer run sets the x range's end, the shorter one's its start.
        MetricChart chart;
        showChart(chart);
        chart.resize(300, 260);
        const QString shorter = QStringLiteral("#1 val_accuracy");
        const QString longer = QStringLiteral("#2 val_accuracy");
        chart.setSeries(shorter, {{422.0, 0.81}});
        chart.setSeries(longer, {{844.0, 0.86}});
        for (const QString &name : {shorter, longer}) {
            chart.setSeriesSmoothed(name, false);
            chart.setPointMarkersVisible(name, true);
        }
        chart.refreshNow();
        settle(chart);
        const QRectF plot = chart.chart()->plotArea();
        const double radius = 7.0 / 2.0 + 1.0; // the marker and its border
        for (const QString &name : {shorter, longer}) {
            const QPointF point = chart.rawPoints(name).constFirst();
            const QPointF at = chart.chart()->mapToPosition(point, chart.rawLineSeries(name));
            const QRectF marker(at - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius));
            QVERIFY2(plot.contains(marker),
                     qPrintable(QStringLiteral("%1 at (%2, %3) in %4..%5 x %6..%7")
                                    .arg(name)
                                    .arg(at.x())
                                    .arg(at.y())
                                    .arg(plot.left())
                                    .arg(plot.right())
                                    .arg(plot.top())
                                    .arg(plot.bottom())));
        }
    }

    void yTicksFollowThePlotHeight()
    {
        // A page lays its charts out tall, then shorter once the rest of it is shown: ticks
        // spaced for the first height overlap in the second, and Qt Charts then elides them all.
        MetricChart chart;
        chart.resize(400, 700);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QVector<QPointF> points;
        for (int i = 0; i < 60; ++i)
            points.append(QPointF(i * 5, 1200.0 + 80.0 * std::cos(i * 0.3)));
        chart.setSeries(QStringLiteral("samples_per_second"), points);
        chart.refreshNow();
        settle(chart);
        auto *axis = qobject_cast<QValueAxis *>(chart.yAxis());
        QVERIFY(axis);
        const auto tickSpacing = [&] {
            const double ticks = (axis->max() - axis->min()) / axis->tickInterval();
            return chart.chart()->plotArea().height() / ticks;
        };
        QVERIFY2(tickSpacing() >= 18.0, qPrintable(QString::number(tickSpacing())));

        chart.resize(400, 220);
        settle(chart);
        QVERIFY2(tickSpacing() >= 18.0, qPrintable(QString::number(tickSpacing())));
        for (QGraphicsItem *item : chart.scene()->items())
            if (auto *label = dynamic_cast<QGraphicsTextItem *>(item))
                QVERIFY2(label->toPlainText() != QStringLiteral("..."), "an elided axis label");
    }

    void hiddenChartRefreshesWhenShown()
    {
        MetricChart chart;
        showChart(chart);
        chart.setSeries(QStringLiteral("train_loss"), lossCurve(0, 100, 5));
        chart.refreshNow();
        chart.hide();
        const int before = chart.refreshCount();
        chart.appendPoints(QStringLiteral("train_loss"), {{100.0, 0.25}});
        QVERIFY(!chart.isRefreshPending());
        QTest::qWait(100);
        QCOMPARE(chart.refreshCount(), before);
        QCOMPARE(chart.rawPoints(QStringLiteral("train_loss")).size(), 101);

        QSignalSpy refreshed(&chart, &MetricChart::refreshed);
        chart.show();
        QVERIFY(refreshed.wait(1000));
        QCOMPARE(chart.rawLineSeries(QStringLiteral("train_loss"))->points().last(),
                 QPointF(100.0, 0.25));
    }

    void outOfOrderAppendsStaySorted()
    {
        MetricChart chart;
        chart.setSmoothing(0.5);
        chart.appendPoints(QStringLiteral("val_loss"), {{10, 4.0}, {30, 2.0}});
        chart.appendPoints(QStringLiteral("val_loss"), {{20, 3.0}, {40, 1.0}});
        const QVector<QPointF> expected{{10, 4.0}, {20, 3.0}, {30, 2.0}, {40, 1.0}};
        QCOMPARE(chart.rawPoints(QStringLiteral("val_loss")), expected);
        QCOMPARE(chart.smoothedPoints(QStringLiteral("val_loss")),
                 SeriesSmoothing::smooth(expected, 0.5));
    }

    void logScaleTogglesAxis()
    {
        MetricChart chart;
        showChart(chart);
        chart.setSeries(QStringLiteral("train_loss"), lossCurve(0, 2000, 7));
        chart.refreshNow();
        QCOMPARE(chart.yAxis()->type(), QAbstractAxis::AxisTypeValue);
        QVERIFY(chart.viewRange().top() < 0.0);
        const bool hasNonPositive = [&] {
            const QList<QPointF> drawn =
                chart.rawLineSeries(QStringLiteral("train_loss"))->points();
            return std::any_of(drawn.cbegin(), drawn.cend(),
                               [](const QPointF &p) { return p.y() <= 0.0; });
        }();
        QVERIFY(hasNonPositive);

        chart.setLogScale(true);
        QVERIFY(chart.logScale());
        QCOMPARE(chart.yAxis()->type(), QAbstractAxis::AxisTypeLogValue);
        QVERIFY(chart.viewRange().top() > 0.0);
        QCOMPARE(chart.rawLineSeries(QStringLiteral("train_loss"))->attachedAxes().size(), 2);
        QVERIFY(chart.rawLineSeries(QStringLiteral("train_loss"))
                    ->attachedAxes()
                    .contains(chart.yAxis()));
        for (auto *series : {chart.rawLineSeries(QStringLiteral("train_loss")),
                             chart.smoothedLineSeries(QStringLiteral("train_loss"))}) {
            const QList<QPointF> drawn = series->points();
            QVERIFY(!drawn.isEmpty());
            for (const QPointF &p : drawn)
                QVERIFY2(p.y() > 0.0, "a non-positive value reached the log axis");
        }
        auto *logAxis = qobject_cast<QLogValueAxis *>(chart.yAxis());
        QVERIFY(logAxis);
        QCOMPARE(logAxis->min(), chart.viewRange().top());

        chart.setLogScale(false);
        QCOMPARE(chart.yAxis()->type(), QAbstractAxis::AxisTypeValue);
        QVERIFY(chart.viewRange().top() < 0.0);
    }

    void zoomThenResetRestoresRange()
    {
        MetricChart chart;
        showChart(chart);
        const QVector<QPointF> points = lossCurve(0, 10000, 9);
        chart.setSeries(QStringLiteral("train_loss"), points);
        chart.refreshNow();
        settle(chart);
        const QRectF initial = chart.viewRange();
        QVERIFY(chart.followsData());
        auto *xAxis = qobject_cast<QValueAxis *>(chart.xAxis());
        QVERIFY(xAxis);
        QCOMPARE(xAxis->min(), initial.left());
        QCOMPARE(xAxis->max(), initial.right());

        QSignalSpy viewChanged(&chart, &MetricChart::viewRangeChanged);
        chart.zoomToRange(QRectF(QPointF(4000.0, 0.1), QPointF(4500.0, 0.6)));
        QCOMPARE(viewChanged.count(), 1);
        QVERIFY(!chart.followsData());
        QCOMPARE(chart.viewRange(), QRectF(QPointF(4000.0, 0.1), QPointF(4500.0, 0.6)));
        QCOMPARE(xAxis->min(), 4000.0);
        QCOMPARE(xAxis->max(), 4500.0);
        // Re-thinned from the full data for the new range: every in-range point of 500 steps
        // over a plot wider than 500 px, plus one edge point on each side.
        const QList<QPointF> drawn = chart.rawLineSeries(QStringLiteral("train_loss"))->points();
        QCOMPARE(drawn.size(), 501 + 2);
        QCOMPARE(drawn.first(), points[3999]);
        QCOMPARE(drawn.last(), points[4501]);

        // New data does not move a zoomed view.
        chart.appendPoints(QStringLiteral("train_loss"), {{10000.0, 0.2}});
        chart.refreshNow();
        QCOMPARE(chart.viewRange().right(), 4500.0);

        chart.resetView();
        QVERIFY(chart.followsData());
        QCOMPARE(chart.viewRange().left(), -kMargin * 10000.0);
        QCOMPARE(chart.viewRange().right(), 10000.0 * (1.0 + kMargin));
        QCOMPARE(chart.viewRange().top(), initial.top());
        QCOMPARE(chart.viewRange().bottom(), initial.bottom());
    }

    void pixelZoomPanAndWheel()
    {
        MetricChart chart;
        showChart(chart);
        chart.setSeries(QStringLiteral("train_loss"), lossCurve(0, 1001, 13));
        chart.refreshNow();
        settle(chart);
        const QRectF initial = chart.viewRange();
        const QRectF plot = chart.chart()->plotArea();

        // The left half of the plot, full height.
        chart.zoomToPixelRect(QRectF(plot.left(), plot.top(), plot.width() / 2, plot.height()));
        QVERIFY(std::abs(chart.viewRange().left() - initial.left()) < 1e-9);
        QVERIFY(std::abs(chart.viewRange().right() - 500.0) < 1e-9);
        QVERIFY(std::abs(chart.viewRange().top() - initial.top()) < 1e-9);

        // Right arrow: a tenth of the range further right.
        const double left = initial.left() + 0.1 * (500.0 - initial.left());
        const double right = 500.0 + 0.1 * (500.0 - initial.left());
        QTest::keyClick(&chart, Qt::Key_Right);
        QVERIFY(std::abs(chart.viewRange().left() - left) < 1e-6);
        QVERIFY(std::abs(chart.viewRange().right() - right) < 1e-6);

        // Half the range, 300 staying where it is.
        chart.zoomX(0.5, 300.0);
        QVERIFY(std::abs(chart.viewRange().left() - (300.0 - 0.5 * (300.0 - left))) < 1e-6);
        QVERIFY(std::abs(chart.viewRange().right() - (300.0 + 0.5 * (right - 300.0))) < 1e-6);

        QTest::keyClick(&chart, Qt::Key_Home);
        QCOMPARE(chart.viewRange(), initial);
    }

    void mouseZoomPanWheelAndReset()
    {
        MetricChart chart;
        showChart(chart);
        chart.setSeries(QStringLiteral("train_loss"), lossCurve(0, 1001, 17));
        chart.refreshNow();
        settle(chart);
        const QRectF initial = chart.viewRange();
        const QRect plot = chart.chart()->plotArea().toRect();
        const double unitsPerPixel = initial.width() / plot.width();
        const auto xAt = [&](int px) {
            return initial.left() + (px - plot.left()) * unitsPerPixel;
        };
        QWidget *viewport = chart.viewport();

        // Rubber band over the second quarter of the plot's width.
        const QPoint from(plot.left() + plot.width() / 4, plot.top() + 10);
        const QPoint to(plot.left() + plot.width() / 2, plot.bottom() - 10);
        QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(viewport, to);
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, to);
        QVERIFY(!chart.followsData());
        QVERIFY(std::abs(chart.viewRange().left() - xAt(from.x())) < 2 * unitsPerPixel);
        QVERIFY(std::abs(chart.viewRange().right() - xAt(to.x())) < 2 * unitsPerPixel);
        QVERIFY(chart.viewRange().top() > initial.top());
        QVERIFY(chart.viewRange().bottom() < initial.bottom());

        // A click without a drag does not zoom.
        const QRectF zoomed = chart.viewRange();
        QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier, plot.center());
        QCOMPARE(chart.viewRange(), zoomed);

        // Shift+drag 100 px to the right shows data 100 px further left.
        const double zoomedPerPixel = zoomed.width() / chart.chart()->plotArea().width();
        QTest::mousePress(viewport, Qt::LeftButton, Qt::ShiftModifier, plot.center());
        QTest::mouseMove(viewport, plot.center() + QPoint(100, 0));
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ShiftModifier,
                            plot.center() + QPoint(100, 0));
        QVERIFY(std::abs(chart.viewRange().left() - (zoomed.left() - 100 * zoomedPerPixel)) <
                1e-6 * zoomed.width());
        QVERIFY(std::abs(chart.viewRange().width() - zoomed.width()) < 1e-6 * zoomed.width());

        // One wheel notch zooms x only, keeping the x under the cursor in place.
        const QRectF beforeWheel = chart.viewRange();
        const QPointF wheelPos = plot.center();
        const double anchor =
            beforeWheel.left() + (wheelPos.x() - chart.chart()->plotArea().left()) /
                                     chart.chart()->plotArea().width() * beforeWheel.width();
        QWheelEvent wheel(wheelPos, viewport->mapToGlobal(wheelPos), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &wheel);
        QVERIFY(std::abs(chart.viewRange().width() - 0.85 * beforeWheel.width()) <
                1e-6 * beforeWheel.width());
        QVERIFY(std::abs((anchor - chart.viewRange().left()) -
                         0.85 * (anchor - beforeWheel.left())) < 1e-6 * beforeWheel.width());
        QCOMPARE(chart.viewRange().top(), beforeWheel.top());
        QCOMPARE(chart.viewRange().bottom(), beforeWheel.bottom());

        QTest::mouseDClick(viewport, Qt::LeftButton, Qt::NoModifier, plot.center());
        QVERIFY(chart.followsData());
        QCOMPARE(chart.viewRange(), initial);
    }

    void hoverReadsExactRawValues()
    {
        MetricChart chart;
        showChart(chart);
        chart.setSmoothing(0.6);
        QVector<QPointF> train;
        for (int step = 0; step <= 1000; step += 10)
            train.append(QPointF(step, 1.0 / (1.0 + step) + (step % 20 == 0 ? 0.125 : 0.0)));
        const QVector<QPointF> val{{0, 0.9}, {250, 0.4}, {500, 0.3125}, {750, 0.25}, {1000, 0.2}};
        chart.setSeries(QStringLiteral("train_loss"), train);
        chart.setSeries(QStringLiteral("val_loss"), val);
        chart.setPointMarkersVisible(QStringLiteral("val_loss"), true);
        chart.refreshNow();
        settle(chart);

        const QVector<MetricChart::HoverValue> values = chart.valuesAt(503.0);
        QCOMPARE(values.size(), 2);
        QCOMPARE(values[0].series, QStringLiteral("train_loss"));
        QCOMPARE(values[0].raw, train[50]);
        QCOMPARE(values[0].smoothed, SeriesSmoothing::smooth(train, 0.6)[50].y());
        QCOMPARE(values[1].series, QStringLiteral("val_loss"));
        QCOMPARE(values[1].raw, QPointF(500, 0.3125));
        QCOMPARE(values[1].smoothed, SeriesSmoothing::smooth(val, 0.6)[2].y());
        // Nearest, not the next: 506 is nearer 510 than 500; 374 nearer 250 than 500.
        QCOMPARE(chart.valuesAt(506.0)[0].raw, train[51]);
        QCOMPARE(chart.valuesAt(374.0)[1].raw, val[1]);
        QCOMPARE(chart.valuesAt(-50.0)[0].raw, train.first());
        QCOMPARE(chart.valuesAt(5000.0)[1].raw, val.last());

        // Moving the mouse over the plot shows the read-out for the x under the cursor.
        const QRectF plot = chart.chart()->plotArea();
        const QRectF view = chart.viewRange();
        const double px = plot.left() + (500.0 - view.left()) / view.width() * plot.width();
        const QPointF pos(px, plot.center().y());
        QMouseEvent move(QEvent::MouseMove, pos, chart.viewport()->mapToGlobal(pos), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(chart.viewport(), &move);
        const QString text = chart.hoverText();
        QVERIFY2(text.contains(QStringLiteral("0.3125")), qPrintable(text));
        QVERIFY2(text.contains(QLocale().toString(train[50].y(), 'g', 6)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("val_loss")));

        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(&chart, &leave);
        QVERIFY(chart.hoverText().isEmpty());
    }

    void theReadoutIsNotCutAtTheChartsEdge()
    {
        // A narrow chart at the right of a wide window, as in a comparison: the read-out of
        // six series is wider than the chart and must show whole, over the window.
        QWidget window;
        window.resize(900, 400);
        auto *chart = new MetricChart(&window);
        chart->setGeometry(620, 20, 260, 300);
        for (int run = 1; run <= 6; ++run) {
            QVector<QPointF> points;
            for (int i = 0; i <= 100; ++i)
                points.append(QPointF(i, run + 0.01 * i));
            chart->setSeries(QStringLiteral("#%1 a-long-run-name train_loss").arg(run), points);
        }
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        chart->refreshNow();
        settle(*chart);
        const QRectF plot = chart->chart()->plotArea();
        const QPointF pos(plot.right() - 4.0, plot.center().y());
        QMouseEvent move(QEvent::MouseMove, pos, chart->viewport()->mapToGlobal(pos), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(chart->viewport(), &move);
        QVERIFY(!chart->hoverText().isEmpty());
        QWidget *readout = chart->hoverReadout();
        QVERIFY(readout && readout->isVisible());
        QVERIFY2(readout->width() > chart->width(),
                 "the test needs a read-out wider than the chart");
        // A child widget is drawn only inside its parent: the parent must hold it whole.
        QVERIFY(readout->parentWidget()->rect().contains(readout->geometry()));
        const QRect shown(readout->mapTo(&window, QPoint(0, 0)), readout->size());
        QVERIFY2(window.rect().contains(shown), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                               .arg(shown.x())
                                                               .arg(shown.y())
                                                               .arg(shown.width())
                                                               .arg(shown.height())));
    }

    void grabsToPng()
    {
        MetricChart chart;
        chart.setTitle(QStringLiteral("Loss"));
        chart.setXAxisTitle(QStringLiteral("Step"));
        chart.setYAxisTitle(QStringLiteral("Loss"));
        chart.setSmoothing(0.9);
        chart.setSeries(QStringLiteral("train_loss"), lossCurve(0, 3000, 21));
        QVector<QPointF> val;
        for (int step = 0; step < 3000; step += 250)
            val.append(QPointF(step, 2.0 * std::exp(-step / 400.0) + 0.15));
        chart.setSeries(QStringLiteral("val_loss"), val);
        chart.setPointMarkersVisible(QStringLiteral("val_loss"), true);
        chart.setSeriesSmoothed(QStringLiteral("val_loss"), false);
        showChart(chart);
        chart.refreshNow();
        settle(chart);

        const QImage image = chart.grab().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), chart.size() * chart.devicePixelRatio());
        QVERIFY(image.save(QStringLiteral("/tmp/metricchart.png")));
        QImage loaded(QStringLiteral("/tmp/metricchart.png"));
        QCOMPARE(loaded.size(), image.size());

        // Both series' colours are drawn inside the plot area.
        const QColor trainColor = chart.smoothedLineSeries(QStringLiteral("train_loss"))->color();
        const QColor valColor = chart.smoothedLineSeries(QStringLiteral("val_loss"))->color();
        int trainPixels = 0;
        int valPixels = 0;
        const QRect plot = chart.chart()->plotArea().toRect();
        for (int y = plot.top(); y < plot.bottom(); ++y) {
            for (int x = plot.left(); x < plot.right(); ++x) {
                const QRgb pixel = loaded.pixel(x, y);
                trainPixels += pixel == trainColor.rgb();
                valPixels += pixel == valColor.rgb();
            }
        }
        QVERIFY2(trainPixels > 200, qPrintable(QString::number(trainPixels)));
        QVERIFY2(valPixels > 50, qPrintable(QString::number(valPixels)));

        MetricChart empty;
        showChart(empty);
        QVERIFY(empty.grab().save(QStringLiteral("/tmp/metricchart-empty.png")));
    }
};

MF_TEST_MAIN(TestMetricChart)
#include "tst_metricchart.moc"
