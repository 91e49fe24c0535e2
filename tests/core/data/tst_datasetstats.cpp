#include "core/data/datasetstats.h"
#include "core/data/datasetsummary.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <cmath>

namespace {

/// Two images, two channels, 1x2 pixels:
///   channel 0: {0, 255}, {255, 255}  -> values 0, 1, 1, 1
///   channel 1: {51, 102}, {153, 204} -> values 0.2, 0.4, 0.6, 0.8
mf::Dataset tinyImages()
{
    mf::Dataset dataset;
    dataset.kind = mf::DatasetKind::Image;
    dataset.inputs =
        torch::tensor({0, 255, 51, 102, 255, 255, 153, 204}, torch::kUInt8).reshape({2, 2, 1, 2});
    dataset.labels = torch::tensor({1, 1}, torch::kInt64);
    dataset.classNames = {"a", "b", "c"};
    dataset.format = "idx";
    dataset.source = "tiny";
    return dataset;
}

} // namespace

class TestDatasetStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imageChannelStats_data()
    {
        QTest::addColumn<bool>("asFloat");
        QTest::newRow("uint8 pixels") << false;
        QTest::newRow("float pixels") << true;
    }

    void imageChannelStats()
    {
        QFETCH(bool, asFloat);
        mf::Dataset dataset = tinyImages();
        if (asFloat)
            dataset.inputs = dataset.inputs.to(torch::kFloat32);
        const mf::ChannelStats stats = mf::computeChannelStats(dataset);
        QCOMPARE(stats.mean.size(), std::size_t(2));
        // mean 0.75; deviations -0.75, 0.25 x3: variance (0.5625 + 3 * 0.0625) / 4 = 0.1875
        QVERIFY(std::abs(stats.mean[0] - 0.75) < 1e-12);
        QVERIFY(std::abs(stats.std[0] - std::sqrt(0.1875)) < 1e-12);
        // mean 0.5; deviations +-0.3, +-0.1: variance (0.09 + 0.01) * 2 / 4 = 0.05
        QVERIFY(std::abs(stats.mean[1] - 0.5) < 1e-12);
        QVERIFY(std::abs(stats.std[1] - std::sqrt(0.05)) < 1e-12);
    }

    void tableFeatureStats()
    {
        mf::Dataset dataset;
        dataset.kind = mf::DatasetKind::Table;
        // The second feature sits on a large offset, where sum-of-squares would cancel.
        dataset.inputs =
            torch::tensor({1.0f, 1e6f + 1, 2.0f, 1e6f + 2, 3.0f, 1e6f + 3}).reshape({3, 2});
        dataset.labels = torch::tensor({0, 1, 0}, torch::kInt64);
        dataset.classNames = {"x", "y"};
        const mf::ChannelStats stats = mf::computeChannelStats(dataset);
        QCOMPARE(stats.mean.size(), std::size_t(2));
        QVERIFY(std::abs(stats.mean[0] - 2.0) < 1e-12);
        QVERIFY(std::abs(stats.std[0] - std::sqrt(2.0 / 3.0)) < 1e-12);
        QVERIFY(std::abs(stats.mean[1] - (1e6 + 2)) < 1e-9);
        QVERIFY(std::abs(stats.std[1] - std::sqrt(2.0 / 3.0)) < 1e-9);
    }

    void manyRowsAcrossChunks()
    {
        // Values 0..n-1: mean (n-1)/2, population variance (n^2 - 1) / 12.
        const std::int64_t n = 10001;
        mf::Dataset dataset;
        dataset.kind = mf::DatasetKind::Table;
        dataset.inputs = torch::arange(n, torch::kFloat32).reshape({n, 1});
        dataset.labels = torch::zeros({n}, torch::kInt64);
        dataset.classNames = {"only"};
        const mf::ChannelStats stats = mf::computeChannelStats(dataset);
        QVERIFY(std::abs(stats.mean[0] - (n - 1) / 2.0) < 1e-9);
        QVERIFY(std::abs(stats.std[0] - std::sqrt((double(n) * n - 1) / 12.0)) < 1e-9);
    }

    void emptyDatasetIsZero()
    {
        mf::Dataset dataset = tinyImages();
        dataset = dataset.subset(torch::empty({0}, torch::kInt64));
        const mf::ChannelStats stats = mf::computeChannelStats(dataset);
        QCOMPARE(stats.mean, (std::vector<double>{0.0, 0.0}));
        QCOMPARE(stats.std, (std::vector<double>{0.0, 0.0}));
        QCOMPARE(mf::classCounts(dataset), (std::vector<std::int64_t>{0, 0, 0}));
    }

    void classCountsPerClass()
    {
        mf::Dataset dataset = tinyImages();
        dataset.labels = torch::tensor({2, 0}, torch::kInt64);
        QCOMPARE(mf::classCounts(dataset), (std::vector<std::int64_t>{1, 0, 1}));
        dataset.labels = torch::tensor({2, 3}, torch::kInt64);
        QVERIFY_THROWS_EXCEPTION(mf::Error, mf::classCounts(dataset));
    }

    void summaryJson()
    {
        mf::DatasetBundle bundle;
        bundle.train = tinyImages();
        bundle.test = tinyImages().subset(torch::tensor({0}, torch::kInt64));
        const mf::DatasetSummary summary = mf::summarizeDataset(bundle);
        QCOMPARE(summary.trainCount, std::int64_t(2));
        QCOMPARE(summary.testCount, std::int64_t(1));
        QCOMPARE(summary.trainClassCounts, (std::vector<std::int64_t>{0, 2, 0}));
        QCOMPARE(summary.testClassCounts, (std::vector<std::int64_t>{0, 1, 0}));
        const nlohmann::json json = mf::toJson(summary);
        QCOMPARE(json.at("format").get<std::string>(), std::string("idx"));
        QCOMPARE(json.at("sampleShape").get<std::vector<std::int64_t>>(),
                 (std::vector<std::int64_t>{2, 1, 2}));
        QCOMPARE(json.at("classNames").size(), std::size_t(3));
        QVERIFY(std::abs(json.at("stats").at("mean")[0].get<double>() - 0.75) < 1e-12);
        QCOMPARE(json.at("testCount").get<std::int64_t>(), std::int64_t(1));
    }
};

MF_TEST_GUILESS_MAIN(TestDatasetStats)
#include "tst_datasetstats.moc"
