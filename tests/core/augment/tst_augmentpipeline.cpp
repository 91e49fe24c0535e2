// The pipeline: probabilities, seeding, batch-versus-single equivalence, JSON.
#include "augmenttesting.h"

#include "core/augment/augmentfactory.h"
#include "core/augment/horizontalflip.h"
#include "core/augment/normalize.h"
#include "core/augment/randomcrop.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using namespace mf::augmenttest;

Q_DECLARE_METATYPE(torch::Tensor)

namespace {

/// Every operation once, with parameters that change most images.
nlohmann::json everyOperation()
{
    return nlohmann::json::parse(R"({"operations": [
        {"op": "random_crop", "padding": 2, "padding_mode": "reflect", "probability": 0.8},
        {"op": "random_resized_crop", "scale": [0.5, 1.0], "ratio": [0.75, 1.33]},
        {"op": "horizontal_flip"},
        {"op": "vertical_flip", "probability": 0.3},
        {"op": "rotation", "degrees": [-20, 20], "probability": 0.7},
        {"op": "affine", "degrees": [-5, 5], "translate": [0.1, 0.2], "scale": [0.9, 1.1],
         "shear": [-10, 10], "fill": 0.5, "probability": 0.6},
        {"op": "brightness", "strength": 0.3},
        {"op": "contrast", "factor": [0.7, 1.3]},
        {"op": "saturation", "strength": 0.4},
        {"op": "hue", "strength": 0.1},
        {"op": "grayscale", "probability": 0.2},
        {"op": "gaussian_blur", "kernel_size": 3, "sigma": [0.2, 1.5], "probability": 0.5},
        {"op": "gaussian_noise", "std": 0.03, "probability": 0.5},
        {"op": "random_erasing", "scale": [0.05, 0.2], "ratio": [0.5, 2.0]},
        {"op": "normalize", "mean": [0.49, 0.48, 0.45], "std": [0.25, 0.24, 0.26]}
    ]})");
}

/// A pipeline of one operation from `spec`.
mf::AugmentPipeline single(const nlohmann::json &spec)
{
    return mf::AugmentPipeline::fromJson({{"operations", {spec}}});
}

torch::Tensor randomBytes(std::vector<std::int64_t> shape, std::uint64_t seed)
{
    torch::manual_seed(seed);
    return torch::randint(0, 256, shape, torch::kByte);
}

QString dumped(const nlohmann::json &json)
{
    return QString::fromStdString(json.dump());
}

QString configErrorOf(const std::function<void()> &action)
{
    try {
        action();
    } catch (const mf::Error &e) {
        return QString(e.what());
    }
    return {};
}

} // namespace

class TestAugmentPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probabilityZeroIsIdentity_data()
    {
        QTest::addColumn<QString>("name");
        for (const std::string &name : mf::augmentOperationNames())
            if (name != "normalize")
                QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }

    void probabilityZeroIsIdentity()
    {
        QFETCH(QString, name);
        const torch::Tensor x = randomBytes({6, 3, 8, 8}, 1);
        Drawn drawn;
        const auto pipeline = single({{"op", name.toStdString()}, {"probability", 0.0}});
        const torch::Tensor out = pipeline.apply(x, 5, 0, torch::arange(6), &drawn);
        QVERIFY(out.scalar_type() == torch::kFloat);
        QCOMPARE(maxDifference(out, x.to(torch::kFloat) / 255.0), 0.0);
        for (const auto &sample : drawn)
            QVERIFY(sample.empty());
    }

    void probabilityOneChangesTheImages_data()
    {
        QTest::addColumn<QString>("spec");
        const nlohmann::json all = everyOperation();
        for (const auto &op : all["operations"]) {
            nlohmann::json spec = op;
            spec["probability"] = 1.0;
            QTest::newRow(op["op"].get<std::string>().c_str())
                << QString::fromStdString(spec.dump());
        }
    }

    void probabilityOneChangesTheImages()
    {
        QFETCH(QString, spec);
        const torch::Tensor x = randomBytes({6, 3, 8, 8}, 1);
        Drawn drawn;
        const auto pipeline = single(nlohmann::json::parse(spec.toStdString()));
        const torch::Tensor out = pipeline.apply(x, 5, 0, torch::arange(6), &drawn);
        QVERIFY(maxDifference(out, x.to(torch::kFloat) / 255.0) > 0.01);
        for (const auto &sample : drawn)
            QCOMPARE(sample.size(), std::size_t(1));
    }

    void normalizeIgnoresTheProbability()
    {
        const auto pipeline =
            single({{"op", "normalize"}, {"probability", 0.0}, {"mean", {0.5}}, {"std", {0.25}}});
        const torch::Tensor x = torch::full({2, 1, 2, 2}, 0.75f);
        QVERIFY(maxDifference(pipeline.apply(x, 1, 0, torch::arange(2)), torch::ones_like(x)) <
                1e-6);
    }

    void disabledOperationsDoNothing()
    {
        mf::AugmentPipeline pipeline;
        pipeline.add(std::make_shared<mf::HorizontalFlip>(1.0), false);
        const torch::Tensor x = torch::rand({3, 2, 4, 5});
        QCOMPARE(maxDifference(pipeline.apply(x, 1, 0, torch::arange(3)), x), 0.0);
        pipeline.ops()[0].enabled = true;
        QCOMPARE(maxDifference(pipeline.apply(x, 1, 0, torch::arange(3)), x.flip({3})), 0.0);
    }

    void floatInputIsNotModified()
    {
        const auto pipeline = mf::AugmentPipeline::fromJson(everyOperation());
        const torch::Tensor x = torch::rand({8, 3, 12, 12});
        const torch::Tensor copy = x.clone();
        pipeline.apply(x, 3, 0, torch::arange(8));
        QCOMPARE(maxDifference(x, copy), 0.0);
    }

    void sameSeedSameOutputOtherKeysDiffer()
    {
        const auto pipeline = mf::AugmentPipeline::fromJson(everyOperation());
        const torch::Tensor x = randomBytes({16, 3, 12, 12}, 2);
        const torch::Tensor indices = torch::arange(100, 116);
        const torch::Tensor out = pipeline.apply(x, 42, 3, indices);
        QCOMPARE(maxDifference(pipeline.apply(x, 42, 3, indices), out), 0.0);
        QVERIFY(maxDifference(pipeline.apply(x, 43, 3, indices), out) > 0.1);
        QVERIFY(maxDifference(pipeline.apply(x, 42, 4, indices), out) > 0.1);
        QVERIFY(maxDifference(pipeline.apply(x, 42, 3, indices + 1), out) > 0.1);
    }

    void aSampleComesOutTheSameInABatchAndAlone()
    {
        // A preview tile (one sample) must equal what the trainer drew in its batch of 256.
        const auto pipeline = mf::AugmentPipeline::fromJson(everyOperation());
        const torch::Tensor x = randomBytes({256, 3, 16, 16}, 3);
        torch::manual_seed(4);
        const torch::Tensor indices = torch::randperm(50000).narrow(0, 0, 256);
        Drawn batchDrawn;
        const torch::Tensor batch = pipeline.apply(x, 2024, 7, indices, &batchDrawn);
        for (std::int64_t i : {0, 1, 17, 128, 200, 255}) {
            Drawn aloneDrawn;
            const torch::Tensor alone =
                pipeline.apply(x.narrow(0, i, 1), 2024, 7, indices.narrow(0, i, 1), &aloneDrawn);
            QVERIFY2(maxDifference(alone[0], batch[i]) < 1e-5,
                     qPrintable(QString("sample %1 differs by %2")
                                    .arg(i)
                                    .arg(maxDifference(alone[0], batch[i]))));
            QCOMPARE(dumped(aloneDrawn[0]), dumped(batchDrawn[static_cast<std::size_t>(i)]));
        }
        // And in another batch: a reversed subset of 31.
        const torch::Tensor rows = torch::arange(60, 91).flip({0});
        const torch::Tensor subset =
            pipeline.apply(x.index_select(0, rows), 2024, 7, indices.index_select(0, rows));
        QVERIFY(maxDifference(subset, batch.index_select(0, rows)) < 1e-5);
    }

    void drawnParametersListTheAppliedOperations()
    {
        const auto pipeline = mf::AugmentPipeline::fromJson(everyOperation());
        Drawn drawn;
        pipeline.apply(randomBytes({32, 3, 10, 10}, 5), 9, 0, torch::arange(32), &drawn);
        QCOMPARE(drawn.size(), std::size_t(32));
        bool someFlipped = false, someNot = false;
        for (const auto &sample : drawn) {
            // The always-applied steps: resized crop, colour jitters, erasing and normalise.
            QVERIFY(sample.size() >= 7);
            int previous = -1;
            bool flipped = false;
            for (const auto &entry : sample) {
                QVERIFY(entry["index"].get<int>() > previous);
                previous = entry["index"];
                flipped = flipped || entry["op"] == "horizontal_flip";
            }
            QVERIFY(sample.back()["op"] == "normalize");
            QVERIFY((sample[0]["op"] == "random_crop" ? sample[1]["op"] : sample[0]["op"]) ==
                    "random_resized_crop");
            someFlipped = someFlipped || flipped;
            someNot = someNot || !flipped;
        }
        QVERIFY(someFlipped && someNot);
    }

    void jsonRoundTrip()
    {
        const auto pipeline = mf::AugmentPipeline::fromJson(everyOperation());
        QCOMPARE(pipeline.ops().size(), std::size_t(15));
        const nlohmann::json json = pipeline.toJson();
        const auto again = mf::AugmentPipeline::fromJson(json);
        QCOMPARE(dumped(again.toJson()), dumped(json));
        // Every operation and parameter survives: the same draws, the same pixels.
        const torch::Tensor x = randomBytes({8, 3, 12, 12}, 6);
        QCOMPARE(maxDifference(again.apply(x, 1, 2, torch::arange(8)),
                               pipeline.apply(x, 1, 2, torch::arange(8))),
                 0.0);
        // A disabled step and C++-built operations round-trip too.
        mf::AugmentPipeline built;
        built.add(std::make_shared<mf::RandomCrop>(3, mf::RandomCrop::PaddingMode::Reflect, 0.25),
                  false);
        built.add(std::make_shared<mf::Normalize>(std::vector<double>{0.1, 0.2},
                                                  std::vector<double>{0.3, 0.4}));
        const nlohmann::json builtJson = built.toJson();
        QVERIFY(builtJson["operations"][0]["enabled"] == false);
        QVERIFY(builtJson["operations"][0]["padding_mode"] == "reflect");
        QCOMPARE(dumped(mf::AugmentPipeline::fromJson(builtJson).toJson()), dumped(builtJson));
        for (const std::string &name : mf::augmentOperationNames()) {
            const nlohmann::json defaults = single({{"op", name}}).toJson();
            QCOMPARE(dumped(mf::AugmentPipeline::fromJson(defaults).toJson()), dumped(defaults));
        }
    }

    void jsonErrors_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not an object") << "[]"
                                       << "augmentation pipeline: must be a JSON object";
        QTest::newRow("unknown key") << R"({"ops": []})"
                                     << "ops: unknown key";
        QTest::newRow("operations not a list") << R"({"operations": {}})"
                                               << "operations: must be an array of operations";
        QTest::newRow("operation not an object") << R"({"operations": [3]})"
                                                 << "operations[0]: must be a JSON object";
        QTest::newRow("no op") << R"({"operations": [{"probability": 1}]})"
                               << "operations[0].op: is required";
        QTest::newRow("unknown op")
            << R"({"operations": [{"op": "horizontal_flip"}, {"op": "blur"}]})"
            << "operations[1].op: unknown operation \"blur\" (expected random_crop, "
               "random_resized_crop, horizontal_flip, vertical_flip, rotation, affine, "
               "brightness, contrast, saturation, hue, grayscale, gaussian_blur, "
               "gaussian_noise, random_erasing or normalize)";
        QTest::newRow("negative padding")
            << R"({"operations": [{"op": "horizontal_flip"}, {"op": "random_crop", "padding": -1}]})"
            << "operations[1].padding: must be an integer from 0 to 1024 (got -1)";
        QTest::newRow("padding text")
            << R"({"operations": [{"op": "random_crop", "padding": "4"}]})"
            << "operations[0].padding: must be an integer";
        QTest::newRow("padding mode")
            << R"({"operations": [{"op": "random_crop", "padding_mode": "wrap"}]})"
            << "operations[0].padding_mode: must be \"zeros\" or \"reflect\" (got \"wrap\")";
        QTest::newRow("probability")
            << R"({"operations": [{"op": "vertical_flip", "probability": 1.5}]})"
            << "operations[0].probability: must be a number from 0 to 1 (got 1.5)";
        QTest::newRow("enabled") << R"({"operations": [{"op": "vertical_flip", "enabled": "yes"}]})"
                                 << "operations[0].enabled: must be true or false";
        QTest::newRow("key of another op")
            << R"({"operations": [{"op": "horizontal_flip", "padding": 4}]})"
            << "operations[0].padding: unknown key for operation \"horizontal_flip\"";
        QTest::newRow("reversed range")
            << R"({"operations": [{"op": "rotation", "degrees": [10, -10]}]})"
            << "operations[0].degrees: the lower end 10 is above the upper end -10";
        QTest::newRow("range of one") << R"({"operations": [{"op": "rotation", "degrees": [10]}]})"
                                      << "operations[0].degrees: must be an array of two numbers "
                                         "[low, high]";
        QTest::newRow("even kernel")
            << R"({"operations": [{"op": "gaussian_blur", "kernel_size": 4}]})"
            << "operations[0].kernel_size: must be odd (got 4)";
        QTest::newRow("zero std")
            << R"({"operations": [{"op": "normalize", "mean": [0.5], "std": [0]}]})"
            << "operations[0].std[0]: must be a number from 1e-06 to 1e+06 (got 0)";
        QTest::newRow("std count")
            << R"({"operations": [{"op": "normalize", "mean": [0.5, 0.5], "std": [1, 1, 1]}]})"
            << "operations[0].std: has 3 values but mean has 2";
        QTest::newRow("hue factor")
            << R"({"operations": [{"op": "hue", "factor": [0, 0.7]}]})"
            << "operations[0].factor[1]: must be a number from -0.5 to 0.5 (got 0.7)";
        QTest::newRow("strength and factor")
            << R"({"operations": [{"op": "brightness", "strength": 0.2, "factor": [1, 1]}]})"
            << "operations[0].strength: give either strength or factor, not both";
        QTest::newRow("negative strength")
            << R"({"operations": [{"op": "contrast", "strength": -0.2}]})"
            << "operations[0].strength: must be a number from 0 to 99 (got -0.2)";
        QTest::newRow("translate")
            << R"({"operations": [{"op": "affine", "translate": [0.1, 1.5]}]})"
            << "operations[0].translate[1]: must be a number from 0 to 1 (got 1.5)";
    }

    void jsonErrors()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const nlohmann::json parsed = nlohmann::json::parse(json.toStdString());
        QCOMPARE(configErrorOf([&] { mf::AugmentPipeline::fromJson(parsed); }), message);
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::AugmentPipeline::fromJson(parsed));
    }

    void prefixStartsEveryKey()
    {
        const nlohmann::json json = {{"operations", {{{"op", "random_crop"}, {"padding", -2}}}}};
        QCOMPARE(configErrorOf([&] { mf::AugmentPipeline::fromJson(json, "augmentation."); }),
                 QString("augmentation.operations[0].padding: must be an integer from 0 to 1024 "
                         "(got -2)"));
    }

    void badBatchesThrow_data()
    {
        QTest::addColumn<torch::Tensor>("images");
        QTest::addColumn<torch::Tensor>("indices");
        QTest::addColumn<QString>("message");
        QTest::newRow("three dimensions")
            << torch::zeros({2, 3, 4}) << torch::arange(2)
            << "augmentation needs a batch of images [N, C, H, W] (got shape [2, 3, 4])";
        QTest::newRow("integer images")
            << torch::zeros({2, 1, 3, 3}, torch::kInt) << torch::arange(2)
            << "augmentation needs uint8 or floating-point images";
        QTest::newRow("too few indices")
            << torch::zeros({2, 1, 3, 3}) << torch::arange(1)
            << "augmentation needs one integer sample index per image (2 images, indices of "
               "shape [1])";
        QTest::newRow("float indices")
            << torch::zeros({2, 1, 3, 3}) << torch::zeros({2})
            << "augmentation needs one integer sample index per image (2 images, indices of "
               "shape [2])";
    }

    void badBatchesThrow()
    {
        QFETCH(torch::Tensor, images);
        QFETCH(torch::Tensor, indices);
        QFETCH(QString, message);
        const auto pipeline = mf::AugmentPipeline::fromJson(everyOperation());
        QCOMPARE(configErrorOf([&] { pipeline.apply(images, 1, 0, indices); }), message);
    }

    void emptyBatchGivesAnEmptyResult()
    {
        const auto pipeline = mf::AugmentPipeline::fromJson(everyOperation());
        const torch::Tensor out =
            pipeline.apply(torch::zeros({0, 3, 8, 8}, torch::kByte), 1, 0, torch::arange(0));
        QVERIFY(out.sizes() == (torch::IntArrayRef{0, 3, 8, 8}));
    }
};

MF_TEST_GUILESS_MAIN(TestAugmentPipeline)
#include "tst_augmentpipeline.moc"
