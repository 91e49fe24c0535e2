#include "core/dist/distributedshard.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <torch/torch.h>

#include <set>

class TestDistributedShard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shardsAreDisjointAndCoverTheOrder_data()
    {
        QTest::addColumn<int>("samples");
        QTest::addColumn<int>("world");
        QTest::newRow("even") << 12 << 3;
        QTest::newRow("uneven") << 10 << 4;
        QTest::newRow("fewer samples than ranks") << 3 << 5;
        QTest::newRow("one rank") << 7 << 1;
    }

    void shardsAreDisjointAndCoverTheOrder()
    {
        QFETCH(int, samples);
        QFETCH(int, world);
        const torch::Tensor order = torch::randperm(samples, torch::kInt64);
        const std::int64_t size = mf::shardSize(samples, world);
        QCOMPARE(size, std::int64_t((samples + world - 1) / world));
        std::multiset<std::int64_t> seen;
        for (int rank = 0; rank < world; ++rank) {
            const torch::Tensor shard = mf::shardOf(order, rank, world);
            QCOMPARE(shard.size(0), size); // every rank the same count: the same batches
            for (std::int64_t i = 0; i < shard.size(0); ++i) {
                // Rank r takes positions r, r + W, ... of the order padded with its start.
                const std::int64_t position = (rank + i * world) % samples;
                QCOMPARE(shard[i].item<std::int64_t>(), order[position].item<std::int64_t>());
                seen.insert(shard[i].item<std::int64_t>());
            }
        }
        // Every sample is there; only the padding (the order's first samples) repeats.
        const std::int64_t padding = size * world - samples;
        QCOMPARE(std::int64_t(seen.size()), samples + padding);
        for (std::int64_t sample = 0; sample < samples; ++sample)
            QVERIFY(seen.count(sample) >= 1);
        std::int64_t repeated = 0;
        for (std::int64_t sample = 0; sample < samples; ++sample)
            repeated += static_cast<std::int64_t>(seen.count(sample)) - 1;
        QCOMPARE(repeated, padding);
        QVERIFY(padding < world);
    }

    void aBadRankIsAnError()
    {
        const torch::Tensor order = torch::arange(4);
        QVERIFY_THROWS_EXCEPTION(std::exception, mf::shardOf(order, 2, 2));
        QVERIFY_THROWS_EXCEPTION(std::exception, mf::shardOf(order, -1, 2));
    }
};

MF_TEST_GUILESS_MAIN(TestDistributedShard)
#include "tst_distributedshard.moc"
