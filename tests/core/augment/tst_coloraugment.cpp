// Colour operations, noise and normalisation, by hand on small tensors.
#include "augmenttesting.h"

#include "core/augment/brightnessjitter.h"
#include "core/augment/contrastjitter.h"
#include "core/augment/gaussianblur.h"
#include "core/augment/gaussiannoise.h"
#include "core/augment/huejitter.h"
#include "core/augment/normalize.h"
#include "core/augment/randomgrayscale.h"
#include "core/augment/saturationjitter.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using namespace mf::augmenttest;

Q_DECLARE_METATYPE(std::vector<float>)
Q_DECLARE_METATYPE(torch::Tensor)
Q_DECLARE_METATYPE(std::shared_ptr<const mf::AugmentOperation>)

namespace {

using OperationPtr = std::shared_ptr<const mf::AugmentOperation>;

/// Two RGB pixels, (1, 0, 0) and (0.2, 0.4, 0.6): [1, 3, 1, 2].
torch::Tensor twoPixels()
{
    return image({1.0f, 0.2f, 0.0f, 0.4f, 0.0f, 0.6f}, {1, 3, 1, 2});
}

QString errorOf(const OperationPtr &operation, const torch::Tensor &images)
{
    try {
        runAlone(operation, images, 0);
    } catch (const mf::Error &e) {
        return QString(e.what());
    }
    return {};
}

} // namespace

class TestColorAugment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void grayscaleByHand()
    {
        // 0.299 * 1 = 0.299; 0.299 * 0.2 + 0.587 * 0.4 + 0.114 * 0.6 = 0.363.
        const torch::Tensor out =
            runAlone(std::make_shared<mf::RandomGrayscale>(1.0), twoPixels(), 0);
        const std::vector<float> expected = {0.299f, 0.363f, 0.299f, 0.363f, 0.299f, 0.363f};
        QVERIFY(out.sizes() == twoPixels().sizes());
        QVERIFY(maxDifference(out, image(expected, {1, 3, 1, 2})) < 1e-6);
    }

    void grayscaleLeavesOneChannelImages()
    {
        const torch::Tensor x = torch::rand({2, 1, 3, 3});
        QCOMPARE(maxDifference(runAlone(std::make_shared<mf::RandomGrayscale>(1.0), x, 0), x), 0.0);
    }

    void pinnedFactorsByHand_data()
    {
        QTest::addColumn<OperationPtr>("operation");
        QTest::addColumn<torch::Tensor>("input");
        QTest::addColumn<std::vector<float>>("expected");
        const torch::Tensor gray = image({0.2f, 0.6f}, {1, 1, 1, 2});
        // Brightness f * x, clamped: 1.5 * 0.6 = 0.9; 1.5 * 1 = 1.5 -> 1.
        QTest::newRow("brightness 1.5 gray")
            << OperationPtr(std::make_shared<mf::BrightnessJitter>(mf::Interval{1.5, 1.5}, 1.0))
            << gray << std::vector<float>{0.3f, 0.9f};
        QTest::newRow("brightness 1.5 rgb")
            << OperationPtr(std::make_shared<mf::BrightnessJitter>(mf::Interval{1.5, 1.5}, 1.0))
            << twoPixels() << std::vector<float>{1.0f, 0.3f, 0.0f, 0.6f, 0.0f, 0.9f};
        QTest::newRow("brightness 0")
            << OperationPtr(std::make_shared<mf::BrightnessJitter>(mf::Interval{0.0, 0.0}, 1.0))
            << gray << std::vector<float>{0.0f, 0.0f};
        // Contrast: mean grey 0.4; 0.5 * x + 0.5 * 0.4.
        QTest::newRow("contrast 0.5 gray")
            << OperationPtr(std::make_shared<mf::ContrastJitter>(mf::Interval{0.5, 0.5}, 1.0))
            << gray << std::vector<float>{0.3f, 0.5f};
        // 2 * x - 0.4: 0.0 and 0.8.
        QTest::newRow("contrast 2 gray")
            << OperationPtr(std::make_shared<mf::ContrastJitter>(mf::Interval{2.0, 2.0}, 1.0))
            << gray << std::vector<float>{0.0f, 0.8f};
        // RGB mean of the luma (0.299 + 0.363) / 2 = 0.331; 0.5 * x + 0.1655.
        QTest::newRow("contrast 0.5 rgb")
            << OperationPtr(std::make_shared<mf::ContrastJitter>(mf::Interval{0.5, 0.5}, 1.0))
            << twoPixels()
            << std::vector<float>{0.6655f, 0.2655f, 0.1655f, 0.3655f, 0.1655f, 0.4655f};
        // Saturation 0 is grey; 2 is 2 x - gray, clamped.
        QTest::newRow("saturation 0")
            << OperationPtr(std::make_shared<mf::SaturationJitter>(mf::Interval{0.0, 0.0}, 1.0))
            << twoPixels() << std::vector<float>{0.299f, 0.363f, 0.299f, 0.363f, 0.299f, 0.363f};
        QTest::newRow("saturation 2")
            << OperationPtr(std::make_shared<mf::SaturationJitter>(mf::Interval{2.0, 2.0}, 1.0))
            << twoPixels() << std::vector<float>{1.0f, 0.037f, 0.0f, 0.437f, 0.0f, 0.837f};
        QTest::newRow("saturation gray unchanged")
            << OperationPtr(std::make_shared<mf::SaturationJitter>(mf::Interval{2.0, 2.0}, 1.0))
            << gray << std::vector<float>{0.2f, 0.6f};
        // (0.2, 0.5, 0.9) is hue 0.5952, saturation 7/9, value 0.9; + 0.1 is sector 4 at
        // f = 0.171: (v (1 - s (1 - f)), v (1 - s), v) = (0.32, 0.2, 0.9).
        QTest::newRow("hue 0.1") << OperationPtr(std::make_shared<mf::HueJitter>(
                                        mf::Interval{0.1, 0.1}, 1.0))
                                 << image({0.2f, 0.5f, 0.9f}, {1, 3, 1, 1})
                                 << std::vector<float>{0.32f, 0.2f, 0.9f};
        // Red shifted by a third of the circle is green; by -1/3 blue.
        QTest::newRow("hue red to green")
            << OperationPtr(std::make_shared<mf::HueJitter>(mf::Interval{1.0 / 3, 1.0 / 3}, 1.0))
            << image({1.0f, 0.0f, 0.0f}, {1, 3, 1, 1}) << std::vector<float>{0.0f, 1.0f, 0.0f};
        QTest::newRow("hue red to blue")
            << OperationPtr(std::make_shared<mf::HueJitter>(mf::Interval{-1.0 / 3, -1.0 / 3}, 1.0))
            << image({1.0f, 0.0f, 0.0f}, {1, 3, 1, 1}) << std::vector<float>{0.0f, 0.0f, 1.0f};
        // 3 x 3 impulse, sigma 1: kernel (0.27407, 0.45186, 0.27407); reflection folds the
        // outer weights together at the edges (torchvision's F.gaussian_blur agrees).
        QTest::newRow("blur impulse")
            << OperationPtr(std::make_shared<mf::GaussianBlur>(3, mf::Interval{1.0, 1.0}))
            << image({0, 0, 0, 0, 1, 0, 0, 0, 0}, {1, 1, 3, 3})
            << std::vector<float>{0.300454f, 0.247683f, 0.300454f, 0.247683f, 0.204180f,
                                  0.247683f, 0.300454f, 0.247683f, 0.300454f};
        QTest::newRow("blur kernel 1")
            << OperationPtr(std::make_shared<mf::GaussianBlur>(1, mf::Interval{1.0, 1.0}))
            << image({0, 0, 0, 0, 1, 0, 0, 0, 0}, {1, 1, 3, 3})
            << std::vector<float>{0, 0, 0, 0, 1, 0, 0, 0, 0};
        // (x - mean) / std per channel, and one value for every channel.
        QTest::newRow("normalize per channel")
            << OperationPtr(std::make_shared<mf::Normalize>(std::vector<double>{0.5, 0.5, 0.5},
                                                            std::vector<double>{0.5, 0.25, 0.5}))
            << image({0.5f, 0.25f, 1.0f}, {1, 3, 1, 1}) << std::vector<float>{0.0f, -1.0f, 1.0f};
        QTest::newRow("normalize one value")
            << OperationPtr(std::make_shared<mf::Normalize>(std::vector<double>{0.25},
                                                            std::vector<double>{0.5}))
            << image({0.5f, 0.25f, 1.0f}, {1, 3, 1, 1}) << std::vector<float>{0.5f, 0.0f, 1.5f};
    }

    void pinnedFactorsByHand()
    {
        QFETCH(OperationPtr, operation);
        QFETCH(torch::Tensor, input);
        QFETCH(std::vector<float>, expected);
        const torch::Tensor out = runAlone(operation, input, 9);
        QVERIFY2(
            maxDifference(out, image(expected, input.sizes().vec())) < 1e-4,
            qPrintable(QString::number(maxDifference(out, image(expected, input.sizes().vec())))));
    }

    void brightnessFactorIsDrawnFromTheStrengthRange()
    {
        // strength 0.5: factors in [0.5, 1.5], and the output is the drawn factor times x.
        const torch::Tensor x = image({0.2f, 0.9f}, {1, 1, 1, 2});
        const auto brightness = std::make_shared<mf::BrightnessJitter>(0.5);
        double low = 2.0, high = 0.0;
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            Drawn drawn;
            const torch::Tensor out = runAlone(brightness, x, seed, &drawn);
            const double f = drawn[0][0]["factor"];
            QVERIFY(f >= 0.5 && f <= 1.5);
            low = std::min(low, f);
            high = std::max(high, f);
            const std::vector<float> expected = {static_cast<float>(0.2 * f),
                                                 static_cast<float>(std::min(1.0, 0.9 * f))};
            QVERIFY(maxDifference(out, image(expected, {1, 1, 1, 2})) < 1e-6);
        }
        QVERIFY(low < 0.55 && high > 1.45);
    }

    void colourOperationsNeedOneOrThreeChannels_data()
    {
        QTest::addColumn<OperationPtr>("operation");
        QTest::addColumn<QString>("message");
        QTest::newRow("grayscale") << OperationPtr(std::make_shared<mf::RandomGrayscale>(0.0))
                                   << "operations[0]: grayscale needs images with 1 or 3 channels "
                                      "(these have 4)";
        QTest::newRow("contrast") << OperationPtr(std::make_shared<mf::ContrastJitter>(0.2, 0.0))
                                  << "operations[0]: contrast needs images with 1 or 3 channels "
                                     "(these have 4)";
        QTest::newRow("hue") << OperationPtr(std::make_shared<mf::HueJitter>(0.1, 1.0))
                             << "operations[0]: hue needs images with 1 or 3 channels (these "
                                "have 4)";
        QTest::newRow("normalize")
            << OperationPtr(std::make_shared<mf::Normalize>(std::vector<double>{0.1, 0.2, 0.3},
                                                            std::vector<double>{1.0}))
            << "operations[0]: normalize has 3 mean values but the images have 4 channels";
        QTest::newRow("blur too large")
            << OperationPtr(std::make_shared<mf::GaussianBlur>(9, mf::Interval{1.0, 1.0}))
            << "operations[0]: gaussian_blur with kernel_size 9 needs images larger than 4 "
               "pixels on each side (these are 3 x 5)";
    }

    void colourOperationsNeedOneOrThreeChannels()
    {
        QFETCH(OperationPtr, operation);
        QFETCH(QString, message);
        QCOMPARE(errorOf(operation, torch::rand({2, 4, 3, 5})), message);
    }

    void blurKeepsAConstantImage()
    {
        const torch::Tensor x = torch::full({3, 3, 6, 6}, 0.4f);
        const auto blur = std::make_shared<mf::GaussianBlur>(5, mf::Interval{0.1, 3.0});
        QVERIFY(maxDifference(runAlone(blur, x, 2), x) < 1e-6);
    }

    void blurUsesEachSamplesOwnSigma()
    {
        // Two identical impulses in one batch: each output equals the sample blurred alone.
        torch::Tensor x = torch::zeros({2, 2, 5, 5});
        x.index_put_({torch::indexing::Slice(), torch::indexing::Slice(), 2, 2}, 1.0);
        const auto blur = std::make_shared<mf::GaussianBlur>(3, mf::Interval{0.2, 3.0});
        Drawn drawn;
        const torch::Tensor out = runAlone(blur, x, 6, &drawn);
        QVERIFY(drawn[0][0]["sigma"] != drawn[1][0]["sigma"]);
        QVERIFY(maxDifference(out[0], out[1]) > 1e-3);
        for (int i = 0; i < 2; ++i) {
            const double sigma = drawn[static_cast<std::size_t>(i)][0]["sigma"];
            const double w0 = std::exp(-0.5 / (sigma * sigma));
            const double centre = 1.0 / ((1.0 + 2.0 * w0) * (1.0 + 2.0 * w0));
            QVERIFY(std::abs(out[i][0][2][2].item<double>() - centre) < 1e-5);
        }
    }

    void noiseHasTheRequestedSpread()
    {
        const torch::Tensor x = torch::full({2, 3, 64, 64}, 0.5f);
        const auto noise = std::make_shared<mf::GaussianNoise>(0.1);
        const torch::Tensor out = runAlone(noise, x, 3);
        const torch::Tensor delta = out - x;
        QVERIFY(std::abs(delta.mean().item<double>()) < 0.005);
        QVERIFY(std::abs(delta.std().item<double>() - 0.1) < 0.005);
        QVERIFY(out.min().item<double>() >= 0.0 && out.max().item<double>() <= 1.0);
        // Different samples get different noise; the same seed the same noise.
        QVERIFY(maxDifference(delta[0], delta[1]) > 0.1);
        QCOMPARE(maxDifference(runAlone(noise, x, 3), out), 0.0);
        QVERIFY(maxDifference(runAlone(noise, x, 4), out) > 0.1);
    }

    void noiseOfStdZeroIsIdentity()
    {
        const torch::Tensor x = torch::rand({2, 3, 4, 4});
        QCOMPARE(maxDifference(runAlone(std::make_shared<mf::GaussianNoise>(0.0), x, 1), x), 0.0);
    }
};

MF_TEST_GUILESS_MAIN(TestColorAugment)
#include "tst_coloraugment.moc"
