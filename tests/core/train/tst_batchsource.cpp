// BatchSource: the plain path converts once; the augmenting path goes through augmentImages().
#include "core/augment/augmentedsamples.h"
#include "core/augment/augmentpipeline.h"
#include "core/data/datasetsplit.h"
#include "core/train/batchsource.h"
#include "core/util/error.h"
#include "tests/core/train/trainingfixtures.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using namespace mf;
using namespace mf::trainingfixtures;

namespace {

std::shared_ptr<const AugmentPipeline> pipelineOf(const char *json)
{
    return std::make_shared<const AugmentPipeline>(
        AugmentPipeline::fromJson(nlohmann::json::parse(json)));
}

/// Crop, flip and colour jitter: the pipeline the page's demo and the benchmark use.
std::shared_ptr<const AugmentPipeline> cropFlipJitter()
{
    return pipelineOf(R"({"operations": [
        {"op": "random_crop", "padding": 2},
        {"op": "horizontal_flip"},
        {"op": "brightness", "strength": 0.3},
        {"op": "contrast", "strength": 0.3},
        {"op": "random_erasing", "probability": 0.5}]})");
}

ChannelStats statsOf(std::vector<double> mean, std::vector<double> stdDev)
{
    return ChannelStats{std::move(mean), std::move(stdDev)};
}

/// The rows of `order` that batch `index` of `batchSize` visits.
torch::Tensor rowsOf(const torch::Tensor &order, std::int64_t index, std::int64_t batchSize)
{
    const std::int64_t begin = index * batchSize;
    return order.narrow(0, begin, std::min(batchSize, order.size(0) - begin));
}

bool identical(const torch::Tensor &a, const torch::Tensor &b)
{
    return a.sizes() == b.sizes() && a.scalar_type() == b.scalar_type() && torch::equal(a, b);
}

} // namespace

class TestBatchSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainBatchesAreTheDatasetConvertedOnce()
    {
        const Dataset dataset = imageDataset(70, 3, 11, 3, 6);
        const ChannelStats stats = statsOf({0.2, 0.3, 0.4}, {0.5, 0.25, 2.0});
        const BatchSource source(dataset, stats, torch::kCPU);
        QVERIFY(!source.augments());
        const torch::Tensor converted = toModelInput(dataset.inputs, dataset.kind, stats);
        const torch::Tensor order = source.epochOrder(5, 1);
        QCOMPARE(source.batchCount(32), std::int64_t(3));
        for (std::int64_t b = 0; b < 3; ++b) {
            const torch::Tensor rows = rowsOf(order, b, 32);
            const BatchSource::Batch batch = source.batch(order, b, 32, 1);
            QVERIFY(identical(batch.inputs, converted.index_select(0, rows)));
            QVERIFY(identical(batch.labels, dataset.labels.index_select(0, rows)));
            // Without a pipeline the epoch changes nothing.
            QVERIFY(identical(source.batch(order, b, 32, 9).inputs, batch.inputs));
        }
        // The conversion itself: (x / 255 - mean) / std per channel.
        const torch::Tensor pixel = dataset.inputs.index({5, 2, 3, 1}).to(torch::kDouble);
        QVERIFY(std::abs(converted.index({5, 2, 3, 1}).item<double>() -
                         ((pixel.item<double>() / 255.0) - 0.4) / 2.0) < 1e-6);
    }

    void augmentedBatchesAreTheAugmentedSamples_data()
    {
        QTest::addColumn<int>("epoch");
        QTest::addColumn<double>("validationFraction");
        QTest::newRow("epoch 1, split") << 1 << 0.25;
        QTest::newRow("epoch 4, split") << 4 << 0.25;
        QTest::newRow("epoch 2, no split") << 2 << 0.0;
    }

    void augmentedBatchesAreTheAugmentedSamples()
    {
        QFETCH(int, epoch);
        QFETCH(double, validationFraction);
        const Dataset loaded = imageDataset(90, 3, 4, 3, 8);
        const SplitDatasets split = splitDataset(loaded, validationFraction, 17);
        const std::uint64_t seed = 1234;
        const auto pipeline = cropFlipJitter();
        const BatchSource source(split.train, {}, torch::kCPU,
                                 BatchAugmentation{pipeline, split.trainIndices, seed});
        QVERIFY(source.augments());
        const torch::Tensor order = source.epochOrder(seed, epoch);
        for (std::int64_t b = 0; b < source.batchCount(16); ++b) {
            const torch::Tensor rows = rowsOf(order, b, 16);
            const BatchSource::Batch batch = source.batch(order, b, 16, epoch);
            // What the Augment page previews: sample i of the dataset as loaded.
            const torch::Tensor samples = split.trainIndices.index_select(0, rows);
            const torch::Tensor expected =
                augmentedSamples(loaded, samples, *pipeline, seed, epoch);
            QVERIFY2(identical(batch.inputs, expected), qPrintable(QString::number(b)));
            QVERIFY(identical(batch.labels, loaded.labels.index_select(0, samples)));
        }
        // The epoch and the seed are the ones drawn for.
        const BatchSource::Batch first = source.batch(order, 0, 16, epoch);
        QVERIFY(!torch::equal(first.inputs, source.batch(order, 0, 16, epoch + 1).inputs));
        const torch::Tensor samples = split.trainIndices.index_select(0, rowsOf(order, 0, 16));
        QVERIFY(!torch::equal(first.inputs,
                              augmentedSamples(loaded, samples, *pipeline, seed + 1, epoch)));
    }

    void anEmptyPipelineChangesNothing()
    {
        const Dataset dataset = imageDataset(50, 2, 8, 3, 5);
        const ChannelStats stats = statsOf({0.1, 0.2, 0.3}, {0.3, 0.6, 0.9});
        const BatchSource plain(dataset, stats, torch::kCPU);
        for (const char *json : {R"({"operations": []})",
                                 R"({"operations": [{"op": "normalize", "enabled": false},
                                                    {"op": "horizontal_flip", "enabled": false}]})"}) {
            const BatchSource augmenting(dataset, stats, torch::kCPU,
                                         BatchAugmentation{pipelineOf(json), {}, 3});
            QVERIFY(augmenting.augments());
            const torch::Tensor order = plain.epochOrder(3, 2);
            for (std::int64_t b = 0; b < 4; ++b)
                QVERIFY2(identical(augmenting.batch(order, b, 16, 2).inputs,
                                   plain.batch(order, b, 16, 2).inputs),
                         json);
        }
        // A null pipeline is the plain source.
        const BatchSource none(dataset, stats, torch::kCPU, BatchAugmentation{});
        QVERIFY(!none.augments());
        QVERIFY(identical(none.batch(1, 16).inputs, plain.batch(1, 16).inputs));
    }

    void normalisationHappensOnce_data()
    {
        QTest::addColumn<QString>("pipeline");
        QTest::addColumn<double>("mean");
        QTest::addColumn<double>("std");
        // The trainer's statistics (0.25, 0.5) apply only when the pipeline has no normalize.
        QTest::newRow("pipeline normalises")
            << R"({"operations": [{"op": "horizontal_flip", "probability": 0},
                                  {"op": "normalize", "mean": [0.6], "std": [0.2]}]})"
            << 0.6 << 0.2;
        QTest::newRow("trainer normalises")
            << R"({"operations": [{"op": "horizontal_flip", "probability": 0}]})" << 0.25 << 0.5;
        QTest::newRow("disabled normalize step")
            << R"({"operations": [{"op": "normalize", "mean": [0.6], "std": [0.2],
                                   "enabled": false}]})"
            << 0.25 << 0.5;
        // ((x - 0.5) / 0.5 - 0.2) / 2 = (x - 0.6) / 1
        QTest::newRow("two steps compose")
            << R"({"operations": [{"op": "normalize", "mean": [0.5], "std": [0.5]},
                                  {"op": "normalize", "mean": [0.2], "std": [2]}]})"
            << 0.6 << 1.0;
    }

    void normalisationHappensOnce()
    {
        QFETCH(QString, pipeline);
        QFETCH(double, mean);
        QFETCH(double, std);
        const Dataset dataset = imageDataset(20, 2, 3, 1, 4);
        const BatchSource source(
            dataset, statsOf({0.25}, {0.5}), torch::kCPU,
            BatchAugmentation{pipelineOf(pipeline.toStdString().c_str()), {}, 9});
        const torch::Tensor order = torch::arange(20);
        const torch::Tensor inputs = source.batch(order, 0, 20, 1).inputs;
        const torch::Tensor expected = (dataset.inputs.to(torch::kDouble) / 255.0 - mean) / std;
        const double difference = (inputs.to(torch::kDouble) - expected).abs().max().item<double>();
        QVERIFY2(difference < 1e-5, qPrintable(QString::number(difference)));
    }

    void storedOrderBatchesAreNotAugmented()
    {
        const Dataset dataset = imageDataset(40, 2, 5, 3, 6);
        const ChannelStats stats = statsOf({0.5, 0.5, 0.5}, {0.2, 0.3, 0.4});
        const BatchSource plain(dataset, stats, torch::kCPU);
        const BatchSource augmenting(dataset, stats, torch::kCPU,
                                     BatchAugmentation{cropFlipJitter(), {}, 1});
        for (std::int64_t b = 0; b < 3; ++b) {
            QVERIFY(identical(augmenting.batch(b, 16).inputs, plain.batch(b, 16).inputs));
            QVERIFY(identical(augmenting.batch(b, 16).labels, plain.batch(b, 16).labels));
        }
    }

    void unusableAugmentationThrows_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("table") << 0 << "Augmentation applies to image datasets";
        QTest::newRow("too few indices") << 1 << "one integer sample index per training sample";
        QTest::newRow("float indices") << 2 << "one integer sample index per training sample";
        QTest::newRow("normalize for three channels")
            << 3 << "operations[0].mean: has 3 values but the images have 1 channel";
    }

    void unusableAugmentationThrows()
    {
        QFETCH(int, kind);
        QFETCH(QString, message);
        Dataset dataset = imageDataset(10, 2, 1, 1, 4);
        BatchAugmentation augmentation{cropFlipJitter(), {}, 0};
        if (kind == 0) {
            dataset.kind = DatasetKind::Table;
            dataset.inputs = torch::rand({10, 3});
        } else if (kind == 1) {
            augmentation.sampleIndices = torch::arange(9);
        } else if (kind == 2) {
            augmentation.sampleIndices = torch::arange(10, torch::kFloat);
        } else {
            augmentation.pipeline = pipelineOf(
                R"({"operations": [{"op": "normalize", "mean": [0.1, 0.2, 0.3], "std": [1]}]})");
        }
        try {
            BatchSource source(dataset, {}, torch::kCPU, augmentation);
            QFAIL("expected mf::ConfigError");
        } catch (const ConfigError &error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
        }
    }
};

MF_TEST_GUILESS_MAIN(TestBatchSource)
#include "tst_batchsource.moc"
