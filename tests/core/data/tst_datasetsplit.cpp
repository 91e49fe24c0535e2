#include "core/data/datasetsplit.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <cmath>
#include <limits>
#include <set>

namespace {

/// A table whose single feature is the sample's own index, so a split can be traced back.
mf::Dataset indexedTable(std::int64_t count)
{
    mf::Dataset dataset;
    dataset.kind = mf::DatasetKind::Table;
    dataset.inputs = torch::arange(count, torch::kFloat32).reshape({count, 1});
    dataset.labels = torch::arange(count, torch::kInt64) % 3;
    dataset.classNames = {"a", "b", "c"};
    dataset.featureNames = {"index"};
    dataset.format = "csv";
    dataset.source = "memory.csv";
    return dataset;
}

std::vector<std::int64_t> indicesOf(const mf::Dataset &part)
{
    std::vector<std::int64_t> indices;
    for (std::int64_t i = 0; i < part.size(); ++i)
        indices.push_back(static_cast<std::int64_t>(part.inputs[i][0].item<float>()));
    return indices;
}

} // namespace

class TestDatasetSplit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sizes_data()
    {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<qint64>("validation");
        QTest::newRow("10% of 100") << qint64(100) << 0.1 << qint64(10);
        QTest::newRow("round half up") << qint64(10) << 0.25 << qint64(3);
        QTest::newRow("round down") << qint64(7) << 0.2 << qint64(1);
        QTest::newRow("zero fraction") << qint64(50) << 0.0 << qint64(0);
        QTest::newRow("tiny fraction rounds to none") << qint64(10) << 0.01 << qint64(0);
        QTest::newRow("empty dataset") << qint64(0) << 0.5 << qint64(0);
    }

    void sizes()
    {
        QFETCH(qint64, count);
        QFETCH(double, fraction);
        QFETCH(qint64, validation);
        const mf::Dataset dataset = indexedTable(count);
        const mf::SplitDatasets split = mf::splitDataset(dataset, fraction, 7);
        QCOMPARE(split.validation.size(), std::int64_t(validation));
        QCOMPARE(split.train.size(), std::int64_t(count - validation));
        QCOMPARE(split.validation.inputs.sizes().vec(), (std::vector<std::int64_t>{validation, 1}));
        QCOMPARE(split.train.classNames, dataset.classNames);
        QCOMPARE(split.validation.featureNames, dataset.featureNames);
        QCOMPARE(split.train.format, dataset.format);
        QVERIFY(split.validation.kind == mf::DatasetKind::Table);
    }

    void disjointAndCovering()
    {
        const mf::SplitDatasets split = mf::splitDataset(indexedTable(200), 0.3, 99);
        const std::vector<std::int64_t> train = indicesOf(split.train);
        const std::vector<std::int64_t> validation = indicesOf(split.validation);
        std::set<std::int64_t> all(train.begin(), train.end());
        for (const std::int64_t index : validation)
            QVERIFY2(all.insert(index).second, "an index is in both parts");
        QCOMPARE(all.size(), std::size_t(200));
        QCOMPARE(*all.begin(), std::int64_t(0));
        QCOMPARE(*all.rbegin(), std::int64_t(199));
        // Labels travel with their rows.
        for (std::int64_t i = 0; i < split.train.size(); ++i)
            QCOMPARE(split.train.labels[i].item<std::int64_t>(), train[i] % 3);
        // Drawn at random, not one contiguous block; each part keeps the original order.
        QCOMPARE(validation.size(), std::size_t(60));
        QVERIFY(validation.back() - validation.front() + 1 > std::int64_t(validation.size()));
        QVERIFY(std::is_sorted(train.begin(), train.end()));
        QVERIFY(std::is_sorted(validation.begin(), validation.end()));
    }

    void seedDecides()
    {
        const mf::Dataset dataset = indexedTable(500);
        const auto first = indicesOf(mf::splitDataset(dataset, 0.2, 1234).validation);
        const auto again = indicesOf(mf::splitDataset(dataset, 0.2, 1234).validation);
        const auto other = indicesOf(mf::splitDataset(dataset, 0.2, 1235).validation);
        QCOMPARE(first, again);
        QVERIFY(first != other);
        QCOMPARE(mf::seededPermutation(50, 3), mf::seededPermutation(50, 3));
        // Independent of torch's global generator.
        torch::manual_seed(1);
        const auto afterReseed = indicesOf(mf::splitDataset(dataset, 0.2, 1234).validation);
        QCOMPARE(afterReseed, first);
    }

    void permutationIsUnbiasedEnough()
    {
        // Each position of a 4-element permutation over many seeds should see every value
        // about a quarter of the time.
        std::vector<std::vector<int>> seen(4, std::vector<int>(4, 0));
        const int trials = 4000;
        for (int seed = 0; seed < trials; ++seed) {
            const auto order = mf::seededPermutation(4, static_cast<std::uint64_t>(seed));
            for (int p = 0; p < 4; ++p)
                ++seen[p][static_cast<std::size_t>(order[p])];
        }
        for (const auto &position : seen)
            for (const int hits : position)
                QVERIFY2(std::abs(hits - trials / 4) < trials / 16, std::to_string(hits).c_str());
    }

    void invalidFraction_data()
    {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<qint64>("count");
        QTest::newRow("one") << 1.0 << qint64(10);
        QTest::newRow("negative") << -0.1 << qint64(10);
        QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << qint64(10);
        QTest::newRow("rounds to everything") << 0.6 << qint64(1);
    }

    void invalidFraction()
    {
        QFETCH(double, fraction);
        QFETCH(qint64, count);
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError,
                                 mf::splitDataset(indexedTable(count), fraction, 1));
    }
};

MF_TEST_GUILESS_MAIN(TestDatasetSplit)
#include "tst_datasetsplit.moc"
