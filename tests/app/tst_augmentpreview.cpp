// The preview grid draws what training draws: tiles are bitwise the batch source's samples.
#include "app/gui/augment/previewmodel.h"
#include "app/gui/augment/previewrendering.h"
#include "core/augment/augmentpipeline.h"
#include "core/data/datasetsplit.h"
#include "core/data/datasetstats.h"
#include "core/train/batchsource.h"
#include "tests/support/testsuite.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest/QtTest>

using namespace mf;

namespace {

std::shared_ptr<const DatasetBundle> randomBundle(std::int64_t count, std::int64_t channels,
                                                  std::int64_t size, std::uint64_t seed)
{
    torch::manual_seed(seed);
    DatasetBundle bundle;
    bundle.train.kind = DatasetKind::Image;
    bundle.train.inputs = torch::randint(0, 256, {count, channels, size, size}, torch::kByte);
    bundle.train.labels = torch::randint(0, 3, {count}, torch::kLong);
    bundle.train.classNames = {"cat", "dog", "owl"};
    return std::make_shared<const DatasetBundle>(std::move(bundle));
}

std::shared_ptr<const AugmentPipeline> pipelineOf(const char *json)
{
    return std::make_shared<const AugmentPipeline>(
        AugmentPipeline::fromJson(nlohmann::json::parse(json)));
}

const char *const kCropFlipJitter = R"({"operations": [
    {"op": "random_crop", "padding": 2},
    {"op": "horizontal_flip"},
    {"op": "brightness", "strength": 0.3},
    {"op": "contrast", "strength": 0.3},
    {"op": "random_erasing", "probability": 0.5}]})";

const char *const kWithNormalize = R"({"operations": [
    {"op": "random_resized_crop", "scale": [0.5, 1]},
    {"op": "rotation", "degrees": [-20, 20], "probability": 0.5},
    {"op": "saturation", "strength": 0.4},
    {"op": "gaussian_noise", "std": 0.05, "probability": 0.5},
    {"op": "normalize", "mean": [0.5, 0.4, 0.3], "std": [0.2, 0.25, 0.3]}]})";

QVector<float> valuesOf(const torch::Tensor &tensor)
{
    const torch::Tensor flat = tensor.contiguous();
    return QVector<float>(flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel());
}

QVector<float> tileValues(const PreviewModel &model, int row, int column)
{
    return model.index(row, column).data(PreviewModel::ValuesRole).value<QVector<float>>();
}

bool refreshedWithin(QSignalSpy &spy, int timeoutMs = 10000)
{
    return spy.count() > 0 || spy.wait(timeoutMs);
}

} // namespace

class TestAugmentPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tilesAreWhatTheTrainerFeeds_data()
    {
        QTest::addColumn<QString>("pipeline");
        QTest::addColumn<bool>("trainerNormalizes");
        QTest::addColumn<int>("epoch");
        // Without a normalize step the trainer's own normalisation follows the pipeline; with
        // normalisation off the batch is the pipeline's output itself.
        QTest::newRow("crop, flip, jitter; epoch 1") << kCropFlipJitter << false << 1;
        QTest::newRow("crop, flip, jitter; epoch 7") << kCropFlipJitter << false << 7;
        // With a normalize step the trainer adds nothing, even with normalisation on.
        QTest::newRow("pipeline normalises; epoch 3") << kWithNormalize << true << 3;
    }

    void tilesAreWhatTheTrainerFeeds()
    {
        QFETCH(QString, pipeline);
        QFETCH(bool, trainerNormalizes);
        QFETCH(int, epoch);
        const auto bundle = randomBundle(48, 3, 10, 5);
        const auto augmentation = pipelineOf(pipeline.toUtf8().constData());
        const std::uint64_t runSeed = 2024;

        // The trainer's side: the training split, its indices as loaded, the batch source.
        const SplitDatasets split = splitDataset(bundle->train, 0.25, runSeed);
        const ChannelStats stats =
            trainerNormalizes ? computeChannelStats(split.train) : ChannelStats{};
        const BatchSource source(split.train, stats, torch::kCPU,
                                 BatchAugmentation{augmentation, split.trainIndices, runSeed});
        const torch::Tensor order = source.epochOrder(runSeed, epoch);
        const BatchSource::Batch batch = source.batch(order, 0, 6, epoch);
        const torch::Tensor samples = split.trainIndices.index_select(0, order.narrow(0, 0, 6));

        // The page's side: the same samples, seed and epoch.
        PreviewModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&model, &PreviewModel::refreshed);
        QVector<qint64> chosen;
        for (std::int64_t i = 0; i < samples.size(0); ++i)
            chosen.append(samples[i].item<std::int64_t>());
        model.setDataset(bundle);
        model.setPipeline(augmentation);
        model.setSamples(chosen);
        model.setVariants(3);
        model.setSeed(runSeed);
        model.setEpoch(epoch);
        QVERIFY(refreshedWithin(refreshed));
        QVERIFY2(model.errorText().isEmpty(), qPrintable(model.errorText()));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.columnCount(), 4);
        for (int r = 0; r < 6; ++r) {
            // Column 1 is variant 0: the run seed itself.
            QCOMPARE(model.index(r, 1).data(PreviewModel::SeedRole).toULongLong(), runSeed);
            QVERIFY2(tileValues(model, r, 1) == valuesOf(batch.inputs[r]),
                     qPrintable(QStringLiteral("sample %1").arg(chosen[r])));
        }
        // Variant 2 is what a run seeded runSeed + 2 trains on.
        const BatchSource other(split.train, stats, torch::kCPU,
                                BatchAugmentation{augmentation, split.trainIndices, runSeed + 2});
        const BatchSource::Batch otherBatch = other.batch(order, 0, 6, epoch);
        for (int r = 0; r < 6; ++r)
            QVERIFY(tileValues(model, r, 3) == valuesOf(otherBatch.inputs[r]));
        QVERIFY(tileValues(model, 0, 1) != tileValues(model, 0, 3));
    }

    void editingAParameterRefreshesTheGrid()
    {
        PreviewModel model;
        QSignalSpy refreshed(&model, &PreviewModel::refreshed);
        model.setDataset(randomBundle(20, 1, 28, 1));
        model.setPipeline(pipelineOf(R"({"operations": [{"op": "brightness", "strength": 0.1}]})"));
        model.setSamples({0, 1, 2, 3});
        QVERIFY(refreshedWithin(refreshed));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), 5); // the original and 4 variants by default
        const QVector<float> before = tileValues(model, 2, 2);
        const QImage imageBefore = model.index(2, 2).data(PreviewModel::ImageRole).value<QImage>();
        QCOMPARE(imageBefore.size(), QSize(28, 28));
        QCOMPARE(imageBefore.format(), QImage::Format_Grayscale8);

        refreshed.clear();
        model.setPipeline(pipelineOf(R"({"operations": [{"op": "brightness", "strength": 0.9}]})"));
        QVERIFY(refreshedWithin(refreshed));
        QCOMPARE(refreshed.count(), 1);
        QVERIFY(tileValues(model, 2, 2) != before);
        // The original column does not change with the pipeline.
        const QStringList drawn = model.index(2, 2).data(PreviewModel::DrawnRole).toStringList();
        QCOMPARE(drawn.size(), 1);
        QVERIFY2(drawn.first().startsWith(QStringLiteral("Brightness: factor ")),
                 qPrintable(drawn.first()));
        const QString toolTip = model.index(2, 2).data(Qt::ToolTipRole).toString();
        QVERIFY2(toolTip.contains(QStringLiteral("seed 43")) && toolTip.contains(drawn.first()),
                 qPrintable(toolTip));
        QVERIFY(model.index(2, 0).data(PreviewModel::DrawnRole).toStringList().isEmpty());
    }

    void theNewestRequestWins()
    {
        PreviewModel model;
        QSignalSpy refreshed(&model, &PreviewModel::refreshed);
        const auto bundle = randomBundle(64, 3, 32, 2);
        model.setDataset(bundle);
        model.setSamples({0, 1, 2, 3});
        // A burst of edits, each handed to the worker on its own: only the last one is shown.
        for (int i = 0; i < 30; ++i) {
            model.setPipeline(pipelineOf(R"({"operations": [{"op": "rotation"}]})"));
            model.setSeed(100 + static_cast<quint64>(i));
            QCoreApplication::processEvents();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!model.isPending(), 10000);
        QCOMPARE(refreshed.count() + model.droppedResults() <= 31, true);
        QCOMPARE(model.seed(), quint64(129));
        QCOMPARE(model.index(0, 1).data(PreviewModel::SeedRole).toULongLong(), quint64(129));

        PreviewRequest request;
        request.dataset = bundle;
        request.pipeline = pipelineOf(R"({"operations": [{"op": "rotation"}]})");
        request.samples = {0, 1, 2, 3};
        request.seed = 129;
        const PreviewResult direct = renderPreview(request);
        QCOMPARE(tileValues(model, 3, 4), direct.tiles[3 * 5 + 4].values);
    }

    void aPipelineThatDoesNotSuitTheImagesIsReported()
    {
        PreviewModel model;
        QSignalSpy refreshed(&model, &PreviewModel::refreshed);
        model.setDataset(randomBundle(10, 2, 8, 3));
        model.setPipeline(pipelineOf(R"({"operations": [{"op": "horizontal_flip"},
                                                         {"op": "contrast"}]})"));
        model.setSamples({4, 5});
        QVERIFY(refreshedWithin(refreshed));
        QVERIFY2(model.errorText().startsWith(QStringLiteral("operations[1]: ")),
                 qPrintable(model.errorText()));
        QVERIFY(!model.index(0, 0).data(PreviewModel::ImageRole).value<QImage>().isNull());
        QVERIFY(model.index(0, 1).data(PreviewModel::ImageRole).value<QImage>().isNull());

        refreshed.clear();
        model.setSamples({4, 99});
        QVERIFY(refreshedWithin(refreshed));
        QVERIFY2(model.errorText().contains(QStringLiteral("99")), qPrintable(model.errorText()));
    }

    void normalisedTilesAreShownUnnormalised()
    {
        // The tile image undoes the normalize step: with probability 0 everywhere else, the
        // variant looks like the original.
        PreviewRequest request;
        request.dataset = randomBundle(4, 3, 6, 4);
        request.pipeline = pipelineOf(R"({"operations": [{"op": "horizontal_flip",
            "probability": 0}, {"op": "normalize", "mean": [0.5], "std": [0.25]}]})");
        request.samples = {1, 2};
        request.variants = 1;
        const PreviewResult result = renderPreview(request);
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.tiles[1].image, result.tiles[0].image);
        QVERIFY(result.tiles[1].values != result.tiles[0].values);
        QCOMPARE(result.tiles[0].image.format(), QImage::Format_RGB888);
    }
};

MF_TEST_MAIN(TestAugmentPreview)
#include "tst_augmentpreview.moc"
