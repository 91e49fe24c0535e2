// The Augment page's preview and the training batches it mirrors. Prints figures; it is not a
// pass/fail test.
//
// 1. Preview latency: from a parameter edit in the pipeline model to the refreshed 4 x 4 grid
//    (the worker thread draws the tiles, the GUI thread receives them), over 50 edits, for
//    28 x 28 grey images (Fashion-MNIST when installed) and 32 x 32 RGB images.
// 2. Training batches: the per-batch cost of BatchSource on Fashion-MNIST-sized data (60,000 x
//    1 x 28 x 28) without augmentation and with random crop + horizontal flip + brightness and
//    contrast jitter, with one LibTorch thread and with every core as the trainer uses.
//
// Usage: bench_preview [edits]   (QT_QPA_PLATFORM=offscreen is set when no platform is given)
#include "app/gui/augment/pipelinemodel.h"
#include "app/gui/augment/previewmodel.h"
#include "core/augment/augmentpipeline.h"
#include "core/data/datasetloader.h"
#include "core/data/datasetsplit.h"
#include "core/train/batchsource.h"
#include "core/util/allocatortuning.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

const char *const kFashionMnist = "/usr/share/datasets/fashion-mnist";

struct Figures
{
    double median = 0.0;
    double max = 0.0;
    double mean = 0.0;
};

Figures figuresOf(std::vector<double> values)
{
    Figures f;
    if (values.empty())
        return f;
    std::sort(values.begin(), values.end());
    f.median = values[values.size() / 2];
    f.max = values.back();
    for (double v : values)
        f.mean += v;
    f.mean /= static_cast<double>(values.size());
    return f;
}

std::shared_ptr<const mf::DatasetBundle> randomImages(std::int64_t count, std::int64_t channels,
                                                      std::int64_t size)
{
    torch::manual_seed(1);
    mf::DatasetBundle bundle;
    bundle.train.kind = mf::DatasetKind::Image;
    bundle.train.inputs = torch::randint(0, 256, {count, channels, size, size}, torch::kByte);
    bundle.train.labels = torch::zeros({count}, torch::kLong);
    bundle.train.classNames = {"any"};
    return std::make_shared<const mf::DatasetBundle>(std::move(bundle));
}

/// Edits the brightness factor `edits` times and times each edit until the grid is refreshed.
void benchmarkPreview(const char *title, std::shared_ptr<const mf::DatasetBundle> bundle, int edits)
{
    mf::PipelineModel pipeline;
    mf::PreviewModel preview;
    QObject::connect(&pipeline, &mf::PipelineModel::pipelineChanged, &preview,
                     [&] { preview.setPipeline(pipeline.pipeline()); });
    pipeline.addOperation(QStringLiteral("random_crop"));
    pipeline.addOperation(QStringLiteral("horizontal_flip"));
    const int brightness = pipeline.addOperation(QStringLiteral("brightness"));
    pipeline.addOperation(QStringLiteral("contrast"));
    preview.setDataset(std::move(bundle));
    preview.setSamples({0, 1, 2, 3});
    preview.setVariants(4);

    const auto waitForRefresh = [&] {
        QEventLoop loop;
        QObject::connect(&preview, &mf::PreviewModel::refreshed, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
    };
    waitForRefresh();

    std::vector<double> latency, render;
    QElapsedTimer timer;
    for (int i = 0; i < edits; ++i) {
        const double strength = 0.1 + 0.8 * (i % 10) / 10.0;
        timer.start();
        pipeline.setParameter(brightness, QStringLiteral("factor"),
                              QVariantList{1.0 - strength, 1.0 + strength});
        waitForRefresh();
        latency.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        render.push_back(preview.lastRenderMs());
    }
    const Figures l = figuresOf(latency), r = figuresOf(render);
    std::printf("%-34s edit -> refreshed grid: median %6.2f ms, max %6.2f ms, mean %6.2f ms; "
                "worker render median %5.2f ms (%d edits, %d x %d tiles + originals)\n",
                title, l.median, l.max, l.mean, r.median, edits, preview.rowCount(),
                preview.columnCount() - 1);
}

/// Median milliseconds per batch over `batches` shuffled batches of `batchSize` (a median, so
/// that other processes on a shared machine do not dominate the figure).
double perBatchMs(const mf::BatchSource &source, std::int64_t batchSize, int batches)
{
    const torch::Tensor order = source.epochOrder(7, 1);
    for (int b = 0; b < 3; ++b)
        source.batch(order, b, batchSize, 1);
    std::vector<double> times;
    QElapsedTimer timer;
    for (int b = 0; b < batches; ++b) {
        timer.start();
        source.batch(order, b % source.batchCount(batchSize), batchSize, 1);
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    return figuresOf(times).median;
}

void benchmarkBatches(const mf::DatasetBundle &bundle, const char *what)
{
    const mf::SplitDatasets split = mf::splitDataset(bundle.train, 0.1, 42);
    const mf::ChannelStats stats = mf::computeChannelStats(split.train);
    const auto pipeline = std::make_shared<const mf::AugmentPipeline>(
        mf::AugmentPipeline::fromJson(nlohmann::json::parse(R"({"operations": [
            {"op": "random_crop", "padding": 2},
            {"op": "horizontal_flip"},
            {"op": "brightness", "strength": 0.2},
            {"op": "contrast", "strength": 0.2}]})")));
    const mf::BatchSource plain(split.train, stats, torch::kCPU);
    const mf::BatchSource augmented(split.train, stats, torch::kCPU,
                                    mf::BatchAugmentation{pipeline, split.trainIndices, 42});
    std::printf("Training batches, %s (%lld training samples), %d LibTorch threads:\n", what,
                static_cast<long long>(split.train.size()), torch::get_num_threads());
    for (std::int64_t batchSize : {64, 128, 256}) {
        const int batches = static_cast<int>(std::max<std::int64_t>(40, 12800 / batchSize));
        const double plainMs = perBatchMs(plain, batchSize, batches);
        const double augmentedMs = perBatchMs(augmented, batchSize, batches);
        std::printf(
            "  batch %3lld (median): plain %7.3f ms/batch (%9.0f samples/s); crop+flip+jitter "
            "%7.3f ms/batch (%8.0f samples/s), +%.3f ms per batch\n",
            static_cast<long long>(batchSize), plainMs, batchSize / plainMs * 1000.0, augmentedMs,
            batchSize / augmentedMs * 1000.0, augmentedMs - plainMs);
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int edits = argc > 1 ? std::max(1, std::atoi(argv[1])) : 50;
    mf::keepFreedMemoryForReuse();

    std::shared_ptr<const mf::DatasetBundle> fashion;
    if (QDir(QString::fromLatin1(kFashionMnist)).exists())
        fashion = std::make_shared<const mf::DatasetBundle>(mf::loadDataset(kFashionMnist));
    const auto grey = fashion ? fashion : randomImages(60000, 1, 28);

    std::printf("Preview (GUI thread waits for the worker's grid; LibTorch threads: %d):\n",
                torch::get_num_threads());
    benchmarkPreview(fashion ? "Fashion-MNIST 28 x 28 grey" : "random 28 x 28 grey", grey, edits);
    benchmarkPreview("random 32 x 32 RGB", randomImages(1000, 3, 32), edits);

    // One thread, then every core as the trainer sets it: on a busy machine the multi-threaded
    // figure suffers most from other processes.
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int threads : {1, cores}) {
        torch::set_num_threads(threads);
        benchmarkBatches(*grey, fashion ? "Fashion-MNIST" : "random 60,000 x 1 x 28 x 28");
        if (cores == 1)
            break;
    }
    return 0;
}
