#include "core/compress/pruningmasks.h"
#include "core/compress/sparsemodelfile.h"
#include "core/models/modelfactory.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <filesystem>

using namespace mf;

namespace {

torch::nn::Sequential mlp(std::uint64_t seed)
{
    return buildModel({{"type", "mlp"}, {"hidden", {256, 7}}}, {1, 9, 9}, 5, seed);
}

void verifyEqual(torch::nn::Module &a, torch::nn::Module &b)
{
    const auto left = a.named_parameters();
    const auto right = b.named_parameters();
    for (const auto &item : left)
        QVERIFY2(torch::equal(item.value(), right[item.key()]), item.key().c_str());
}

} // namespace

class TestSparseModelFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prunedModelIsSmallerAndReadsBackEqual()
    {
        QTemporaryDir dir;
        auto model = mlp(1);
        PruningMasks::byMagnitude(*model, 0.8, PruningScope::PerLayer);
        const std::string sparse = dir.filePath("sparse.pt").toStdString();
        const std::string dense = dir.filePath("dense.pt").toStdString();
        SparseModelFile::save(*model, sparse);
        torch::save(model, dense);
        const double ratio =
            double(std::filesystem::file_size(sparse)) / double(std::filesystem::file_size(dense));
        QVERIFY2(ratio <= 0.35, qPrintable(QString::number(ratio)));

        auto reread = mlp(2); // other weights, the same shapes
        SparseModelFile::load(*reread, sparse);
        verifyEqual(*model, *reread);
    }

    void denseTensorsStayDense()
    {
        QTemporaryDir dir;
        auto model = mlp(3); // nothing pruned: every tensor is written dense
        const std::string path = dir.filePath("model.pt").toStdString();
        SparseModelFile::save(*model, path);
        auto reread = mlp(4);
        SparseModelFile::load(*reread, path);
        verifyEqual(*model, *reread);
    }

    void anotherModelOrAFileThatIsNoneIsADataError()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("model.pt").toStdString();
        auto model = mlp(1);
        PruningMasks::byMagnitude(*model, 0.9, PruningScope::Global);
        SparseModelFile::save(*model, path);
        auto other = buildModel({{"type", "mlp"}, {"hidden", {128, 7}}}, {1, 9, 9}, 5, 1);
        const torch::Tensor before = other->parameters().front().clone();
        QVERIFY_THROWS_EXCEPTION(DataError, SparseModelFile::load(*other, path));
        QVERIFY(torch::equal(other->parameters().front(), before)); // left as it was
        const std::string junk = dir.filePath("junk.pt").toStdString();
        std::FILE *file = std::fopen(junk.c_str(), "w");
        std::fputs("not a model", file);
        std::fclose(file);
        QVERIFY_THROWS_EXCEPTION(DataError, SparseModelFile::load(*model, junk));
    }
};

MF_TEST_GUILESS_MAIN(TestSparseModelFile)
#include "tst_sparsemodelfile.moc"
