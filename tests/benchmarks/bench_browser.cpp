// Datasets page on Fashion-MNIST (70,000 images): the time from opening the folder to a first
// screen with every visible thumbnail painted, and the event-loop stalls while the whole grid
// scrolls from top to bottom. Prints figures next to their targets; it is not a pass/fail test.
// Runs on the offscreen platform unless told otherwise.
//   bench_browser [dataset-path]     (default /usr/share/datasets/fashion-mnist)
#include "app/gui/datasets/datasetspage.h"
#include "app/gui/datasets/loadeddataset.h"
#include "app/gui/datasets/thumbnailmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QListView>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

constexpr int kOpenRuns = 5;
constexpr int kProbeIntervalMs = 2;
constexpr int kScrollStepMs = 16;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

/// Spins the event loop (1 ms polls) until `done` holds; false after `timeoutMs`.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

/// Every thumbnail whose cell intersects the viewport is drawn; false while none is visible.
bool visibleThumbnailsReady(const mf::DatasetsPage &page)
{
    const QListView *grid = page.grid();
    const mf::ThumbnailModel *model = page.thumbnailModel();
    const QRect area = grid->viewport()->rect();
    const QModelIndex first = grid->indexAt(QPoint(2, 2));
    if (!first.isValid())
        return false;
    for (int row = first.row(); row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row);
        const QRect cell = grid->visualRect(index);
        if (cell.top() > area.bottom())
            break;
        if (cell.intersects(area) && !index.data(mf::ThumbnailModel::ThumbnailReadyRole).toBool())
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString path = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                  : QStringLiteral("/usr/share/datasets/fashion-mnist");
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr,
                     "bench_browser: %s does not exist (apt install dataset-fashion-mnist)\n",
                     qPrintable(path));
        return 2;
    }
    std::printf("command: bench_browser %s\n", qPrintable(path));

    mf::DatasetsPage page;
    page.resize(1280, 800);
    page.show();
    QApplication::processEvents();

    // A probe on the GUI thread notes how late each of its ticks comes: the stalls.
    QElapsedTimer probeClock;
    probeClock.start();
    qint64 lastTick = 0;
    std::vector<double> gapsMs;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeIntervalMs);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = probeClock.nsecsElapsed();
        gapsMs.push_back((now - lastTick) / 1e6);
        lastTick = now;
    });
    const auto startProbe = [&] {
        gapsMs.clear();
        lastTick = probeClock.nsecsElapsed();
        probe.start();
    };
    const auto stopProbe = [&] {
        probe.stop();
        std::vector<double> stallsMs;
        for (const double gap : gapsMs)
            stallsMs.push_back(std::max(0.0, gap - kProbeIntervalMs));
        if (stallsMs.empty())
            stallsMs.push_back(0.0);
        return stallsMs;
    };

    std::vector<double> firstScreenMs, loadMs, openStallMs;
    for (int run = 0; run < kOpenRuns; ++run) {
        QElapsedTimer clock;
        clock.start();
        startProbe();
        page.openDataset(path, false);
        const bool shown = waitUntil(
            [&] {
                return page.state() == mf::DatasetsPage::State::Loaded &&
                       page.loadedDataset()->path == path && visibleThumbnailsReady(page);
            },
            60000);
        page.grid()->viewport()->repaint();
        const double elapsed = clock.nsecsElapsed() / 1e6;
        const std::vector<double> stalls = stopProbe();
        if (!shown) {
            std::fprintf(stderr, "bench_browser: the first screen did not fill (state %d)\n",
                         int(page.state()));
            return 1;
        }
        firstScreenMs.push_back(elapsed);
        loadMs.push_back(page.loadedDataset()->loadSeconds * 1000.0);
        openStallMs.push_back(*std::max_element(stalls.begin(), stalls.end()));
        // The full pass (statistics, duplicates) finishes before the next open.
        waitUntil([&] { return page.isAnalysed(); }, 60000);
    }
    const auto dataset = page.loadedDataset();
    std::printf("dataset: %lld samples, %d x %d x %d, grid of %d thumbnails\n",
                static_cast<long long>(dataset->sampleCount()), dataset->channels(),
                dataset->height(), dataset->width(), page.thumbnailModel()->rowCount());
    std::printf("open to filled first screen     median %7.1f ms   min %7.1f   max %7.1f   "
                "(target < 500 ms; %d runs)\n",
                median(firstScreenMs),
                *std::min_element(firstScreenMs.begin(), firstScreenMs.end()),
                *std::max_element(firstScreenMs.begin(), firstScreenMs.end()), kOpenRuns);
    std::printf("  of which reading the files    median %7.1f ms (worker thread)\n",
                median(loadMs));
    std::printf("  longest GUI-thread stall      median %7.1f ms   max %7.1f   (while opening)\n",
                median(openStallMs), *std::max_element(openStallMs.begin(), openStallMs.end()));

    // Scroll from top to bottom, one viewport per step, every 16 ms.
    QScrollBar *bar = page.grid()->verticalScrollBar();
    bar->setValue(0);
    QApplication::processEvents();
    QTimer scroller;
    scroller.setInterval(kScrollStepMs);
    int steps = 0;
    QEventLoop scrolled;
    QObject::connect(&scroller, &QTimer::timeout, [&] {
        if (bar->value() >= bar->maximum()) {
            scroller.stop();
            scrolled.quit();
            return;
        }
        bar->setValue(std::min(bar->maximum(), bar->value() + bar->pageStep()));
        ++steps;
    });
    QElapsedTimer clock;
    clock.start();
    startProbe();
    scroller.start();
    scrolled.exec();
    const double scrollSeconds = clock.nsecsElapsed() / 1e9;
    waitUntil([&] { return visibleThumbnailsReady(page); }, 10000);
    const std::vector<double> stallsMs = stopProbe();

    std::printf("scroll top to bottom            %d steps of one page (%d px) in %.1f s\n", steps,
                bar->pageStep(), scrollSeconds);
    std::printf(
        "event-loop stalls while scrolling  max %6.1f ms   p99 %6.1f ms   median %5.2f ms   "
        "(target max < 50 ms; %zu probes every %d ms)\n",
        *std::max_element(stallsMs.begin(), stallsMs.end()), percentile(stallsMs, 0.99),
        median(stallsMs), stallsMs.size(), kProbeIntervalMs);
    return 0;
}
