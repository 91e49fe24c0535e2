#include "core/compress/packedpershape.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <memory>

namespace {

using Packed = std::shared_ptr<int>;

mf::PackedShapeKey key(std::int64_t batch, int threads = 2)
{
    return {{batch, 32, 14, 14}, 0.05, 3, threads};
}

} // namespace

class TestPackedPerShape : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    /// One copy per key, packed the first time the key comes and reused after.
    void eachShapeGetsItsOwnCopy()
    {
        mf::PackedPerShape<Packed> packed;
        int packs = 0;
        const auto pack = [&] { return std::make_shared<int>(++packs); };
        const Packed batch64 = packed.get(key(64), pack);
        QCOMPARE(*batch64, 1);
        QCOMPARE(packed.get(key(64), pack), batch64);
        const Packed batch1 = packed.get(key(1), pack);
        QCOMPARE(*batch1, 2);
        QCOMPARE(*packed.get(key(64, 1), pack), 3); // another thread count
        QCOMPARE(packs, 3);
        QCOMPARE(packed.get(key(1), pack), batch1);
    }

    /// Beyond kMaxShapes, the further shapes share one more copy.
    void furtherShapesShareOneCopy()
    {
        mf::PackedPerShape<Packed> packed;
        int packs = 0;
        const auto pack = [&] { return std::make_shared<int>(++packs); };
        for (std::size_t i = 0; i < mf::PackedPerShape<Packed>::kMaxShapes; ++i)
            packed.get(key(static_cast<std::int64_t>(i) + 1), pack);
        const Packed overflow = packed.get(key(100), pack);
        QCOMPARE(packed.get(key(200), pack), overflow);
        QCOMPARE(packs, static_cast<int>(mf::PackedPerShape<Packed>::kMaxShapes) + 1);
        QCOMPARE(*packed.get(key(1), pack), 1); // the first shapes keep their own
    }

    /// reset() forgets every copy; the copy it is given serves the first shape, unpacked again.
    void resetForgetsAndTheFreshCopyServesTheFirstShape()
    {
        mf::PackedPerShape<Packed> packed;
        int packs = 0;
        const auto pack = [&] { return std::make_shared<int>(++packs); };
        const Packed before = packed.get(key(64), pack);
        const Packed fresh = std::make_shared<int>(-1);
        packed.reset(fresh);
        QCOMPARE(packed.get(key(64), pack), fresh);
        QCOMPARE(packs, 1);
        QVERIFY(packed.get(key(1), pack) != fresh);
        QCOMPARE(packs, 2);
        packed.reset();
        QVERIFY(packed.get(key(64), pack) != fresh);
        QVERIFY(packed.get(key(64), pack) != before);
    }
};

MF_TEST_GUILESS_MAIN(TestPackedPerShape)
#include "tst_packedpershape.moc"
