// Geometric operations: flips, crops, rotation, affine warps and erasing, by hand on small
// tensors.
#include "augmenttesting.h"

#include "core/augment/horizontalflip.h"
#include "core/augment/randomaffine.h"
#include "core/augment/randomcrop.h"
#include "core/augment/randomerasing.h"
#include "core/augment/randomresizedcrop.h"
#include "core/augment/randomrotation.h"
#include "core/augment/verticalflip.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using namespace mf::augmenttest;

Q_DECLARE_METATYPE(std::vector<float>)

namespace {

/// 3 x 3 image 1..9 (tenths), row-major.
torch::Tensor nineTenths()
{
    return image({0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f}, {1, 1, 3, 3});
}

std::vector<float> tenths(std::initializer_list<int> values)
{
    std::vector<float> result;
    for (int v : values)
        result.push_back(static_cast<float>(v) / 10.0f);
    return result;
}

} // namespace

class TestGeometricAugment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void horizontalFlipReversesColumns()
    {
        const torch::Tensor x = image({1, 2, 3, 4, 5, 6}, {1, 1, 2, 3}) / 10.0;
        const torch::Tensor out = runAlone(std::make_shared<mf::HorizontalFlip>(1.0), x, 3);
        QCOMPARE(maxDifference(out, image({3, 2, 1, 6, 5, 4}, {1, 1, 2, 3}) / 10.0), 0.0);
    }

    void verticalFlipReversesRows()
    {
        const torch::Tensor x = image({1, 2, 3, 4, 5, 6}, {1, 1, 2, 3}) / 10.0;
        const torch::Tensor out = runAlone(std::make_shared<mf::VerticalFlip>(1.0), x, 3);
        QCOMPARE(maxDifference(out, image({4, 5, 6, 1, 2, 3}, {1, 1, 2, 3}) / 10.0), 0.0);
    }

    void flipAtHalfProbabilityFlipsOnlyTheDrawnSamples()
    {
        const torch::Tensor x = torch::rand({64, 2, 3, 5});
        Drawn drawn;
        const torch::Tensor out =
            runAlone(std::make_shared<mf::HorizontalFlip>(0.5), x, 11, &drawn);
        int flipped = 0;
        for (std::int64_t i = 0; i < 64; ++i) {
            const bool applied = !drawn[static_cast<std::size_t>(i)].empty();
            flipped += applied ? 1 : 0;
            const torch::Tensor expected = applied ? x[i].flip({2}) : x[i];
            QCOMPARE(maxDifference(out[i], expected), 0.0);
        }
        QVERIFY(flipped > 16 && flipped < 48);
    }

    void cropKeepsTheSize_data()
    {
        QTest::addColumn<qint64>("padding");
        QTest::addColumn<bool>("reflect");
        for (qint64 p : {0, 1, 2, 4})
            for (bool reflect : {false, true})
                QTest::addRow("padding %lld %s", static_cast<long long>(p),
                              reflect ? "reflect" : "zeros")
                    << p << reflect;
    }

    void cropKeepsTheSize()
    {
        QFETCH(qint64, padding);
        QFETCH(bool, reflect);
        const torch::Tensor x = torch::rand({5, 3, 6, 8});
        const auto mode =
            reflect ? mf::RandomCrop::PaddingMode::Reflect : mf::RandomCrop::PaddingMode::Zeros;
        Drawn drawn;
        const torch::Tensor out =
            runAlone(std::make_shared<mf::RandomCrop>(padding, mode), x, 1, &drawn);
        QVERIFY(out.sizes() == x.sizes());
        for (const auto &sample : drawn) {
            QCOMPARE(sample.size(), std::size_t(1));
            QVERIFY(sample[0]["top"] >= 0 && sample[0]["top"] <= 2 * padding);
            QVERIFY(sample[0]["left"] >= 0 && sample[0]["left"] <= 2 * padding);
        }
    }

    void cropShiftsByTheDrawnOffset_data()
    {
        QTest::addColumn<bool>("reflect");
        QTest::addColumn<int>("top");
        QTest::addColumn<int>("left");
        QTest::addColumn<std::vector<float>>("expected");
        // Padding 1 around 1..9; the crop's offset in the padded 5 x 5 image.
        QTest::newRow("zeros 0,0") << false << 0 << 0 << tenths({0, 0, 0, 0, 1, 2, 0, 4, 5});
        QTest::newRow("zeros 1,1") << false << 1 << 1 << tenths({1, 2, 3, 4, 5, 6, 7, 8, 9});
        QTest::newRow("zeros 2,2") << false << 2 << 2 << tenths({5, 6, 0, 8, 9, 0, 0, 0, 0});
        QTest::newRow("zeros 0,2") << false << 0 << 2 << tenths({0, 0, 0, 2, 3, 0, 5, 6, 0});
        QTest::newRow("zeros 2,0") << false << 2 << 0 << tenths({0, 4, 5, 0, 7, 8, 0, 0, 0});
        // Reflection leaves out the edge: row -1 is row 1.
        QTest::newRow("reflect 0,0") << true << 0 << 0 << tenths({5, 4, 5, 2, 1, 2, 5, 4, 5});
        QTest::newRow("reflect 2,2") << true << 2 << 2 << tenths({5, 6, 5, 8, 9, 8, 5, 6, 5});
        QTest::newRow("reflect 1,0") << true << 1 << 0 << tenths({2, 1, 2, 5, 4, 5, 8, 7, 8});
    }

    void cropShiftsByTheDrawnOffset()
    {
        QFETCH(bool, reflect);
        QFETCH(int, top);
        QFETCH(int, left);
        QFETCH(std::vector<float>, expected);
        const auto crop = std::make_shared<mf::RandomCrop>(
            1, reflect ? mf::RandomCrop::PaddingMode::Reflect : mf::RandomCrop::PaddingMode::Zeros);
        nlohmann::json params;
        const torch::Tensor out = runUntil(
            crop, nineTenths(),
            [&](const nlohmann::json &p) { return p["top"] == top && p["left"] == left; }, params);
        QVERIFY2(out.defined(), "no seed drew this offset");
        QCOMPARE(maxDifference(out, image(expected, {1, 1, 3, 3})), 0.0);
    }

    void reflectPaddingLargerThanTheImageThrows()
    {
        const auto crop = std::make_shared<mf::RandomCrop>(3, mf::RandomCrop::PaddingMode::Reflect);
        try {
            runAlone(crop, torch::rand({2, 1, 3, 3}), 0);
            QFAIL("no error");
        } catch (const mf::ConfigError &e) {
            QCOMPARE(QString(e.what()),
                     QString("operations[0]: random_crop with reflect padding 3 needs images "
                             "larger than 3 pixels on each side (these are 3 x 3)"));
        }
    }

    void resizedCropOfTheWholeImageIsIdentity()
    {
        const torch::Tensor x = torch::rand({3, 2, 4, 4});
        Drawn drawn;
        const auto crop =
            std::make_shared<mf::RandomResizedCrop>(mf::Interval{1.0, 1.0}, mf::Interval{1.0, 1.0});
        const torch::Tensor out = runAlone(crop, x, 5, &drawn);
        QVERIFY(maxDifference(out, x) < 1e-6);
        QVERIFY(drawn[0][0]["height"] == 4);
        QVERIFY(drawn[0][0]["width"] == 4);
    }

    void resizedCropResizesTheDrawnBoxBilinearly()
    {
        // 4 x 4 image 0..15; a quarter of the area at ratio 1 is a 2 x 2 box.
        const torch::Tensor x = torch::arange(16, torch::kFloat).view({1, 1, 4, 4}) / 16.0;
        const auto crop = std::make_shared<mf::RandomResizedCrop>(mf::Interval{0.25, 0.25},
                                                                  mf::Interval{1.0, 1.0});
        nlohmann::json params;
        const torch::Tensor out = runUntil(
            crop, x, [](const nlohmann::json &p) { return p["top"] == 1 && p["left"] == 2; },
            params);
        QVERIFY(out.defined());
        QVERIFY(params["height"] == 2);
        // Box [[6, 7], [10, 11]]: output row i samples source (i + 0.5) / 2 - 0.5, clamped to
        // [0, 1]: 0, 0.25, 0.75, 1 (torchvision's F.resized_crop gives the same).
        const std::vector<float> expected = {6, 6.25f, 6.75f, 7,  7,  7.25f,  7.75f,  8,
                                             9, 9.25f, 9.75f, 10, 10, 10.25f, 10.75f, 11};
        QVERIFY(maxDifference(out, image(expected, {1, 1, 4, 4}) / 16.0) < 1e-6);
    }

    void rotationByZeroIsIdentity()
    {
        const torch::Tensor x = torch::rand({2, 3, 5, 7});
        const auto rotation = std::make_shared<mf::RandomRotation>(mf::Interval{0.0, 0.0});
        QVERIFY(maxDifference(runAlone(rotation, x, 1), x) < 1e-6);
    }

    void rotationBy90IsATransposedFlip()
    {
        const torch::Tensor x = torch::rand({2, 3, 4, 4});
        const auto rotation = std::make_shared<mf::RandomRotation>(mf::Interval{90.0, 90.0});
        // Counter-clockwise: the last column becomes the first row.
        const torch::Tensor expected = x.transpose(2, 3).flip({2});
        QVERIFY(maxDifference(runAlone(rotation, x, 1), expected) < 1e-5);
    }

    void rotationOfANonSquareImageMatchesTorchvision()
    {
        // torchvision F.rotate(arange(12).view(1, 1, 3, 4), 30, bilinear, fill=[0.0]).
        const torch::Tensor x = torch::arange(12, torch::kFloat).view({1, 1, 3, 4});
        const auto rotation = std::make_shared<mf::RandomRotation>(mf::Interval{30.0, 30.0});
        const std::vector<float> expected = {0.103347f, 1.224461f, 3.968911f, 3.211399f,
                                             1.200962f, 4.066987f, 6.933013f, 9.799038f,
                                             2.193426f, 7.031089f, 7.371060f, 1.518456f};
        QVERIFY(maxDifference(runAlone(rotation, x, 1), image(expected, {1, 1, 3, 4})) < 1e-4);
    }

    void affineTranslatesByWholePixels_data()
    {
        QTest::addColumn<int>("shift");
        QTest::addColumn<std::vector<float>>("expected");
        QTest::newRow("right") << 1 << std::vector<float>{0, 1, 2, 0, 4, 5, 0, 7, 8};
        QTest::newRow("left") << -1 << std::vector<float>{2, 3, 0, 5, 6, 0, 8, 9, 0};
        QTest::newRow("none") << 0 << std::vector<float>{1, 2, 3, 4, 5, 6, 7, 8, 9};
    }

    void affineTranslatesByWholePixels()
    {
        QFETCH(int, shift);
        QFETCH(std::vector<float>, expected);
        mf::RandomAffineSettings settings;
        settings.translateX = 1.0 / 3.0; // at most one pixel of three
        settings.translateY = 0.0;
        nlohmann::json params;
        const torch::Tensor out = runUntil(
            std::make_shared<mf::RandomAffine>(settings), nineTenths(),
            [&](const nlohmann::json &p) { return p["translate"][0] == shift; }, params);
        QVERIFY(out.defined());
        QVERIFY(params["translate"][1] == 0.0);
        QVERIFY(maxDifference(out, image(expected, {1, 1, 3, 3}) / 10.0) < 1e-6);
    }

    void affineMatchesTorchvision()
    {
        // torchvision F.affine(arange(12).view(1, 1, 3, 4), angle=30, translate=[1, 0],
        // scale=1.2, shear=[10, 0], bilinear, fill=[0.0]).
        mf::RandomAffineSettings settings;
        settings.degrees = {30.0, 30.0};
        settings.translateX = 0.25;
        settings.translateY = 0.0;
        settings.scale = {1.2, 1.2};
        settings.shear = {10.0, 10.0};
        const torch::Tensor x = torch::arange(12, torch::kFloat).view({1, 1, 3, 4});
        nlohmann::json params;
        const torch::Tensor out = runUntil(
            std::make_shared<mf::RandomAffine>(settings), x,
            [](const nlohmann::json &p) { return p["translate"][0] == 1.0; }, params);
        QVERIFY(out.defined());
        const std::vector<float> expected = {0.594431f, 3.496793f, 2.578553f, 1.560105f,
                                             5.682637f, 7.027672f, 6.009224f, 4.990776f,
                                             0.471719f, 3.871909f, 9.439895f, 8.421447f};
        QVERIFY(maxDifference(out, image(expected, {1, 1, 3, 4})) < 1e-4);
    }

    void erasingZeroesExactlyTheDrawnBox()
    {
        const torch::Tensor x = torch::rand({16, 2, 10, 12}) * 0.5 + 0.25;
        Drawn drawn;
        const auto erasing = std::make_shared<mf::RandomErasing>(mf::Interval{0.1, 0.3},
                                                                 mf::Interval{0.5, 2.0}, 1.0);
        const torch::Tensor out = runAlone(erasing, x, 4, &drawn);
        int erased = 0;
        for (std::int64_t i = 0; i < 16; ++i) {
            const nlohmann::json &box = drawn[static_cast<std::size_t>(i)][0];
            const std::int64_t top = box["top"], left = box["left"];
            const std::int64_t h = box["height"], w = box["width"];
            torch::Tensor expected = x[i].clone();
            expected.slice(1, top, top + h).slice(2, left, left + w).zero_();
            QCOMPARE(maxDifference(out[i], expected), 0.0);
            if (h > 0) {
                ++erased;
                QVERIFY(h * w >= 0.1 * 120 * 0.5 && h * w <= 0.3 * 120 * 1.5);
            }
        }
        QVERIFY(erased > 12);
    }
};

MF_TEST_GUILESS_MAIN(TestGeometricAugment)
#include "tst_geometricaugment.moc"
