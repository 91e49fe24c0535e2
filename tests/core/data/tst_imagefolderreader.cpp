#include "core/data/imagefolderreader.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <filesystem>

namespace td = mf::testdata;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

torch::Tensor imageOf(td::ImageSet &set, int index)
{
    return torch::from_blob(set.pixels.data() + static_cast<std::size_t>(index) * set.channels *
                                                    set.height * set.width,
                            {set.channels, set.height, set.width}, torch::kUInt8);
}

std::string makeDir(const QTemporaryDir &dir, const QString &relative)
{
    const std::string path = dir.filePath(relative).toStdString();
    std::filesystem::create_directories(path);
    return path;
}

} // namespace

class TestImageFolderReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mixedFormatsInSortedClasses()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        td::ImageSet set = td::makeImageSet(6, 3, 3, 12, 10, 4);
        // Labels 0,1,2,0,1,2 -> classes written in an order that differs from the sorted one.
        const std::vector<std::string> folders = {"zebra", "ant", "mole"};
        const std::vector<std::string> files = {"a.png", "b.BMP", "c.jpg",
                                                "d.Png", "e.bmp", "f.JPEG"};
        for (int i = 0; i < set.count; ++i) {
            const std::string classDir =
                makeDir(dir, QString::fromStdString(folders[set.labels[i]]));
            td::writeImageFile(classDir + "/" + files[i], set, i);
        }
        td::writeBytes(root + "/ant/notes.txt", "not an image");

        const mf::Dataset dataset = mf::readImageFolder(root);
        QCOMPARE(dataset.format, std::string("imagefolder"));
        QCOMPARE(dataset.source, root);
        QCOMPARE(dataset.classNames, (std::vector<std::string>{"ant", "mole", "zebra"}));
        QCOMPARE(dataset.inputs.sizes().vec(), (std::vector<std::int64_t>{6, 3, 12, 10}));
        // Sorted classes, then sorted files: ant{b,e} mole{c,f} zebra{a,d}.
        const std::vector<int> order = {1, 4, 2, 5, 0, 3};
        const std::vector<std::int64_t> labels = {0, 0, 1, 1, 2, 2};
        for (int row = 0; row < 6; ++row) {
            QCOMPARE(dataset.labels[row].item<std::int64_t>(), labels[row]);
            const torch::Tensor expected = imageOf(set, order[row]).to(torch::kInt32);
            const torch::Tensor actual = dataset.inputs[row].to(torch::kInt32);
            if (files[order[row]].find(".jp") != std::string::npos ||
                files[order[row]].find(".JP") != std::string::npos) {
                // JPEG is lossy: close, not equal.
                const double error =
                    (actual - expected).abs().to(torch::kFloat64).mean().item<double>();
                QVERIFY2(error < 12.0, std::to_string(error).c_str());
            } else {
                QVERIFY(torch::equal(actual, expected));
            }
        }
    }

    void grayOrRgb_data()
    {
        QTest::addColumn<bool>("oneRgbImage");
        QTest::addColumn<int>("channels");
        QTest::newRow("all gray") << false << 1;
        QTest::newRow("one rgb among gray") << true << 3;
    }

    void grayOrRgb()
    {
        QFETCH(bool, oneRgbImage);
        QFETCH(int, channels);
        QTemporaryDir dir;
        td::ImageSet gray = td::makeImageSet(4, 2, 1, 8, 8, 9);
        td::ImageSet rgb = td::makeImageSet(1, 1, 3, 8, 8, 2);
        td::writeImageFolder(dir.path().toStdString(), gray, {"a", "b"}, "png");
        if (oneRgbImage)
            td::writeImageFile(makeDir(dir, QStringLiteral("b")) + "/zz.png", rgb, 0);

        const mf::Dataset dataset = mf::readImageFolder(dir.path().toStdString());
        QCOMPARE(dataset.inputs.size(1), std::int64_t(channels));
        // a: images 0, 2; b: images 1, 3 (and zz.png last).
        const torch::Tensor first = dataset.inputs[0];
        for (int c = 0; c < channels; ++c)
            QVERIFY(torch::equal(first[c], imageOf(gray, 0)[0]));
        if (oneRgbImage)
            QVERIFY(torch::equal(dataset.inputs[4], imageOf(rgb, 0)));
    }

    void corruptFileIsNamed_data()
    {
        QTest::addColumn<bool>("truncatedPng");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not an image")
            << false << QStringLiteral("cannot read image: unknown image type");
        QTest::newRow("truncated png") << true << QStringLiteral("image");
    }

    void corruptFileIsNamed()
    {
        QFETCH(bool, truncatedPng);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        td::ImageSet set = td::makeImageSet(3, 1, 3, 16, 16, 1);
        td::writeImageFolder(dir.path().toStdString(), set, {"only"}, "png");
        const std::string bad = dir.filePath(QStringLiteral("only/00001.png")).toStdString();
        if (truncatedPng) {
            const std::string bytes = td::readBytes(bad);
            td::writeBytes(bad, bytes.substr(0, 60));
        } else {
            td::writeBytes(bad, std::string(200, '\x5a'));
        }
        const std::string message =
            td::errorMessage([&] { mf::readImageFolder(dir.path().toStdString()); });
        QVERIFY2(contains(message, bad), message.c_str());
        QVERIFY2(contains(message, reason.toStdString()), message.c_str());
        // stb's own reason follows the colon.
        const auto at = message.find("image: ");
        QVERIFY2(at != std::string::npos && message.size() > at + 7, message.c_str());
    }

    void sizeMismatchNamesBothFiles()
    {
        QTemporaryDir dir;
        td::ImageSet small = td::makeImageSet(1, 1, 1, 8, 8, 1);
        td::ImageSet wide = td::makeImageSet(1, 1, 1, 8, 11, 1);
        const std::string first = makeDir(dir, QStringLiteral("a")) + "/1.png";
        const std::string second = makeDir(dir, QStringLiteral("b")) + "/2.bmp";
        td::writeImageFile(first, small, 0);
        td::writeImageFile(second, wide, 0);
        const std::string message =
            td::errorMessage([&] { mf::readImageFolder(dir.path().toStdString()); });
        QVERIFY2(contains(message, first), message.c_str());
        QVERIFY2(contains(message, second), message.c_str());
        QVERIFY2(contains(message, "image size 11x8 differs from 8x8"), message.c_str());
    }

    void oversizedImage()
    {
        QTemporaryDir dir;
        td::ImageSet strip = td::makeImageSet(1, 1, 1, 1, 8193, 1);
        const std::string file = makeDir(dir, QStringLiteral("a")) + "/strip.png";
        td::writeImageFile(file, strip, 0);
        const std::string message =
            td::errorMessage([&] { mf::readImageFolder(dir.path().toStdString()); });
        QVERIFY2(contains(message, file), message.c_str());
        QVERIFY2(contains(message, "8193x1 is outside 1..8192"), message.c_str());
    }

    void emptyLayouts_data()
    {
        QTest::addColumn<QStringList>("folders");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty directory") << QStringList() << QStringLiteral("no class sub-folders");
        QTest::newRow("class folders without images")
            << (QStringList() << QStringLiteral("cat") << QStringLiteral("dog"))
            << QStringLiteral("no images (.png, .jpg, .jpeg, .bmp) in any of its 2 class");
    }

    void emptyLayouts()
    {
        QFETCH(QStringList, folders);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        for (const QString &folder : folders)
            makeDir(dir, folder);
        td::writeBytes(dir.filePath(QStringLiteral("loose.png")).toStdString(), "x");
        const std::string root = dir.path().toStdString();
        const std::string message = td::errorMessage([&] { mf::readImageFolder(root); });
        QVERIFY2(contains(message, root), message.c_str());
        QVERIFY2(contains(message, reason.toStdString()), message.c_str());
    }

    void missingDirectory()
    {
        QTemporaryDir dir;
        const std::string root = dir.filePath(QStringLiteral("absent")).toStdString();
        const std::string message = td::errorMessage([&] { mf::readImageFolder(root); });
        QVERIFY2(contains(message, root), message.c_str());
        QVERIFY2(contains(message, "not a directory"), message.c_str());
    }
};

MF_TEST_GUILESS_MAIN(TestImageFolderReader)
#include "tst_imagefolderreader.moc"
