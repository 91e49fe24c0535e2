// Opening datasets for the Datasets page: where each sample comes from, CSV table summaries
// (also of tables the reader refuses), text datasets and their token statistics.
#include "app/gui/datasets/datasetanalysis.h"
#include "app/gui/datasets/datasetopener.h"
#include "app/gui/datasets/loadeddataset.h"
#include "core/data/tablesummary.h"
#include "core/util/error.h"
#include "tests/support/testdata.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <filesystem>
#include <numeric>

namespace td = mf::testdata;
using Type = mf::ColumnSummary::Type;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestDatasetOpener : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mnistSamplesNameTheirContainerRecord()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        const td::ImageSet train = td::makeImageSet(7, 3, 1, 6, 5, 1);
        const td::ImageSet test = td::makeImageSet(4, 3, 1, 6, 5, 2);
        td::writeMnistLayout(root, train, test, true);
        const auto dataset = mf::openDatasetForBrowsing(root);
        QCOMPARE(int(dataset->kind), int(mf::LoadedDataset::Kind::Images));
        QCOMPARE(dataset->format, std::string("idx"));
        QCOMPARE(dataset->sampleCount(), std::int64_t(11));
        QCOMPARE(dataset->width(), 5);
        QCOMPARE(dataset->height(), 6);
        QCOMPARE(dataset->originOf(3).file, root + "/train-images-idx3-ubyte.gz");
        QCOMPARE(dataset->originOf(3).record, std::int64_t(3));
        QCOMPARE(dataset->originOf(9).file, root + "/t10k-images-idx3-ubyte.gz");
        QCOMPARE(dataset->originOf(9).record, std::int64_t(2));
        QCOMPARE(int(dataset->splitOf(9)), int(mf::LoadedDataset::Split::Test));
        QCOMPARE(dataset->originText(9), QStringLiteral("t10k-images-idx3-ubyte.gz, record 2"));
        QCOMPARE(dataset->labelOf(9), std::int64_t(test.labels[2]));
        // Pixel (x 4, y 5) of test image 2.
        QCOMPARE(dataset->pixelAt(9, 4, 5), std::vector<int>{test.pixels[2 * 30 + 5 * 5 + 4]});
        QVERIFY(dataset->pixelAt(9, 5, 0).empty());
        QCOMPARE(dataset->trainClassCounts, (std::vector<std::int64_t>{3, 2, 2}));
        QCOMPARE(dataset->testClassCounts, (std::vector<std::int64_t>{2, 1, 1}));
        QVERIFY(dataset->problems.empty());
    }

    void cifarBatchesAreFollowedAcrossFiles()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString() + "/cifar-10-batches-bin";
        std::filesystem::create_directories(root);
        td::writeCifar10(root + "/data_batch_1.bin", td::makeImageSet(3, 10, 3, 32, 32, 1));
        td::writeCifar10(root + "/data_batch_2.bin", td::makeImageSet(2, 10, 3, 32, 32, 2));
        td::writeCifar10(root + "/test_batch.bin", td::makeImageSet(2, 10, 3, 32, 32, 3));
        const auto dataset = mf::openDatasetForBrowsing(dir.path().toStdString());
        QCOMPARE(dataset->format, std::string("cifar10"));
        QCOMPARE(dataset->channels(), 3);
        QCOMPARE(dataset->originOf(2).file, root + "/data_batch_1.bin");
        QCOMPARE(dataset->originOf(2).record, std::int64_t(2));
        QCOMPARE(dataset->originOf(4).file, root + "/data_batch_2.bin");
        QCOMPARE(dataset->originOf(4).record, std::int64_t(1));
        QCOMPARE(dataset->originOf(6).file, root + "/test_batch.bin");
        QCOMPARE(dataset->originOf(6).record, std::int64_t(1));
    }

    void cifarOriginsFollowTheBatchesTheLoaderRead()
    {
        // The loader matches batch names exactly; a file it passes over must not shift the
        // origins of the samples it did read.
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        td::writeCifar10(root + "/data_batch_0.BIN", td::makeImageSet(2, 10, 3, 32, 32, 1));
        td::writeCifar10(root + "/data_batch_1.bin", td::makeImageSet(3, 10, 3, 32, 32, 2));
        const auto dataset = mf::openDatasetForBrowsing(root);
        QCOMPARE(dataset->format, std::string("cifar10"));
        QCOMPARE(dataset->sampleCount(), std::int64_t(3));
        QCOMPARE(dataset->originOf(0).file, root + "/data_batch_1.bin");
        QCOMPARE(dataset->originOf(2).file, root + "/data_batch_1.bin");
        QCOMPARE(dataset->originOf(2).record, std::int64_t(2));
    }

    void tableSummaryColumnByColumn()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("plants.csv")).toStdString();
        td::writeBytes(path, "count,height,name,species\n"
                             "1,2.5,fern,a\n"
                             "4,NA,\"moss, green\",b\n"
                             "-3,0.5,fern,a\n"
                             "2,1e1,,\n"
                             "7,3\n");
        const mf::TableSummary summary = mf::summarizeCsvTable(path);
        QCOMPARE(summary.rows, std::int64_t(4));
        QCOMPARE(summary.malformedRows, std::int64_t(1));
        QCOMPARE(summary.malformedSample,
                 (std::vector<std::string>{"line 6: 2 fields, expected 4"}));
        QCOMPARE(summary.labelColumn, 3);
        QCOMPARE(summary.columns.size(), std::size_t(4));
        const mf::ColumnSummary &count = summary.columns[0];
        QCOMPARE(int(count.type), int(Type::Integer));
        QCOMPARE(count.min, -3.0);
        QCOMPARE(count.max, 4.0);
        QCOMPARE(count.mean, 1.0);
        QCOMPARE(count.missing, std::int64_t(0));
        QCOMPARE(count.distinct, std::int64_t(4));
        const mf::ColumnSummary &height = summary.columns[1];
        QCOMPARE(int(height.type), int(Type::Real));
        QCOMPARE(height.missing, std::int64_t(1));
        QCOMPARE(height.min, 0.5);
        QCOMPARE(height.max, 10.0);
        QCOMPARE(height.mean, 13.0 / 3.0);
        const mf::ColumnSummary &name = summary.columns[2];
        QCOMPARE(int(name.type), int(Type::Text));
        QCOMPARE(name.missing, std::int64_t(1));
        QCOMPARE(name.distinct, std::int64_t(2));
        QCOMPARE(QString::fromLatin1(mf::columnTypeName(name.type)), QStringLiteral("text"));
        using Counts = std::vector<std::pair<std::string, std::int64_t>>;
        QCOMPARE(summary.labelCounts, (Counts{{"", 1}, {"a", 2}, {"b", 1}}));

        const std::string message = td::errorMessage([&] { mf::summarizeCsvTable(path, "kind"); });
        QVERIFY2(contains(message, "no label column named \"kind\""), message.c_str());
    }

    void integerLabelsCountInNumericOrder()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("digits.csv")).toStdString();
        td::writeBytes(path, "x,label\n0.1,10\n0.2,9\n0.3,10\n0.4,2\n");
        const auto dataset = mf::openDatasetForBrowsing(path);
        QCOMPARE(int(dataset->kind), int(mf::LoadedDataset::Kind::Table));
        QVERIFY(dataset->bundle != nullptr);
        QVERIFY(dataset->refusal.empty());
        using Counts = std::vector<std::pair<std::string, std::int64_t>>;
        QCOMPARE(dataset->table->labelCounts, (Counts{{"2", 1}, {"9", 1}, {"10", 2}}));
        QCOMPARE(dataset->trainClassCounts.size(), std::size_t(11));
        QCOMPARE(dataset->trainClassCounts[10], std::int64_t(2));
    }

    void refusedTableStillShowsItsSummary()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("gaps.csv")).toStdString();
        td::writeBytes(path, "a,b,label\n1,2,x\n3,,y\n");
        const auto dataset = mf::openDatasetForBrowsing(path);
        QCOMPARE(int(dataset->kind), int(mf::LoadedDataset::Kind::Table));
        QVERIFY(dataset->bundle == nullptr);
        QVERIFY2(contains(dataset->refusal, "line 3: feature \"b\" is not a finite number"),
                 dataset->refusal.c_str());
        QVERIFY(dataset->table.has_value());
        QCOMPARE(dataset->table->columns[1].missing, std::int64_t(1));
        QCOMPARE(dataset->sampleCount(), std::int64_t(0));
    }

    void textDatasetWithTokenStatistics()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("reviews.tsv")).toStdString();
        td::writeBytes(path, "text\tlabel\n"
                             "A great film, great cast\tpos\n"
                             "Dull.\tneg\n"
                             "not great at all\tneg\n"
                             "\tpos\n"
                             "Dull.\tneg\n");
        const auto dataset = mf::openDatasetForBrowsing(path);
        QCOMPARE(int(dataset->kind), int(mf::LoadedDataset::Kind::Text));
        QCOMPARE(dataset->sampleCount(), std::int64_t(4));
        QCOMPARE(dataset->classNames(), (std::vector<std::string>{"neg", "pos"}));
        QCOMPARE(dataset->trainClassCounts, (std::vector<std::int64_t>{3, 1}));
        QCOMPARE(dataset->text->train.skipped.size(), std::size_t(1));
        QCOMPARE(dataset->labelOf(0), std::int64_t(1));

        const mf::DatasetAnalysis analysis = mf::analyseDataset(*dataset);
        QVERIFY(analysis.text.has_value());
        QCOMPARE(analysis.text->lengths, (std::vector<std::int64_t>{5, 1, 4, 1}));
        QCOMPARE(analysis.text->totalTokens, std::int64_t(11));
        QCOMPARE(analysis.text->topTokens.front(),
                 (std::pair<std::string, std::int64_t>{"great", 3}));
        QCOMPARE(analysis.text->distinctTokens, std::int64_t(8));
        // "great" and "dull" are seen twice or more, plus <pad> and <unk>.
        QCOMPARE(analysis.text->vocabularySize, std::int64_t(4));
        QCOMPARE(analysis.duplicates.size(), std::size_t(1));
        QCOMPARE(analysis.duplicates[0].samples, (std::vector<std::int64_t>{1, 3}));
    }

    void missingPathIsAnError()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("absent")).toStdString();
        const std::string message = td::errorMessage([&] { mf::openDatasetForBrowsing(path); });
        QVERIFY2(contains(message, path + ": no such file or folder"), message.c_str());
    }

    void analysisCanBeCancelled()
    {
        QTemporaryDir dir;
        td::writeMnistLayout(dir.path().toStdString(), td::makeImageSet(50, 2, 1, 4, 4, 1),
                             td::makeImageSet(5, 2, 1, 4, 4, 2));
        const auto dataset = mf::openDatasetForBrowsing(dir.path().toStdString());
        const std::atomic<bool> cancel{true};
        const mf::DatasetAnalysis analysis = mf::analyseDataset(*dataset, &cancel);
        QVERIFY(!analysis.testStats.has_value());
        QVERIFY(analysis.duplicates.empty());
    }
};

MF_TEST_MAIN(TestDatasetOpener)
#include "tst_datasetopener.moc"
