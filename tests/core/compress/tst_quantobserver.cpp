#include "core/compress/quanthistogramobserver.h"
#include "core/compress/quantminmaxobserver.h"
#include "core/compress/quantparams.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <cmath>
#include <limits>

using namespace mf;

namespace {

/// Equal up to the last few bits of a double: the expected values below are hand-computed
/// fractions, the observers reach them through a few more roundings.
bool close(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-12 * std::max(1.0, std::abs(expected));
}

torch::Tensor filled(std::int64_t count, double value)
{
    return torch::full({count}, value, torch::kFloat64);
}

} // namespace

class TestQuantObserver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void affineParams_data()
    {
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<bool>("reduceRange");
        QTest::addColumn<double>("scale");
        QTest::addColumn<qint64>("zeroPoint");
        // zero point = round(-min / scale): 1 / (4 / 255) = 63.75, 1 / (4 / 127) = 31.75.
        QTest::newRow("straddling zero") << -1.0 << 3.0 << false << 4.0 / 255 << qint64(64);
        QTest::newRow("reduced range") << -1.0 << 3.0 << true << 4.0 / 127 << qint64(32);
        QTest::newRow("positive: widened to 0") << 2.0 << 4.0 << false << 4.0 / 255 << qint64(0);
        QTest::newRow("negative: widened to 0")
            << -3.0 << -1.0 << false << 3.0 / 255 << qint64(255);
        QTest::newRow("all zero") << 0.0 << 0.0 << false << 1.0 << qint64(0);
    }

    void affineParams()
    {
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(bool, reduceRange);
        QFETCH(double, scale);
        QFETCH(qint64, zeroPoint);
        const QuantParams params = affineQuantParams(min, max, reduceRange);
        QVERIFY2(close(params.scale, scale), qPrintable(QString::number(params.scale, 'g', 17)));
        QCOMPARE(params.zeroPoint, zeroPoint);
    }

    void affineParamsRejectBadRanges()
    {
        QVERIFY_THROWS_EXCEPTION(Error, affineQuantParams(1.0, -1.0));
        QVERIFY_THROWS_EXCEPTION(Error,
                                 affineQuantParams(0.0, std::numeric_limits<double>::infinity()));
    }

    void minMaxTracksTheRunningRange()
    {
        QuantMinMaxObserver observer;
        QVERIFY(observer.empty());
        QVERIFY_THROWS_EXCEPTION(Error, observer.params());
        observer.observe(torch::tensor({-1.0f, 2.0f, 0.5f}));
        observer.observe(torch::tensor({{3.0f}}));
        observer.observe(torch::empty({0}));
        QCOMPARE(observer.range(), std::make_pair(-1.0, 3.0));
        QVERIFY(close(observer.params().scale, 4.0 / 255));
        QCOMPARE(observer.params().zeroPoint, std::int64_t(64));

        QVERIFY_THROWS_EXCEPTION(Error, observer.observe(torch::tensor({1.0f, NAN})));
        QCOMPARE(observer.range(), std::make_pair(-1.0, 3.0));
        observer.reset();
        QVERIFY(observer.empty());
    }

    /// 20000 values: one outlier at each of -100 and 100, 5999 at -0.5 and 13999 at 0.5. With
    /// 200 bins over [-100, 100] each bin is 1 wide: -0.5 falls in bin 99 ([-1, 0)), 0.5 in
    /// bin 100 ([0, 1)). The 0.01th percentile is the 2nd value: one past bin 0's single count,
    /// 1/5999 of the way into bin 99, -1 + 1/5999. The 99.99th is the 19998th value: 6000 lie
    /// below bin 100, so 13998/13999 of the way through it. The outliers would make min/max
    /// calibration's step 200/255; the percentiles make it (hi - lo)/255, about 1/127.5, and
    /// round(-lo / scale) = round(127.494) = 127.
    void histogramPercentilesIgnoreOutliers()
    {
        QuantHistogramObserver observer(99.99, 200);
        observer.observe(
            torch::cat({filled(1, -100), filled(5999, -0.5), filled(13999, 0.5), filled(1, 100)}));
        QCOMPARE(observer.extent(), std::make_pair(-100.0, 100.0));
        const double lo = -1.0 + 1.0 / 5999;
        const double hi = 13998.0 / 13999;
        const auto [min, max] = observer.range();
        QVERIFY2(close(min, lo), qPrintable(QString::number(min, 'g', 17)));
        QVERIFY2(close(max, hi), qPrintable(QString::number(max, 'g', 17)));
        QVERIFY(close(observer.params().scale, (hi - lo) / 255));
        QCOMPARE(observer.params().zeroPoint, std::int64_t(127));
    }

    void histogramAtPercentile100IsMinMax()
    {
        torch::manual_seed(7);
        const auto values = torch::randn({1000}) * 3 + 1;
        QuantHistogramObserver histogram(100.0, 64);
        QuantMinMaxObserver minMax;
        histogram.observe(values.slice(0, 0, 500));
        histogram.observe(values.slice(0, 500));
        minMax.observe(values);
        const auto [min, max] = histogram.range();
        QVERIFY(close(min, minMax.range().first));
        QVERIFY(close(max, minMax.range().second));
    }

    /// Two bins over [0, 1] hold 0 and 1; -1 widens the range to [-1, 1], 1 wide per bin: both
    /// old bins lie within [0, 1], so the counts become [1, 2]. The 25th percentile (0.75 of a
    /// value) is 3/4 into bin 0: -0.25; the 75th (2.25 values) is 1.25 / 2 into bin 1: 0.625.
    /// scale = 0.875 / 255, zero point = round(0.25 / scale) = round(72.857) = 73.
    void histogramRebinsWhenTheRangeGrows()
    {
        QuantHistogramObserver observer(75.0, 2);
        observer.observe(torch::tensor({0.0, 1.0}));
        observer.observe(torch::tensor({-1.0}));
        QCOMPARE(observer.extent(), std::make_pair(-1.0, 1.0));
        QVERIFY(observer.counts() == std::vector<double>({1.0, 2.0}));
        QCOMPARE(observer.range(), std::make_pair(-0.25, 0.625));
        QVERIFY(close(observer.params().scale, 0.875 / 255));
        QCOMPARE(observer.params().zeroPoint, std::int64_t(73));
    }

    /// A constant first batch has an empty range; its count moves to the bin of its value.
    void histogramStartsFromAConstant()
    {
        QuantHistogramObserver observer(100.0, 4);
        observer.observe(filled(3, 2.0));
        QCOMPARE(observer.range(), std::make_pair(2.0, 2.0));
        QCOMPARE(observer.params().zeroPoint, std::int64_t(0));
        QVERIFY(close(observer.params().scale, 2.0 / 255));
        observer.observe(torch::tensor({-2.0}));
        QVERIFY(observer.counts() == std::vector<double>({1.0, 0.0, 0.0, 3.0}));
    }

    void histogramRejectsBadSettings()
    {
        QVERIFY_THROWS_EXCEPTION(ConfigError, QuantHistogramObserver(50.0));
        QVERIFY_THROWS_EXCEPTION(ConfigError, QuantHistogramObserver(100.5));
        QVERIFY_THROWS_EXCEPTION(ConfigError, QuantHistogramObserver(99.0, 0));
        QuantHistogramObserver observer;
        QVERIFY_THROWS_EXCEPTION(Error, observer.range());
        QVERIFY_THROWS_EXCEPTION(Error, observer.observe(torch::tensor({INFINITY})));
    }
};

MF_TEST_GUILESS_MAIN(TestQuantObserver)
#include "tst_quantobserver.moc"
