#include "core/data/cifarreader.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

namespace td = mf::testdata;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

torch::Tensor pixelsOf(td::ImageSet &set)
{
    return torch::from_blob(set.pixels.data(), {set.count, 3, 32, 32}, torch::kUInt8);
}

} // namespace

class TestCifarReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBack_data()
    {
        QTest::addColumn<bool>("hundred");
        QTest::newRow("cifar10") << false;
        QTest::newRow("cifar100") << true;
    }

    void readsBack()
    {
        QFETCH(bool, hundred);
        QTemporaryDir dir;
        const int classes = hundred ? 100 : 10;
        td::ImageSet set = td::makeImageSet(hundred ? 130 : 13, classes, 3, 32, 32, 7);
        const std::string path = dir.filePath(QStringLiteral("batch.bin")).toStdString();
        hundred ? td::writeCifar100(path, set) : td::writeCifar10(path, set);

        const mf::Dataset dataset =
            mf::readCifar({path}, hundred ? mf::CifarVariant::Cifar100 : mf::CifarVariant::Cifar10);
        QCOMPARE(dataset.format, std::string(hundred ? "cifar100" : "cifar10"));
        QCOMPARE(dataset.inputs.sizes().vec(), (std::vector<std::int64_t>{set.count, 3, 32, 32}));
        QVERIFY(torch::equal(dataset.inputs, pixelsOf(set)));
        for (int i = 0; i < set.count; ++i)
            QCOMPARE(dataset.labels[i].item<std::int64_t>(), std::int64_t(set.labels[i]));
        QCOMPARE(dataset.numClasses(), std::int64_t(classes));
        QCOMPARE(dataset.classNames[1], std::string(hundred ? "1" : "automobile"));
        QCOMPARE(dataset.classNames.back(), std::string(hundred ? "99" : "truck"));
    }

    void concatenatesBatchesInOrder()
    {
        QTemporaryDir dir;
        td::ImageSet first = td::makeImageSet(4, 10, 3, 32, 32, 1);
        td::ImageSet second = td::makeImageSet(6, 10, 3, 32, 32, 2);
        const std::string a = dir.filePath(QStringLiteral("data_batch_1.bin")).toStdString();
        const std::string b = dir.filePath(QStringLiteral("data_batch_2.bin")).toStdString();
        td::writeCifar10(a, first);
        td::writeCifar10(b, second);
        const mf::Dataset dataset = mf::readCifar({a, b}, mf::CifarVariant::Cifar10);
        QCOMPARE(dataset.size(), std::int64_t(10));
        QVERIFY(torch::equal(dataset.inputs.narrow(0, 0, 4), pixelsOf(first)));
        QVERIFY(torch::equal(dataset.inputs.narrow(0, 4, 6), pixelsOf(second)));
    }

    void batchFilesAreListedByNumber()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        for (const char *name :
             {"data_batch_10.bin", "data_batch_2.bin", "data_batch_1.bin", "data_batch_3.BIN",
              "data_batch_.bin", "data_batch_x.bin", "data_batch_1234567.bin", "data_batch_4",
              "test_batch.bin", "batches.meta.txt"})
            td::writeBytes(root + "/" + name, "x");
        QCOMPARE(mf::cifar10BatchFiles(root),
                 (std::vector<std::string>{root + "/data_batch_1.bin", root + "/data_batch_2.bin",
                                           root + "/data_batch_10.bin"}));
        QVERIFY(mf::cifar10BatchFiles(root + "/missing").empty());
    }

    void classNamesFromMetaFile_data()
    {
        QTest::addColumn<bool>("hundred");
        QTest::newRow("batches.meta.txt") << false;
        QTest::newRow("fine_label_names.txt") << true;
    }

    void classNamesFromMetaFile()
    {
        QFETCH(bool, hundred);
        QTemporaryDir dir;
        const int classes = hundred ? 100 : 10;
        std::string meta;
        for (int k = 0; k < classes; ++k)
            meta += "name_" + std::to_string(k) + "\r\n";
        meta += "\n\n"; // the real batches.meta.txt ends in blank lines
        td::writeBytes(dir.filePath(hundred ? QStringLiteral("fine_label_names.txt")
                                            : QStringLiteral("batches.meta.txt"))
                           .toStdString(),
                       meta);
        const std::string path = dir.filePath(QStringLiteral("b.bin")).toStdString();
        const td::ImageSet set = td::makeImageSet(3, classes, 3, 32, 32, 1);
        hundred ? td::writeCifar100(path, set) : td::writeCifar10(path, set);
        const mf::Dataset dataset =
            mf::readCifar({path}, hundred ? mf::CifarVariant::Cifar100 : mf::CifarVariant::Cifar10);
        QCOMPARE(dataset.numClasses(), std::int64_t(classes));
        QCOMPARE(dataset.classNames[0], std::string("name_0"));
        QCOMPARE(dataset.classNames.back(), "name_" + std::to_string(classes - 1));
    }

    void metaFileWithWrongCount()
    {
        QTemporaryDir dir;
        const std::string meta = dir.filePath(QStringLiteral("batches.meta.txt")).toStdString();
        td::writeBytes(meta, "cat\ndog\n");
        const std::string path = dir.filePath(QStringLiteral("b.bin")).toStdString();
        td::writeCifar10(path, td::makeImageSet(2, 2, 3, 32, 32, 1));
        const std::string message =
            td::errorMessage([&] { mf::readCifar({path}, mf::CifarVariant::Cifar10); });
        QVERIFY2(contains(message, meta), message.c_str());
        QVERIFY2(contains(message, "lists 2 class names, expected 10"), message.c_str());
    }

    void badSize_data()
    {
        QTest::addColumn<bool>("hundred");
        QTest::addColumn<int>("bytes");
        QTest::newRow("cifar10 empty") << false << 0;
        QTest::newRow("cifar10 partial record") << false << 3073 * 2 + 100;
        // A CIFAR-100 record length is not a CIFAR-10 one.
        QTest::newRow("cifar10 given cifar100 size") << false << 3074 * 3;
        QTest::newRow("cifar100 partial record") << true << 3073;
    }

    void badSize()
    {
        QFETCH(bool, hundred);
        QFETCH(int, bytes);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("broken.bin")).toStdString();
        td::writeBytes(path, std::string(static_cast<std::size_t>(bytes), '\0'));
        const std::string message = td::errorMessage([&] {
            mf::readCifar({path}, hundred ? mf::CifarVariant::Cifar100 : mf::CifarVariant::Cifar10);
        });
        QVERIFY2(contains(message, path), message.c_str());
        QVERIFY2(contains(message, "size of " + std::to_string(bytes) +
                                       " bytes is not a non-zero multiple of the " +
                                       (hundred ? "3074-byte CIFAR-100" : "3073-byte CIFAR-10")),
                 message.c_str());
    }

    void badLabelNamesRecordOffset_data()
    {
        QTest::addColumn<bool>("hundred");
        QTest::addColumn<int>("labelOffset");
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("cifar10 label 10")
            << false << 0 << 10 << QStringLiteral("label 10 out of range 0..9");
        QTest::newRow("cifar100 fine 100")
            << true << 1 << 100 << QStringLiteral("label 100 out of range 0..99");
        QTest::newRow("cifar100 coarse 20")
            << true << 0 << 20 << QStringLiteral("coarse label 20 out of range 0..19");
    }

    void badLabelNamesRecordOffset()
    {
        QFETCH(bool, hundred);
        QFETCH(int, labelOffset);
        QFETCH(int, value);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("batch.bin")).toStdString();
        const td::ImageSet set = td::makeImageSet(6, 10, 3, 32, 32, 1);
        hundred ? td::writeCifar100(path, set) : td::writeCifar10(path, set);
        const int record = hundred ? 3074 : 3073;
        std::string bytes = td::readBytes(path);
        bytes[static_cast<std::size_t>(4 * record + labelOffset)] = static_cast<char>(value);
        td::writeBytes(path, bytes);
        const std::string message = td::errorMessage([&] {
            mf::readCifar({path}, hundred ? mf::CifarVariant::Cifar100 : mf::CifarVariant::Cifar10);
        });
        QVERIFY2(contains(message, path), message.c_str());
        QVERIFY2(contains(message, "offset " + std::to_string(4 * record)), message.c_str());
        QVERIFY2(contains(message, reason.toStdString()), message.c_str());
        QVERIFY2(contains(message, "record 4"), message.c_str());
    }
};

MF_TEST_GUILESS_MAIN(TestCifarReader)
#include "tst_cifarreader.moc"
