#include "core/train/confusionmatrix.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

namespace {

torch::Tensor longs(std::vector<std::int64_t> values)
{
    return torch::tensor(values, torch::kLong);
}

void compareNear(const std::vector<double> &got, const std::vector<double> &expected)
{
    QCOMPARE(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        QVERIFY2(
            std::abs(got[i] - expected[i]) < 1e-12,
            qPrintable(QStringLiteral("index %1: %2 vs %3").arg(i).arg(got[i]).arg(expected[i])));
}

} // namespace

class TestConfusionMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void perClassMetrics()
    {
        // true      0 0 1 1 2 2 2 0
        // predicted 0 1 1 1 2 0 2 0, added in two batches.
        mf::ConfusionMatrix matrix(4);
        matrix.add(longs({0, 1, 1, 1}), longs({0, 0, 1, 1}));
        matrix.add(longs({2, 0, 2, 0}), longs({2, 2, 2, 0}));
        QCOMPARE(matrix.total(), std::int64_t(8));
        QCOMPARE(matrix.accuracy(), 0.75);

        const mf::EvalReport report = matrix.report(0.42);
        QCOMPARE(report.loss, 0.42);
        QCOMPARE(report.samples, std::int64_t(8));
        QCOMPARE(report.accuracy, 0.75);
        const std::vector<std::vector<std::int64_t>> confusion = {
            {2, 1, 0, 0}, {0, 2, 0, 0}, {1, 0, 2, 0}, {0, 0, 0, 0}};
        QCOMPARE(report.confusion, confusion);
        // Columns (predicted) hold 3, 3, 2, 0; rows (true) 3, 2, 3, 0. Class 3 never occurs,
        // so its metrics are undefined and reported as 0.
        compareNear(report.precision, {2.0 / 3.0, 2.0 / 3.0, 1.0, 0.0});
        compareNear(report.recall, {2.0 / 3.0, 1.0, 2.0 / 3.0, 0.0});
        // 2pr / (p + r): class 1: 2 * 2/3 / (5/3) = 0.8; class 2 the same.
        compareNear(report.f1, {2.0 / 3.0, 0.8, 0.8, 0.0});
    }

    void predictedButNeverTrue()
    {
        mf::ConfusionMatrix matrix(2);
        matrix.add(longs({1, 1}), longs({0, 0}));
        const auto report = matrix.report(0.0);
        compareNear(report.precision, {0.0, 0.0});
        compareNear(report.recall, {0.0, 0.0});
        compareNear(report.f1, {0.0, 0.0});
        QCOMPARE(report.accuracy, 0.0);
    }

    void acceptsOtherIntegerTypesAndShapes()
    {
        mf::ConfusionMatrix matrix(3);
        matrix.add(torch::tensor({{2, 1}}, torch::kInt), torch::tensor({2, 1}, torch::kLong));
        QCOMPARE(matrix.total(), std::int64_t(2));
        QCOMPARE(matrix.accuracy(), 1.0);
    }

    void empty()
    {
        const mf::ConfusionMatrix matrix(3);
        QCOMPARE(matrix.total(), std::int64_t(0));
        QCOMPARE(matrix.accuracy(), 0.0);
        const auto report = matrix.report(0.0);
        QCOMPARE(report.confusion.size(), std::size_t(3));
        compareNear(report.f1, {0.0, 0.0, 0.0});
    }

    void badInput()
    {
        mf::ConfusionMatrix matrix(3);
        QVERIFY_THROWS_EXCEPTION(mf::Error, matrix.add(longs({0, 3}), longs({0, 1})));
        QVERIFY_THROWS_EXCEPTION(mf::Error, matrix.add(longs({0, 1}), longs({-1, 1})));
        QVERIFY_THROWS_EXCEPTION(mf::Error, matrix.add(longs({0, 1, 2}), longs({0, 1})));
        // A rejected batch leaves the counts untouched.
        QCOMPARE(matrix.total(), std::int64_t(0));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::ConfusionMatrix(0));
    }
};

MF_TEST_GUILESS_MAIN(TestConfusionMatrix)
#include "tst_confusionmatrix.moc"
