// Live metric chart: the time from a zoom to a finished repaint of a MetricChart holding a
// 1,000,000-point noisy loss series, the thinning alone, and what one live update (a batch of
// new steps) costs the GUI thread, with the refresh interval the chart's pacer derives from it.
// Prints figures next to their targets; it is not a pass/fail test. Runs on the offscreen platform
// unless told otherwise.
#include "widgets/metricchart.h"
#include "widgets/metricdashboard.h"
#include "widgets/seriessmoothing.h"
#include "widgets/seriesthinning.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace {

constexpr int kPoints = 1000000;
constexpr int kZooms = 30;
constexpr int kLiveBatch = 10;
constexpr int kLiveUpdates = 200;

QVector<QPointF> noisyLoss(int count)
{
    QRandomGenerator rng(1234);
    QVector<QPointF> points;
    points.reserve(count);
    for (int i = 0; i < count; ++i) {
        const double trend = 2.3 * std::exp(-i / 150000.0) + 0.1;
        const double noise = (rng.bounded(1.0) - 0.5) * 0.4 * trend;
        const double spike = rng.bounded(5000) == 0 ? rng.bounded(3.0) : 0.0;
        points.append(QPointF(i, trend + noise + spike));
    }
    return points;
}

struct Figures
{
    double median = 0.0;
    double max = 0.0;
};

Figures summarize(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const size_t n = ms.size();
    return {n % 2 ? ms[n / 2] : 0.5 * (ms[n / 2 - 1] + ms[n / 2]), ms.back()};
}

/// A random visible x-range from 0.1 % to all of [0, kPoints), log-uniform in width.
QPair<double, double> randomRange(QRandomGenerator &rng)
{
    const double width = kPoints * std::pow(10.0, -3.0 * rng.bounded(1.0));
    const double start = rng.bounded(1.0) * (kPoints - width);
    return {start, start + width};
}

void print(const char *what, const Figures &f, const char *target)
{
    std::printf("%-44s median %7.2f ms   max %7.2f ms   (%s)\n", what, f.median, f.max, target);
}

/// One live update as the Train page's dashboard sees it: a batch of new steps arrives, the chart
/// follows the data, refreshes and repaints.
void liveUpdates()
{
    const QVector<QPointF> points = noisyLoss(kLiveUpdates * kLiveBatch);
    mf::MetricChart chart;
    chart.setTitle(QStringLiteral("Loss"));
    chart.setXAxisTitle(QStringLiteral("Step"));
    chart.resize(600, 360);
    chart.show();
    chart.setRefreshBudget(
        mf::MetricDashboard().chart(mf::MetricDashboard::LossPanel)->refreshBudget());
    std::vector<double> ms;
    QElapsedTimer clock;
    for (int i = 0; i < kLiveUpdates; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        clock.start();
        chart.appendPoints(QStringLiteral("train loss"), points.mid(i * kLiveBatch, kLiveBatch));
        chart.refreshNow();
        chart.viewport()->repaint();
        ms.push_back(clock.nsecsElapsed() / 1e6);
    }
    std::printf("Live run, 600x360 chart, a loss series growing by %d points per update to %d:\n",
                kLiveBatch, kLiveUpdates * kLiveBatch);
    print("append -> refresh -> viewport repaint()", summarize(ms),
          "GUI-thread cost of one update");
    std::printf("pacer: %.2f ms per refresh -> one refresh every %d ms within the dashboard's "
                "loss-panel budget of %.2f %% of a core\n",
                chart.refreshCostMs(), chart.refreshIntervalMs(), 100.0 * chart.refreshBudget());
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    const QVector<QPointF> points = noisyLoss(kPoints);
    QElapsedTimer clock;

    clock.start();
    const QVector<QPointF> smoothed = mf::SeriesSmoothing::smooth(points, 0.6);
    std::printf("smooth 1,000,000 points (w = 0.6)             %7.2f ms\n",
                clock.nsecsElapsed() / 1e6);

    std::vector<double> fullMs;
    for (int i = 0; i < 10; ++i) {
        clock.start();
        const QVector<QPointF> thinned = mf::SeriesThinning::thin(smoothed, 0.0, kPoints, 1000);
        fullMs.push_back(clock.nsecsElapsed() / 1e6);
        if (thinned.size() > 2 * 1000 + 2)
            std::printf("thinning returned %lld points\n", static_cast<long long>(thinned.size()));
    }
    print("thin all 1,000,000 points to 1000 px", summarize(fullMs), "target: a few ms");

    QRandomGenerator rng(99);
    std::vector<double> thinMs;
    for (int i = 0; i < kZooms; ++i) {
        const auto range = randomRange(rng);
        clock.start();
        const QVector<QPointF> thinned =
            mf::SeriesThinning::thin(smoothed, range.first, range.second, 1000);
        thinMs.push_back(clock.nsecsElapsed() / 1e6);
        if (thinned.size() > 2 * 1000 + 2)
            std::printf("thinning returned %lld points\n", static_cast<long long>(thinned.size()));
    }
    print("thin a random sub-range to 1000 px", summarize(thinMs), "target: a few ms");

    mf::MetricChart chart;
    chart.setTitle(QStringLiteral("train_loss"));
    chart.setXAxisTitle(QStringLiteral("Step"));
    chart.setYAxisTitle(QStringLiteral("Loss"));
    chart.resize(800, 500);
    chart.show();
    clock.start();
    chart.setSeries(QStringLiteral("train_loss"), points);
    chart.refreshNow();
    std::printf("setSeries + first refresh (1,000,000 points) %7.2f ms\n",
                clock.nsecsElapsed() / 1e6);
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 60)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    const QRectF full = chart.viewRange();

    // Lets the event loop run what a zoom or reset posted (layout, update requests), untimed.
    const auto drain = [] {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    };
    std::vector<double> repaintMs;
    std::vector<double> grabMs;
    for (int i = 0; i < kZooms; ++i) {
        const auto range = randomRange(rng);
        const QRectF view(QPointF(range.first, full.top()), QPointF(range.second, full.bottom()));
        drain();
        clock.start();
        chart.zoomToRange(view);
        // The layout follows the new axis labels, then one synchronous paint of the viewport:
        // what the event loop does once after a zoom.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        chart.viewport()->repaint();
        repaintMs.push_back(clock.nsecsElapsed() / 1e6);

        chart.resetView();
        drain();
        clock.start();
        chart.zoomToRange(view);
        const QPixmap pixmap = chart.grab();
        grabMs.push_back(clock.nsecsElapsed() / 1e6);
        if (pixmap.isNull())
            std::printf("grab() returned an empty pixmap\n");
        chart.resetView();
    }
    std::printf("MetricChart 800x500, 1,000,000 points, %d random zooms, plot width %d px:\n",
                kZooms, int(chart.chart()->plotArea().width()));
    print("zoom -> re-thin -> viewport repaint()", summarize(repaintMs), "target: median < 16 ms");
    print("zoom -> re-thin -> grab()", summarize(grabMs), "for reference");

    liveUpdates();
    return 0;
}
