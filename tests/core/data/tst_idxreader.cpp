#include "core/data/datafile.h"
#include "core/data/idxreader.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <zlib.h>

namespace td = mf::testdata;

namespace {

std::string bigEndian(std::uint32_t value)
{
    std::string out;
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((value >> shift) & 0xff));
    return out;
}

std::string imagesHeader(std::uint32_t magic, std::uint32_t count, std::uint32_t height,
                         std::uint32_t width)
{
    return bigEndian(magic) + bigEndian(count) + bigEndian(height) + bigEndian(width);
}

std::string gzipped(const std::string &bytes)
{
    uLongf size = compressBound(static_cast<uLong>(bytes.size())) + 32;
    std::string out(size, '\0');
    z_stream stream{};
    // windowBits 15 + 16: a gzip wrapper instead of zlib's.
    deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestIdxReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBackWhatWasWritten_data()
    {
        QTest::addColumn<bool>("gzip");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("raw") << false << QString();
        QTest::newRow("gzip") << true << QStringLiteral(".gz");
        // The content decides, not the name.
        QTest::newRow("gzip without .gz") << true << QString();
        QTest::newRow("raw named .gz") << false << QStringLiteral(".gz");
    }

    void readsBackWhatWasWritten()
    {
        QFETCH(bool, gzip);
        QFETCH(QString, suffix);
        QTemporaryDir dir;
        const td::ImageSet set = td::makeImageSet(23, 7, 1, 9, 6, 11);
        const std::string images =
            dir.filePath(QStringLiteral("train-images-idx3-ubyte") + suffix).toStdString();
        const std::string labels =
            dir.filePath(QStringLiteral("train-labels-idx1-ubyte") + suffix).toStdString();
        td::writeIdxImages(images, set, gzip);
        td::writeIdxLabels(labels, set, gzip);
        QCOMPARE(mf::isGzipFile(images), gzip);

        const mf::Dataset dataset = mf::readIdxDataset(images, labels);
        QCOMPARE(dataset.format, std::string("idx"));
        QVERIFY(dataset.kind == mf::DatasetKind::Image);
        QCOMPARE(dataset.inputs.scalar_type(), torch::kUInt8);
        QCOMPARE(dataset.inputs.sizes().vec(), (std::vector<std::int64_t>{23, 1, 9, 6}));
        QCOMPARE(dataset.labels.scalar_type(), torch::kInt64);
        auto pixels = set.pixels;
        const torch::Tensor expected =
            torch::from_blob(pixels.data(), {23, 1, 9, 6}, torch::kUInt8);
        QVERIFY(torch::equal(dataset.inputs, expected));
        for (int i = 0; i < set.count; ++i)
            QCOMPARE(dataset.labels[i].item<std::int64_t>(), std::int64_t(set.labels[i]));
        QCOMPARE(dataset.numClasses(), std::int64_t(7));
        QCOMPARE(dataset.classNames.front(), std::string("0"));
        QCOMPARE(dataset.classNames.back(), std::string("6"));
    }

    void fashionClassNames()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("Fashion-MNIST")));
        const td::ImageSet set = td::makeImageSet(20, 10, 1, 4, 4, 3);
        const std::string images =
            dir.filePath(QStringLiteral("Fashion-MNIST/train-images-idx3-ubyte")).toStdString();
        const std::string labels =
            dir.filePath(QStringLiteral("Fashion-MNIST/train-labels-idx1-ubyte")).toStdString();
        td::writeIdxImages(images, set);
        td::writeIdxLabels(labels, set);
        const mf::Dataset dataset = mf::readIdxDataset(images, labels);
        QCOMPARE(dataset.classNames.size(), std::size_t(10));
        QCOMPARE(dataset.classNames[0], std::string("T-shirt/top"));
        QCOMPARE(dataset.classNames[9], std::string("Ankle boot"));
    }

    void companionNames()
    {
        QCOMPARE(mf::idxLabelsPathFor("/d/train-images-idx3-ubyte.gz"),
                 std::string("/d/train-labels-idx1-ubyte.gz"));
        QCOMPARE(mf::idxImagesPathFor("/d/t10k-labels-idx1-ubyte"),
                 std::string("/d/t10k-images-idx3-ubyte"));
        QCOMPARE(mf::idxLabelsPathFor("/d/pictures.bin"), std::string());
    }

    void badImagesFile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const auto bytes = [](const std::string &text) {
            return QByteArray(text.data(), static_cast<int>(text.size()));
        };
        const std::string pixels(5 * 4 * 4, '\x07');
        QTest::newRow("zero bytes") << QByteArray() << QStringLiteral("empty file");
        QTest::newRow("short header")
            << bytes(imagesHeader(0x803, 1, 4, 4).substr(0, 10)) << QStringLiteral("too short");
        QTest::newRow("bad magic") << bytes(imagesHeader(0x804, 5, 4, 4) + pixels)
                                   << QStringLiteral("bad magic number 0x00000804");
        QTest::newRow("labels magic") << bytes(imagesHeader(0x801, 5, 4, 4) + pixels)
                                      << QStringLiteral("bad magic number 0x00000801");
        QTest::newRow("count larger than data")
            << bytes(imagesHeader(0x803, 9, 4, 4) + pixels)
            << QStringLiteral("declares 9 images of 4x4, which needs 160 bytes, but the data "
                              "holds 96 bytes");
        QTest::newRow("truncated") << bytes(imagesHeader(0x803, 5, 4, 4) + pixels.substr(0, 33))
                                   << QStringLiteral("holds 49 bytes");
        QTest::newRow("trailing bytes") << bytes(imagesHeader(0x803, 5, 4, 4) + pixels + "xx")
                                        << QStringLiteral("holds 98 bytes");
        QTest::newRow("zero count")
            << bytes(imagesHeader(0x803, 0, 4, 4)) << QStringLiteral("zero images");
        QTest::newRow("zero height")
            << bytes(imagesHeader(0x803, 5, 0, 4) + pixels) << QStringLiteral("0x4");
        QTest::newRow("side above 4096") << bytes(imagesHeader(0x803, 1, 5000, 4) + pixels)
                                         << QStringLiteral("5000x4 in the header is outside");
        // Would need ~72 PB if the header were trusted.
        QTest::newRow("huge dims in a tiny file")
            << bytes(imagesHeader(0x803, 0xffffffffu, 4096, 4096) + pixels)
            << QStringLiteral("declares 4294967295 images of 4096x4096");
    }

    void badImagesFile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        for (const bool gzip : {false, true}) {
            QTemporaryDir dir;
            const std::string path =
                dir.filePath(QStringLiteral("bad-images-idx3-ubyte")).toStdString();
            const std::string raw(bytes.constData(), static_cast<std::size_t>(bytes.size()));
            td::writeBytes(path, gzip && !raw.empty() ? gzipped(raw) : raw);
            std::string file;
            const std::string message = td::errorMessage([&] {
                try {
                    mf::readIdxImages(path);
                } catch (const mf::DataError &error) {
                    file = error.file();
                    throw;
                }
            });
            QVERIFY2(contains(message, path), message.c_str());
            QVERIFY2(contains(message, reason.toStdString()), message.c_str());
            QCOMPARE(file, path);
        }
    }

    void badLabelsFile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("zero bytes") << QByteArray() << QStringLiteral("empty file");
        QTest::newRow("bad magic") << QByteArray::fromHex("00000803000000020001")
                                   << QStringLiteral("bad magic number 0x00000803");
        QTest::newRow("count larger than data")
            << QByteArray::fromHex("00000801000000090102")
            << QStringLiteral("declares 9 labels, which needs 17 bytes, but the data holds 10");
    }

    void badLabelsFile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string path =
            dir.filePath(QStringLiteral("bad-labels-idx1-ubyte")).toStdString();
        td::writeBytes(path,
                       std::string(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        const std::string message = td::errorMessage([&] { mf::readIdxLabels(path); });
        QVERIFY2(contains(message, path), message.c_str());
        QVERIFY2(contains(message, reason.toStdString()), message.c_str());
    }

    void countMismatchNamesBothFiles()
    {
        QTemporaryDir dir;
        const std::string images =
            dir.filePath(QStringLiteral("a-images-idx3-ubyte")).toStdString();
        const std::string labels =
            dir.filePath(QStringLiteral("a-labels-idx1-ubyte")).toStdString();
        td::writeIdxImages(images, td::makeImageSet(12, 3, 1, 5, 5, 1));
        td::writeIdxLabels(labels, td::makeImageSet(10, 3, 1, 5, 5, 1));
        const std::string message = td::errorMessage([&] { mf::readIdxDataset(images, labels); });
        QVERIFY2(contains(message, labels), message.c_str());
        QVERIFY2(contains(message, images), message.c_str());
        QVERIFY2(contains(message, "holds 10 labels but"), message.c_str());
        QVERIFY2(contains(message, "holds 12 images"), message.c_str());
    }

    void corruptGzipStream_data()
    {
        QTest::addColumn<bool>("truncate");
        QTest::newRow("truncated stream") << true;
        QTest::newRow("damaged stream") << false;
    }

    void corruptGzipStream()
    {
        QFETCH(bool, truncate);
        QTemporaryDir dir;
        const std::string path =
            dir.filePath(QStringLiteral("x-images-idx3-ubyte.gz")).toStdString();
        td::writeIdxImages(path, td::makeImageSet(40, 3, 1, 8, 8, 5), true);
        std::string bytes = td::readBytes(path);
        if (truncate)
            bytes.resize(bytes.size() / 2);
        else
            std::fill(bytes.begin() + 12, bytes.end() - 8, '\xff');
        td::writeBytes(path, bytes);
        const std::string message = td::errorMessage([&] { mf::readIdxImages(path); });
        QVERIFY2(contains(message, path), message.c_str());
        QVERIFY2(contains(message, "gzip stream"), message.c_str());
    }

    void decompressionStopsAtTheLimit()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("zeros.gz")).toStdString();
        td::writeBytes(path, gzipped(std::string(1 << 20, '\0')));
        QCOMPARE(mf::readDataFile(path, 1 << 20).size(), std::size_t(1 << 20));
        const std::string message = td::errorMessage([&] { mf::readDataFile(path, 4096); });
        QVERIFY2(contains(message, path), message.c_str());
        QVERIFY2(contains(message, "exceeds the limit of 4096 bytes"), message.c_str());
    }

    void missingFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("nothing-idx3-ubyte")).toStdString();
        const std::string message = td::errorMessage([&] { mf::readIdxImages(path); });
        QVERIFY2(contains(message, path), message.c_str());
        QVERIFY2(contains(message, "no such file"), message.c_str());
    }
};

MF_TEST_GUILESS_MAIN(TestIdxReader)
#include "tst_idxreader.moc"
