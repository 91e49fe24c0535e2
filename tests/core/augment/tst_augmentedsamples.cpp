// augmentedSamples(): the path shared by training batches and the preview, and the
// normalisation a pipeline amounts to.
#include "augmenttesting.h"

#include "core/augment/augmentedsamples.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using namespace mf;

namespace {

Dataset randomImages(std::int64_t count, std::int64_t channels, std::int64_t size,
                     std::uint64_t seed)
{
    torch::manual_seed(seed);
    Dataset dataset;
    dataset.kind = DatasetKind::Image;
    dataset.inputs = torch::randint(0, 256, {count, channels, size, size}, torch::kByte);
    dataset.labels = torch::zeros({count}, torch::kInt64);
    dataset.classNames = {"only"};
    return dataset;
}

AugmentPipeline pipelineOf(const char *json)
{
    return AugmentPipeline::fromJson(nlohmann::json::parse(json));
}

const char *const kEveryKind = R"({"operations": [
    {"op": "random_crop", "padding": 3, "padding_mode": "reflect"},
    {"op": "random_resized_crop", "scale": [0.5, 1.0], "probability": 0.5},
    {"op": "horizontal_flip"},
    {"op": "rotation", "degrees": [-15, 15], "probability": 0.5},
    {"op": "brightness", "strength": 0.3},
    {"op": "contrast", "strength": 0.3},
    {"op": "saturation", "strength": 0.3},
    {"op": "hue", "strength": 0.05},
    {"op": "gaussian_blur", "probability": 0.3},
    {"op": "gaussian_noise", "std": 0.02, "probability": 0.5},
    {"op": "random_erasing"},
    {"op": "normalize", "mean": [0.5, 0.4, 0.3], "std": [0.2, 0.25, 0.3]}]})";

std::string errorOf(const std::function<void()> &action)
{
    try {
        action();
    } catch (const Error &error) {
        return error.what();
    }
    return {};
}

} // namespace

class TestAugmentedSamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isThePipelineOnTheStoredImages()
    {
        const Dataset dataset = randomImages(30, 3, 12, 1);
        const AugmentPipeline pipeline = pipelineOf(kEveryKind);
        const torch::Tensor indices = torch::tensor(std::vector<std::int64_t>{7, 0, 29, 7, 13});
        augmenttest::Drawn drawn;
        const torch::Tensor samples = augmentedSamples(dataset, indices, pipeline, 99, 3, &drawn);
        const torch::Tensor expected =
            pipeline.apply(dataset.inputs.index_select(0, indices), 99, 3, indices);
        QCOMPARE(samples.scalar_type(), torch::kFloat);
        QVERIFY(torch::equal(samples, expected));
        QCOMPARE(drawn.size(), std::size_t(5));
        // Sample 7 twice: the same draws, the same pixels.
        QCOMPARE(drawn[0], drawn[3]);
        QVERIFY(torch::equal(samples[0], samples[3]));
        QVERIFY(!drawn[1].empty());
        QCOMPARE(drawn[1].back().at("op").get<std::string>(), std::string("normalize"));
    }

    void aSampleIsTheSameAloneAsInAnyBatch()
    {
        const Dataset dataset = randomImages(64, 3, 10, 2);
        const AugmentPipeline pipeline = pipelineOf(kEveryKind);
        const torch::Tensor all = augmentedSamples(dataset, torch::arange(64), pipeline, 5, 2);
        for (std::int64_t i : {0, 17, 63}) {
            const torch::Tensor alone = augmentedSamples(
                dataset, torch::tensor(std::vector<std::int64_t>{i}), pipeline, 5, 2);
            QVERIFY2(torch::equal(alone[0], all[i]), qPrintable(QString::number(i)));
        }
    }

    void augmentImagesTakesStoredPixelsOnly()
    {
        const AugmentPipeline pipeline = pipelineOf(kEveryKind);
        const torch::Tensor images = torch::rand({2, 3, 8, 8});
        const std::string error =
            errorOf([&] { augmentImages(images, torch::arange(2), pipeline, 1, 1); });
        QVERIFY2(error.find("uint8") != std::string::npos, error.c_str());
    }

    void badRequestsThrow_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("index too large") << 0 << "sample index 12 is outside the dataset's 12";
        QTest::newRow("negative index") << 1 << "sample index -1 is outside";
        QTest::newRow("float indices") << 2 << "one-dimensional integer tensor";
        QTest::newRow("table") << 3 << "augmentation applies to image datasets";
        QTest::newRow("channels") << 4 << "operations[0]:";
    }

    void badRequestsThrow()
    {
        QFETCH(int, kind);
        QFETCH(QString, message);
        Dataset dataset = randomImages(12, 2, 6, 3);
        AugmentPipeline pipeline = pipelineOf(R"({"operations": [{"op": "horizontal_flip"}]})");
        torch::Tensor indices = torch::tensor(std::vector<std::int64_t>{3, 12});
        if (kind == 1)
            indices = torch::tensor(std::vector<std::int64_t>{-1, 2});
        else if (kind == 2)
            indices = torch::tensor(std::vector<float>{1.0f});
        else if (kind == 3)
            dataset.kind = DatasetKind::Table;
        else if (kind == 4) {
            indices = torch::arange(2);
            pipeline = pipelineOf(R"({"operations": [{"op": "contrast"}]})");
        }
        const std::string error =
            errorOf([&] { augmentedSamples(dataset, indices, pipeline, 0, 1); });
        QVERIFY2(QString::fromStdString(error).contains(message), error.c_str());
    }

    void normalizationOfAPipeline()
    {
        QVERIFY(!pipelineNormalization(pipelineOf(R"({"operations": []})"), 3));
        QVERIFY(!pipelineNormalization(
            pipelineOf(R"({"operations": [{"op": "normalize", "enabled": false}]})"), 3));
        const std::optional<ChannelStats> single = pipelineNormalization(
            pipelineOf(R"({"operations": [{"op": "normalize", "mean": [0.3], "std": [0.1]}]})"), 3);
        QVERIFY(single);
        QCOMPARE(single->mean, (std::vector<double>{0.3, 0.3, 0.3}));
        QCOMPARE(single->std, (std::vector<double>{0.1, 0.1, 0.1}));

        // Two steps compose into the one (x - mean) / std that the pipeline applies.
        const AugmentPipeline twice = pipelineOf(R"({"operations": [
            {"op": "normalize", "mean": [0.5, 0.2], "std": [0.25, 0.5]},
            {"op": "horizontal_flip", "probability": 0},
            {"op": "normalize", "mean": [1.0], "std": [4.0]}]})");
        const std::optional<ChannelStats> composed = pipelineNormalization(twice, 2);
        QVERIFY(composed);
        const Dataset dataset = randomImages(4, 2, 5, 4);
        const torch::Tensor out = augmentedSamples(dataset, torch::arange(4), twice, 0, 1);
        const torch::Tensor x = dataset.inputs.to(torch::kDouble) / 255.0;
        const torch::Tensor mean = torch::tensor(composed->mean, torch::kDouble).view({1, 2, 1, 1});
        const torch::Tensor stdDev =
            torch::tensor(composed->std, torch::kDouble).view({1, 2, 1, 1});
        QVERIFY(augmenttest::maxDifference(out, (x - mean) / stdDev) < 1e-5);

        const std::string error = errorOf([] {
            pipelineNormalization(pipelineOf(R"({"operations": [{"op": "horizontal_flip"},
                {"op": "normalize", "mean": [0.1, 0.2], "std": [1]}]})"),
                                  3);
        });
        QVERIFY2(
            error.rfind("operations[1].mean: has 2 values but the images have 3 channels", 0) == 0,
            error.c_str());
    }
};

MF_TEST_GUILESS_MAIN(TestAugmentedSamples)
#include "tst_augmentedsamples.moc"
