#include "core/data/datasetlayout.h"
#include "core/data/datasetloader.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <filesystem>

namespace td = mf::testdata;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

using Shape = std::vector<std::int64_t>;

} // namespace

class TestDatasetLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mnistLayout_data()
    {
        QTest::addColumn<bool>("gzip");
        QTest::addColumn<bool>("withTest");
        QTest::newRow("gzip with test part") << true << true;
        QTest::newRow("raw train only") << false << false;
    }

    void mnistLayout()
    {
        QFETCH(bool, gzip);
        QFETCH(bool, withTest);
        QTemporaryDir dir;
        const std::string root = dir.filePath(QStringLiteral("mnist")).toStdString();
        // The test part uses fewer classes; both parts still share one class list.
        td::writeMnistLayout(root, td::makeImageSet(30, 10, 1, 7, 7, 1),
                             td::makeImageSet(8, 4, 1, 7, 7, 2), gzip);
        if (!withTest) {
            const std::string suffix = gzip ? ".gz" : "";
            std::filesystem::remove(root + "/t10k-images-idx3-ubyte" + suffix);
            std::filesystem::remove(root + "/t10k-labels-idx1-ubyte" + suffix);
        }
        const mf::DatasetBundle bundle = mf::loadDataset(root);
        QCOMPARE(bundle.train.format, std::string("idx"));
        QCOMPARE(bundle.train.source, root);
        QCOMPARE(bundle.train.size(), std::int64_t(30));
        QCOMPARE(bundle.train.sampleShape(), (Shape{1, 7, 7}));
        QCOMPARE(bundle.train.numClasses(), std::int64_t(10));
        QCOMPARE(bundle.test.has_value(), withTest);
        if (withTest) {
            QCOMPARE(bundle.test->size(), std::int64_t(8));
            QCOMPARE(bundle.test->classNames, bundle.train.classNames);
        }
    }

    void mnistTestPartWithoutLabels()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        td::writeMnistLayout(root, td::makeImageSet(5, 2, 1, 4, 4, 1),
                             td::makeImageSet(5, 2, 1, 4, 4, 2), true);
        std::filesystem::remove(root + "/t10k-labels-idx1-ubyte.gz");
        const std::string message = td::errorMessage([&] { mf::loadDataset(root); });
        QVERIFY2(contains(message, root + "/t10k-images-idx3-ubyte.gz"), message.c_str());
        QVERIFY2(contains(message, "matching t10k images/labels file is missing"), message.c_str());
    }

    void cifar10Layout_data()
    {
        QTest::addColumn<QString>("subfolder");
        QTest::newRow("top level") << QString();
        QTest::newRow("cifar-10-batches-bin") << QStringLiteral("cifar-10-batches-bin");
    }

    void cifar10Layout()
    {
        QFETCH(QString, subfolder);
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        const std::string base = subfolder.isEmpty() ? root : root + "/" + subfolder.toStdString();
        std::filesystem::create_directories(base);
        // Numeric order: batch 2 before batch 10.
        td::ImageSet two = td::makeImageSet(3, 10, 3, 32, 32, 2);
        td::ImageSet ten = td::makeImageSet(2, 10, 3, 32, 32, 10);
        td::writeCifar10(base + "/data_batch_10.bin", ten);
        td::writeCifar10(base + "/data_batch_2.bin", two);
        td::writeCifar10(base + "/test_batch.bin", td::makeImageSet(4, 10, 3, 32, 32, 3));
        td::writeBytes(base + "/readme.html", "<p>hi</p>");

        const mf::DatasetBundle bundle = mf::loadDataset(root);
        QCOMPARE(bundle.train.format, std::string("cifar10"));
        QCOMPARE(bundle.train.size(), std::int64_t(5));
        QCOMPARE(bundle.train.sampleShape(), (Shape{3, 32, 32}));
        const torch::Tensor firstOfTwo =
            torch::from_blob(two.pixels.data(), {3, 32, 32}, torch::kUInt8);
        QVERIFY(torch::equal(bundle.train.inputs[0], firstOfTwo));
        QVERIFY(bundle.test.has_value());
        QCOMPARE(bundle.test->size(), std::int64_t(4));
    }

    void cifar100Layout_data()
    {
        QTest::addColumn<QString>("subfolder");
        QTest::newRow("top level") << QString();
        QTest::newRow("cifar-100-binary") << QStringLiteral("cifar-100-binary");
    }

    void cifar100Layout()
    {
        QFETCH(QString, subfolder);
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        const std::string base = subfolder.isEmpty() ? root : root + "/" + subfolder.toStdString();
        std::filesystem::create_directories(base);
        td::writeCifar100(base + "/train.bin", td::makeImageSet(6, 100, 3, 32, 32, 1));
        td::writeCifar100(base + "/test.bin", td::makeImageSet(2, 100, 3, 32, 32, 2));
        const mf::DatasetBundle bundle = mf::loadDataset(root);
        QCOMPARE(bundle.train.format, std::string("cifar100"));
        QCOMPARE(bundle.train.numClasses(), std::int64_t(100));
        QCOMPARE(bundle.train.size(), std::int64_t(6));
        QVERIFY(bundle.test.has_value());
        QCOMPARE(bundle.test->size(), std::int64_t(2));
    }

    void imageFolderLayout()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        td::writeImageFolder(root, td::makeImageSet(6, 3, 3, 10, 10, 1), {"c", "a", "b"}, "png");
        const mf::DatasetBundle bundle = mf::loadDataset(root);
        QCOMPARE(bundle.train.format, std::string("imagefolder"));
        QCOMPARE(bundle.train.size(), std::int64_t(6));
        QCOMPARE(bundle.train.classNames, (std::vector<std::string>{"a", "b", "c"}));
        QVERIFY(!bundle.test.has_value());
    }

    void imageFolderTrainTestLayout()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        td::writeImageFolder(root + "/train", td::makeImageSet(6, 3, 1, 8, 8, 1),
                             {"cat", "dog", "owl"}, "png");
        // The test part lacks "cat": its labels must follow the training class indices.
        td::writeImageFolder(root + "/test", td::makeImageSet(4, 2, 1, 8, 8, 2), {"dog", "owl"},
                             "png");
        const mf::DatasetBundle bundle = mf::loadDataset(root);
        QCOMPARE(bundle.train.size(), std::int64_t(6));
        QCOMPARE(bundle.train.source, root);
        QVERIFY(bundle.test.has_value());
        QCOMPARE(bundle.test->classNames, bundle.train.classNames);
        // test: dog = images 0, 2; owl = images 1, 3 -> train indices 1, 1, 2, 2.
        const torch::Tensor expected = torch::tensor({1, 1, 2, 2}, torch::kInt64);
        QVERIFY(torch::equal(bundle.test->labels, expected));
    }

    void imageFolderTestClassUnknownToTraining()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        td::writeImageFolder(root + "/train", td::makeImageSet(2, 2, 1, 8, 8, 1), {"a", "b"});
        td::writeImageFolder(root + "/test", td::makeImageSet(2, 2, 1, 8, 8, 1), {"a", "zzz"});
        const std::string message = td::errorMessage([&] { mf::loadDataset(root); });
        QVERIFY2(contains(message, root + "/test/zzz"), message.c_str());
        QVERIFY2(contains(message, "no counterpart in " + root + "/train"), message.c_str());
    }

    void singleFiles()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        const td::ImageSet mnist = td::makeImageSet(9, 3, 1, 5, 5, 1);
        td::writeIdxImages(root + "/digits-images-idx3-ubyte.gz", mnist, true);
        td::writeIdxLabels(root + "/digits-labels-idx1-ubyte.gz", mnist, true);
        for (const char *name : {"/digits-images-idx3-ubyte.gz", "/digits-labels-idx1-ubyte.gz"}) {
            const mf::DatasetBundle idx = mf::loadDataset(root + name);
            QCOMPARE(idx.train.format, std::string("idx"));
            QCOMPARE(idx.train.size(), std::int64_t(9));
            QVERIFY(!idx.test.has_value());
        }

        td::writeCifar10(root + "/batch.bin", td::makeImageSet(2, 10, 3, 32, 32, 1));
        QCOMPARE(mf::loadDataset(root + "/batch.bin").train.format, std::string("cifar10"));
        td::writeCifar100(root + "/other.BIN", td::makeImageSet(2, 100, 3, 32, 32, 1));
        QCOMPARE(mf::loadDataset(root + "/other.BIN").train.format, std::string("cifar100"));

        td::writeBytes(root + "/table.csv", "f,species\n1,a\n2,b\n");
        mf::LoadOptions options;
        options.csvLabelColumn = "species";
        const mf::DatasetBundle table = mf::loadDataset(root + "/table.csv", options);
        QCOMPARE(table.train.format, std::string("csv"));
        QCOMPARE(table.train.classNames, (std::vector<std::string>{"a", "b"}));
    }

    void unrecognised_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing path")
            << QStringLiteral("absent") << QStringLiteral("no such file or directory");
        QTest::newRow("empty directory")
            << QStringLiteral("empty")
            << QStringLiteral("unrecognised dataset layout; looked for MNIST");
        QTest::newRow("folders without images")
            << QStringLiteral("noimages") << QStringLiteral("unrecognised dataset layout");
        QTest::newRow("text file")
            << QStringLiteral("notes.txt") << QStringLiteral("unrecognised dataset layout");
        QTest::newRow("odd-sized bin")
            << QStringLiteral("odd.bin") << QStringLiteral("fits neither the CIFAR-10");
        QTest::newRow("idx images without labels")
            << QStringLiteral("lonely-images-idx3-ubyte")
            << QStringLiteral("the matching IDX labels file");
    }

    void unrecognised()
    {
        QFETCH(QString, relative);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        std::filesystem::create_directories(root + "/empty");
        std::filesystem::create_directories(root + "/noimages/cat");
        td::writeBytes(root + "/noimages/cat/readme.txt", "x");
        td::writeBytes(root + "/notes.txt", "hello");
        td::writeBytes(root + "/odd.bin", std::string(100, '\0'));
        td::writeIdxImages(root + "/lonely-images-idx3-ubyte", td::makeImageSet(2, 2, 1, 3, 3, 1));
        const std::string path = dir.filePath(relative).toStdString();
        const std::string message = td::errorMessage([&] { mf::loadDataset(path); });
        QVERIFY2(contains(message, path), message.c_str());
        QVERIFY2(contains(message, reason.toStdString()), message.c_str());
        // The cheap check refuses it with the same words, before anything is read.
        QCOMPARE(td::errorMessage([&] { mf::checkDatasetLayout(path); }), message);
    }

    void theCheapCheckAcceptsWhatLoads()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        td::writeMnistLayout(root + "/mnist", td::makeImageSet(6, 2, 1, 4, 4, 1),
                             td::makeImageSet(2, 2, 1, 4, 4, 2));
        std::filesystem::create_directories(root + "/cifar/cifar-10-batches-bin");
        td::writeCifar10(root + "/cifar/cifar-10-batches-bin/data_batch_1.bin",
                         td::makeImageSet(2, 10, 3, 32, 32, 1));
        td::writeImageFolder(root + "/pets", td::makeImageSet(4, 2, 3, 8, 8, 1), {"cat", "dog"});
        td::writeBytes(root + "/table.csv", "f,label\n1,a\n2,b\n");
        td::writeIdxImages(root + "/digits-images-idx3-ubyte", td::makeImageSet(2, 2, 1, 3, 3, 1));
        td::writeIdxLabels(root + "/digits-labels-idx1-ubyte", td::makeImageSet(2, 2, 1, 3, 3, 1));
        for (const char *path :
             {"/mnist", "/cifar", "/pets", "/table.csv", "/digits-images-idx3-ubyte"}) {
            const std::string full = root + path;
            QVERIFY2(td::errorMessage([&] { mf::checkDatasetLayout(full); }).empty(), path);
            QVERIFY(mf::loadDataset(full).train.size() > 0);
        }
    }

    void realFashionMnist()
    {
        const std::string root = "/usr/share/datasets/fashion-mnist";
        // The test command installs Debian's dataset-fashion-mnist (packaging/install-deps.sh).
        QVERIFY2(std::filesystem::exists(root + "/train-images-idx3-ubyte.gz"),
                 "Fashion-MNIST is missing: run packaging/install-deps.sh");
        QElapsedTimer timer;
        timer.start();
        const mf::DatasetBundle bundle = mf::loadDataset(root);
        qInfo("Fashion-MNIST loaded in %lld ms", static_cast<long long>(timer.elapsed()));
        QCOMPARE(bundle.train.size(), std::int64_t(60000));
        QVERIFY(bundle.test.has_value());
        QCOMPARE(bundle.test->size(), std::int64_t(10000));
        QCOMPARE(bundle.train.sampleShape(), (Shape{1, 28, 28}));
        QCOMPARE(bundle.train.classNames.front(), std::string("T-shirt/top"));
        QCOMPARE(bundle.train.classNames.back(), std::string("Ankle boot"));
    }
};

MF_TEST_GUILESS_MAIN(TestDatasetLoader)
#include "tst_datasetloader.moc"
