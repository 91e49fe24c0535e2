#include "core/augment/augmentrandom.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <set>

class TestAugmentRandom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mixIsSplitMix64()
    {
        // The first output of splitmix64 seeded with 0 (Vigna's reference implementation).
        QCOMPARE(mf::AugmentRandom::mix(0x9E3779B97F4A7C15ULL), 0xE220A8397B1DCDAFULL);
    }

    void sameKeysSameStream()
    {
        mf::AugmentRandom a(42, 3, {5, 9}, 2);
        mf::AugmentRandom b(42, 3, {5, 9}, 2);
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(a.next(0), b.next(0));
            QCOMPARE(a.next(1), b.next(1));
        }
    }

    void rowStreamIgnoresTheRestOfTheBatch()
    {
        mf::AugmentRandom batch(7, 1, {3, 11, 12, 40}, 0);
        mf::AugmentRandom alone(7, 1, {12}, 0);
        // Interleave draws from other rows: row 2's stream must not notice.
        for (int i = 0; i < 50; ++i) {
            batch.next(0);
            batch.next(3);
            QCOMPARE(batch.next(2), alone.next(0));
        }
    }

    void everyKeyChangesTheStream_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("epoch");
        QTest::addColumn<qint64>("sample");
        QTest::addColumn<int>("operation");
        QTest::newRow("seed") << quint64(2) << 0 << qint64(0) << 0;
        QTest::newRow("epoch") << quint64(1) << 1 << qint64(0) << 0;
        QTest::newRow("sample") << quint64(1) << 0 << qint64(1) << 0;
        QTest::newRow("operation") << quint64(1) << 0 << qint64(0) << 1;
        QTest::newRow("negative epoch") << quint64(1) << -1 << qint64(0) << 0;
    }

    void everyKeyChangesTheStream()
    {
        QFETCH(quint64, seed);
        QFETCH(int, epoch);
        QFETCH(qint64, sample);
        QFETCH(int, operation);
        mf::AugmentRandom base(1, 0, {0}, 0);
        mf::AugmentRandom other(seed, epoch, {sample}, operation);
        QVERIFY(base.next(0) != other.next(0));
    }

    void uniformIsInRangeAndCentred()
    {
        mf::AugmentRandom rng(1, 0, {0}, 0);
        double sum = 0.0;
        const int count = 20000;
        for (int i = 0; i < count; ++i) {
            const double u = rng.uniform(0, -2.0, 4.0);
            QVERIFY(u >= -2.0 && u < 4.0);
            sum += u;
        }
        QVERIFY(std::abs(sum / count - 1.0) < 0.05);
        QCOMPARE(rng.uniform(0, 3.5, 3.5), 3.5);
    }

    void integerCoversBothEnds()
    {
        mf::AugmentRandom rng(9, 0, {0}, 0);
        std::set<std::int64_t> seen;
        for (int i = 0; i < 1000; ++i) {
            const std::int64_t value = rng.integer(0, -1, 2);
            QVERIFY(value >= -1 && value <= 2);
            seen.insert(value);
        }
        QCOMPARE(seen, (std::set<std::int64_t>{-1, 0, 1, 2}));
        QCOMPARE(rng.integer(0, 5, 5), std::int64_t(5));
    }

    void rowOutOfRangeThrows()
    {
        mf::AugmentRandom rng(1, 0, {0, 1}, 0);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, rng.next(2));
    }
};

MF_TEST_GUILESS_MAIN(TestAugmentRandom)
#include "tst_augmentrandom.moc"
