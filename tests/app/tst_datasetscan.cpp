// The lenient image-folder scan behind the Datasets page: bad files are listed with their
// reasons, the good images load, and duplicates are found by the analysis.
#include "app/gui/datasets/datasetanalysis.h"
#include "app/gui/datasets/datasetopener.h"
#include "app/gui/datasets/loadeddataset.h"
#include "core/data/imagefolderreader.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <filesystem>

namespace td = mf::testdata;
using Kind = mf::DataProblem::Kind;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

/// root/a and root/b with three good 8 x 8 grey images each (a: 0, 2, 4; b: 1, 3, 5), plus
/// every kind of bad file and one copy of a/00000.png.
struct ProblemFolder
{
    std::string root;
    td::ImageSet set;
};

ProblemFolder writeProblemFolder(const QTemporaryDir &dir)
{
    ProblemFolder folder{dir.path().toStdString(), td::makeImageSet(6, 2, 1, 8, 8, 5)};
    const std::string &root = folder.root;
    td::writeImageFolder(root, folder.set, {"a", "b"});
    td::writeBytes(root + "/a/empty.png", "");
    const std::string png = td::readBytes(root + "/a/00000.png");
    td::writeBytes(root + "/a/truncated.png", png.substr(0, 60));
    td::writeBytes(root + "/b/notes.png", "These are notes, saved with the wrong extension.\n");
    td::writeBytes(root + "/b/copy.png", png);
    td::writeImageFile(root + "/b/wide.png", td::makeImageSet(1, 1, 1, 8, 11, 1), 0);
    td::writeImageFile(root + "/a/huge.png", td::makeImageSet(1, 1, 1, 1, 8193, 1), 0);
    return folder;
}

} // namespace

class TestDatasetScan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void badFilesAreListedAndGoodImagesLoad()
    {
        QTemporaryDir dir;
        const ProblemFolder folder = writeProblemFolder(dir);
        const std::string &root = folder.root;
        const mf::ImageFolderScan scan = mf::scanImageFolder(root);

        // Class a: 00000, 00002, 00004; class b: 00001, 00003, 00005, copy.
        QCOMPARE(scan.dataset.size(), std::int64_t(7));
        QCOMPARE(scan.dataset.inputs.sizes().vec(), (std::vector<std::int64_t>{7, 1, 8, 8}));
        const std::vector<std::string> files = {root + "/a/00000.png", root + "/a/00002.png",
                                                root + "/a/00004.png", root + "/b/00001.png",
                                                root + "/b/00003.png", root + "/b/00005.png",
                                                root + "/b/copy.png"};
        QCOMPARE(scan.files, files);
        const std::vector<int> source = {0, 2, 4, 1, 3, 5, 0};
        for (int row = 0; row < 7; ++row) {
            const td::ImageSet &set = folder.set;
            const torch::Tensor expected =
                torch::from_blob(const_cast<std::uint8_t *>(set.pixels.data()) + source[row] * 64,
                                 {1, 8, 8}, torch::kUInt8);
            QVERIFY(torch::equal(scan.dataset.inputs[row], expected));
            QCOMPARE(scan.dataset.labels[row].item<std::int64_t>(), std::int64_t(row < 3 ? 0 : 1));
        }

        struct Expected
        {
            std::string file;
            Kind kind;
            std::string reason;
        };
        const std::vector<Expected> expected = {
            {root + "/a/empty.png", Kind::EmptyFile, "empty file (0 bytes)"},
            {root + "/a/huge.png", Kind::TooLarge, "image size 8193x1 is outside 1..8192"},
            {root + "/a/truncated.png", Kind::Corrupt, "cannot decode image: "},
            {root + "/b/notes.png", Kind::UnsupportedFormat,
             "unknown image type (the content is no PNG, JPEG or BMP image)"},
            {root + "/b/wide.png", Kind::SizeMismatch,
             "image size 11x8 differs from 8x8 of " + root + "/a/00000.png"},
        };
        QCOMPARE(scan.problems.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const mf::DataProblem &problem = scan.problems[i];
            QCOMPARE(problem.file, expected[i].file);
            QCOMPARE(int(problem.kind), int(expected[i].kind));
            QVERIFY2(contains(problem.reason, expected[i].reason), problem.reason.c_str());
        }
        // The truncated file gets stb's own reason after the colon.
        QVERIFY(scan.problems[2].reason.size() > std::string("cannot decode image: ").size());
    }

    void duplicatesAreFoundByTheAnalysis()
    {
        QTemporaryDir dir;
        const ProblemFolder folder = writeProblemFolder(dir);
        const auto dataset = mf::openDatasetForBrowsing(folder.root);
        QCOMPARE(dataset->sampleCount(), std::int64_t(7));
        QCOMPARE(dataset->problems.size(), std::size_t(5));
        QCOMPARE(dataset->originOf(6).file, folder.root + "/b/copy.png");
        QCOMPARE(dataset->originOf(6).record, std::int64_t(-1));

        const mf::DatasetAnalysis analysis = mf::analyseDataset(*dataset);
        QCOMPARE(analysis.duplicates.size(), std::size_t(1));
        QCOMPARE(analysis.duplicates[0].samples, (std::vector<std::int64_t>{0, 6}));
        QCOMPARE(analysis.duplicateSamples(), std::int64_t(1));
        QCOMPARE(analysis.crossSplitDuplicates, std::int64_t(0));
        QVERIFY(analysis.trainStats.has_value());
        QCOMPARE(analysis.trainStats->mean.size(), std::size_t(1));
    }

    void strictReaderThrowsTheFirstProblem()
    {
        QTemporaryDir dir;
        const ProblemFolder folder = writeProblemFolder(dir);
        const std::string message = td::errorMessage([&] { mf::readImageFolder(folder.root); });
        QVERIFY2(contains(message, folder.root + "/a/empty.png"), message.c_str());
        QVERIFY2(contains(message, "empty file (0 bytes)"), message.c_str());
    }

    void majoritySizeWins()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        // One 6 x 6 image sorts first, three 8 x 8 images follow: 8 x 8 is the size to keep.
        td::writeImageFolder(root, td::makeImageSet(3, 1, 1, 8, 8, 2), {"a"});
        td::writeImageFile(root + "/a/0-small.png", td::makeImageSet(1, 1, 1, 6, 6, 1), 0);
        const mf::ImageFolderScan scan = mf::scanImageFolder(root);
        QCOMPARE(scan.dataset.size(), std::int64_t(3));
        QCOMPARE(scan.problems.size(), std::size_t(1));
        QCOMPARE(scan.problems[0].file, root + "/a/0-small.png");
        QVERIFY2(contains(scan.problems[0].reason,
                          "image size 6x6 differs from 8x8 of " + root + "/a/00000.png"),
                 scan.problems[0].reason.c_str());
    }

    void noUsableImageIsAnError()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        std::filesystem::create_directories(root + "/cat");
        td::writeBytes(root + "/cat/one.png", "");
        td::writeBytes(root + "/cat/two.jpg", "not a jpeg");
        const std::string message = td::errorMessage([&] { mf::scanImageFolder(root); });
        QVERIFY2(contains(message, root + ": no usable image: all 2 image files were left out"),
                 message.c_str());
        QVERIFY2(contains(message, root + "/cat/one.png: empty file"), message.c_str());
    }

    void trainAndTestLayout()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        td::writeImageFolder(root + "/train", td::makeImageSet(6, 3, 1, 8, 8, 1),
                             {"cat", "dog", "owl"});
        td::writeImageFolder(root + "/test", td::makeImageSet(4, 2, 1, 8, 8, 2), {"dog", "owl"});
        // An RGB test image joins the grey training images as grey; a wrong size is listed.
        td::writeImageFile(root + "/test/owl/rgb.png", td::makeImageSet(1, 1, 3, 8, 8, 3), 0);
        td::writeImageFile(root + "/test/dog/big.png", td::makeImageSet(1, 1, 1, 9, 9, 3), 0);

        const auto layout = mf::scanImageFolderLayout(root);
        QVERIFY(layout.has_value());
        QCOMPARE(layout->bundle.train.size(), std::int64_t(6));
        QVERIFY(layout->bundle.test.has_value());
        const mf::Dataset &test = *layout->bundle.test;
        QCOMPARE(test.sampleShape(), (std::vector<std::int64_t>{1, 8, 8}));
        QCOMPARE(test.size(), std::int64_t(5));
        QCOMPARE(test.classNames, layout->bundle.train.classNames);
        // dog: 00000, 00002; owl: 00001, 00003, rgb -> training indices 1, 1, 2, 2, 2.
        QVERIFY(torch::equal(test.labels, torch::tensor({1, 1, 2, 2, 2}, torch::kInt64)));
        QCOMPARE(layout->testFiles.back(), root + "/test/owl/rgb.png");
        QCOMPARE(layout->problems.size(), std::size_t(1));
        QCOMPARE(layout->problems[0].file, root + "/test/dog/big.png");
        QVERIFY2(contains(layout->problems[0].reason, "differs from 8x8 of the training images"),
                 layout->problems[0].reason.c_str());

        QTemporaryDir other;
        td::writeBytes(other.filePath(QStringLiteral("table.csv")).toStdString(), "a,b\n1,2\n");
        QVERIFY(!mf::scanImageFolderLayout(other.path().toStdString()).has_value());
    }
};

MF_TEST_MAIN(TestDatasetScan)
#include "tst_datasetscan.moc"
