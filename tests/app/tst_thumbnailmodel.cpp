#include "app/gui/datasets/datasetopener.h"
#include "app/gui/datasets/loadeddataset.h"
#include "app/gui/datasets/sampleimage.h"
#include "app/gui/datasets/thumbnailmodel.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <memory>

namespace td = mf::testdata;
using mf::ThumbnailModel;

namespace {

/// Train and test parts in the real formats: MNIST (grey) or an image folder (RGB).
struct Generated
{
    td::ImageSet train, test;
    /// The image of `set` behind each row of a part: image folders list class by class.
    std::vector<int> trainOrder, testOrder;
    std::shared_ptr<const mf::LoadedDataset> dataset;
};

std::vector<int> rowOrder(const td::ImageSet &set, bool byClass)
{
    std::vector<int> order;
    for (int k = 0; k < (byClass ? 3 : 1); ++k)
        for (int i = 0; i < set.count; ++i)
            if (!byClass || set.labels[static_cast<std::size_t>(i)] == k)
                order.push_back(i);
    return order;
}

Generated generate(const QTemporaryDir &dir, int channels)
{
    Generated g;
    g.train = td::makeImageSet(30, 3, channels, 8, 10, 11);
    g.test = td::makeImageSet(12, 3, channels, 8, 10, 12);
    const std::string root = dir.path().toStdString();
    if (channels == 1) {
        td::writeMnistLayout(root, g.train, g.test);
    } else {
        td::writeImageFolder(root + "/train", g.train, {"a", "b", "c"});
        td::writeImageFolder(root + "/test", g.test, {"a", "b", "c"});
    }
    g.trainOrder = rowOrder(g.train, channels != 1);
    g.testOrder = rowOrder(g.test, channels != 1);
    g.dataset = mf::openDatasetForBrowsing(root);
    return g;
}

/// The value of channel `c` at (x, y) of image `index` of `set` (CHW).
int pixelOf(const td::ImageSet &set, int index, int c, int x, int y)
{
    const std::size_t at =
        ((static_cast<std::size_t>(index) * set.channels + c) * set.height + y) * set.width + x;
    return set.pixels[at];
}

bool allReady(const ThumbnailModel &model)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (!model.index(row).data(ThumbnailModel::ThumbnailReadyRole).toBool())
            return false;
    return true;
}

} // namespace

class TestThumbnailModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void thumbnailsArriveAndMatchThePixels_data()
    {
        QTest::addColumn<int>("channels");
        QTest::newRow("grey MNIST layout") << 1;
        QTest::newRow("RGB image folder") << 3;
    }

    void thumbnailsArriveAndMatchThePixels()
    {
        QFETCH(int, channels);
        QTemporaryDir dir;
        const Generated g = generate(dir, channels);
        ThumbnailModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setThumbnailSide(32);
        model.setDataset(g.dataset);
        QCOMPARE(model.rowCount(), 42);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // Nothing is drawn before someone asks.
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(!model.index(row).data(ThumbnailModel::ThumbnailReadyRole).toBool());
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(!model.index(row).data(Qt::DecorationRole).isValid());
        QVERIFY(changed.wait());
        QTRY_VERIFY(allReady(model));
        QTRY_VERIFY(model.isIdle());
        QVERIFY(changed.count() >= 1);
        for (const QList<QVariant> &arguments : changed)
            QVERIFY(arguments.at(2).value<QList<int>>().contains(Qt::DecorationRole));

        // 10 x 8 grows by 3 (the largest whole factor within 32): 30 x 24, sharp blocks.
        for (int row : {0, 7, 29, 30, 41}) {
            const QImage thumbnail =
                model.index(row).data(ThumbnailModel::ThumbnailRole).value<QImage>();
            QCOMPARE(thumbnail.size(), QSize(30, 24));
            const bool train = row < 30;
            const td::ImageSet &set = train ? g.train : g.test;
            const int index = train ? g.trainOrder[static_cast<std::size_t>(row)]
                                    : g.testOrder[static_cast<std::size_t>(row - 30)];
            for (int y = 0; y < 8; ++y)
                for (int x = 0; x < 10; ++x) {
                    const QRgb value = thumbnail.pixel(3 * x + 1, 3 * y + 2);
                    if (channels == 1) {
                        QCOMPARE(qGray(value), pixelOf(set, index, 0, x, y));
                    } else {
                        QCOMPARE(qRed(value), pixelOf(set, index, 0, x, y));
                        QCOMPARE(qGreen(value), pixelOf(set, index, 1, x, y));
                        QCOMPARE(qBlue(value), pixelOf(set, index, 2, x, y));
                    }
                }
            QCOMPARE(model.index(row).data(ThumbnailModel::SplitRole).toInt(), train ? 0 : 1);
            QCOMPARE(model.index(row).data(ThumbnailModel::LabelRole).toLongLong(),
                     qint64(set.labels[static_cast<std::size_t>(index)]));
        }
    }

    void onlyRequestedRowsAreDrawn()
    {
        QTemporaryDir dir;
        const Generated g = generate(dir, 1);
        ThumbnailModel model;
        model.setDataset(g.dataset);
        for (int row : {3, 4, 20})
            QVERIFY(!model.index(row).data(Qt::DecorationRole).isValid());
        QTRY_VERIFY(model.isIdle());
        int ready = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            ready += model.index(row).data(ThumbnailModel::ThumbnailReadyRole).toBool() ? 1 : 0;
        QCOMPARE(ready, 3);
        QVERIFY(model.index(20).data(ThumbnailModel::ThumbnailReadyRole).toBool());
        QVERIFY(!model.index(21).data(ThumbnailModel::ThumbnailReadyRole).toBool());
    }

    void filterByClassAndSplit_data()
    {
        QTest::addColumn<int>("split");
        QTest::addColumn<int>("classIndex");
        QTest::newRow("class 1, both parts") << 0 << 1;
        QTest::newRow("class 2, test only") << 2 << 2;
        QTest::newRow("train, every class") << 1 << -1;
        QTest::newRow("test, every class") << 2 << -1;
    }

    void filterByClassAndSplit()
    {
        QFETCH(int, split);
        QFETCH(int, classIndex);
        QTemporaryDir dir;
        const Generated g = generate(dir, 1);
        ThumbnailModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDataset(g.dataset);
        // A thumbnail drawn before filtering is kept by sample, not by row.
        QVERIFY(!model.index(31).data(Qt::DecorationRole).isValid());
        QTRY_VERIFY(model.isIdle());

        static const ThumbnailModel::SplitFilter splits[] = {ThumbnailModel::SplitFilter::All,
                                                             ThumbnailModel::SplitFilter::Train,
                                                             ThumbnailModel::SplitFilter::Test};
        model.setFilter(splits[split], classIndex);

        QList<qint64> expected;
        for (int i = 0; i < g.train.count; ++i)
            if (split != 2 && (classIndex < 0 || g.train.labels[i] == classIndex))
                expected << i;
        for (int i = 0; i < g.test.count; ++i)
            if (split != 1 && (classIndex < 0 || g.test.labels[i] == classIndex))
                expected << g.train.count + i;
        QList<qint64> shown;
        for (int row = 0; row < model.rowCount(); ++row) {
            const qint64 sample = model.index(row).data(ThumbnailModel::SampleRole).toLongLong();
            shown << sample;
            QCOMPARE(model.rowOfSample(sample), row);
            if (classIndex >= 0)
                QCOMPARE(model.index(row).data(ThumbnailModel::LabelRole).toLongLong(),
                         qint64(classIndex));
            QVERIFY(model.index(row)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(g.dataset->className(g.dataset->labelOf(sample))));
        }
        QCOMPARE(shown, expected);
        QVERIFY(!expected.isEmpty());
        const int row31 = model.rowOfSample(31);
        QCOMPARE(row31 >= 0, expected.contains(31));
        if (row31 >= 0)
            QVERIFY(model.index(row31).data(ThumbnailModel::ThumbnailReadyRole).toBool());
        QCOMPARE(model.rowOfSample(g.train.count + g.test.count), -1);
    }

    void newDatasetDropsOldThumbnails()
    {
        QTemporaryDir first, second;
        const Generated a = generate(first, 1);
        const Generated b = generate(second, 3);
        ThumbnailModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setThumbnailSide(10);
        model.setDataset(a.dataset);
        model.index(0).data(Qt::DecorationRole);
        // Replaced while the first thumbnail may still be drawn: it must not show up later.
        model.setDataset(b.dataset);
        QTRY_VERIFY(model.isIdle());
        QVERIFY(!model.index(0).data(ThumbnailModel::ThumbnailReadyRole).toBool());
        model.index(0).data(Qt::DecorationRole);
        QTRY_VERIFY(model.index(0).data(ThumbnailModel::ThumbnailReadyRole).toBool());
        const QImage image = model.index(0).data(ThumbnailModel::ThumbnailRole).value<QImage>();
        QCOMPARE(image, mf::sampleImage(*b.dataset, 0));

        model.setDataset(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void thumbnailScaling_data()
    {
        QTest::addColumn<QSize>("source");
        QTest::addColumn<int>("side");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("MNIST in 64") << QSize(28, 28) << 64 << QSize(56, 56);
        QTest::newRow("CIFAR in 64") << QSize(32, 32) << 64 << QSize(64, 64);
        QTest::newRow("exact fit") << QSize(64, 40) << 64 << QSize(64, 40);
        QTest::newRow("large shrinks") << QSize(512, 256) << 64 << QSize(64, 32);
    }

    void thumbnailScaling()
    {
        QFETCH(QSize, source);
        QFETCH(int, side);
        QFETCH(QSize, expected);
        QImage image(source, QImage::Format_Grayscale8);
        image.fill(7);
        QCOMPARE(mf::thumbnailImage(image, side).size(), expected);
    }
};

MF_TEST_MAIN(TestThumbnailModel)
#include "tst_thumbnailmodel.moc"
