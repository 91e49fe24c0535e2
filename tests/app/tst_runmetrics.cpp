#include "app/gui/store/runmetrics.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

using mf::MetricPoint;
using mf::RunMetricSeries;

namespace {

const RunMetricSeries *find(const QVector<RunMetricSeries> &series, const char *key)
{
    for (const RunMetricSeries &entry : series)
        if (entry.key == QLatin1String(key))
            return &entry;
    return nullptr;
}

/// Per-step "train_loss" for steps [first, last] of `epoch`.
void addSteps(std::vector<MetricPoint> &points, int epoch, std::int64_t first, std::int64_t last)
{
    for (std::int64_t step = first; step <= last; ++step)
        points.push_back({"train_loss", step, epoch, double(step), 1.0 / double(step)});
}

} // namespace

class TestRunMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fractionalEpochs_data()
    {
        QTest::addColumn<qint64>("step");
        QTest::addColumn<double>("epoch");
        // Epoch 1 ends at step 4, epoch 2 at step 10 (a longer epoch), epoch 3 is running.
        QTest::newRow("first step") << qint64(1) << 0.25;
        QTest::newRow("end of epoch 1") << qint64(4) << 1.0;
        QTest::newRow("first of epoch 2") << qint64(5) << 1.0 + 1.0 / 6.0;
        QTest::newRow("middle of epoch 2") << qint64(7) << 1.5;
        QTest::newRow("end of epoch 2") << qint64(10) << 2.0;
        // The running epoch is taken to be as long as the one before it (6 steps).
        QTest::newRow("running epoch") << qint64(13) << 2.5;
    }

    void fractionalEpochs()
    {
        QFETCH(qint64, step);
        QFETCH(double, epoch);
        std::vector<MetricPoint> points;
        addSteps(points, 1, 1, 4);
        addSteps(points, 2, 5, 10);
        addSteps(points, 3, 11, 13);
        points.push_back({"val_accuracy", 4, 1, 4.0, 0.5});
        points.push_back({"val_accuracy", 10, 2, 10.0, 0.6});
        const QVector<RunMetricSeries> series = mf::buildMetricSeries(points);
        QCOMPARE(series.size(), 2);
        const RunMetricSeries *loss = find(series, "train_loss");
        QVERIFY(loss);
        QVERIFY(!loss->perEpoch);
        QCOMPARE(loss->samples.size(), 13);
        const mf::MetricSample &sample = loss->samples[int(step - 1)];
        QCOMPARE(sample.step, double(step));
        QCOMPARE(sample.epoch, epoch);
        QCOMPARE(sample.wallSeconds, double(step));
        QCOMPARE(sample.value, 1.0 / double(step));
    }

    void perEpochSeriesSitAtTheirEpochsEnd()
    {
        std::vector<MetricPoint> points;
        // Out of order on purpose: the store orders by key, a caller may not.
        points.push_back({"val_loss", 20, 2, 2.0, 0.4});
        points.push_back({"val_loss", 10, 1, 1.0, 0.5});
        addSteps(points, 1, 1, 10);
        addSteps(points, 2, 11, 20);
        const QVector<RunMetricSeries> series = mf::buildMetricSeries(points);
        const RunMetricSeries *val = find(series, "val_loss");
        QVERIFY(val);
        QVERIFY(val->perEpoch);
        QCOMPARE(val->samples.size(), 2);
        QCOMPARE(val->samples[0].step, 10.0);
        QCOMPARE(val->samples[0].epoch, 1.0);
        QCOMPARE(val->samples[1].epoch, 2.0);
        QCOMPARE(val->samples[1].value, 0.4);
    }

    void withoutPerEpochKeysTheLastStepEndsTheEpoch()
    {
        std::vector<MetricPoint> points;
        addSteps(points, 1, 1, 5);
        addSteps(points, 2, 6, 10);
        const QVector<RunMetricSeries> series = mf::buildMetricSeries(points);
        QCOMPARE(series.size(), 1);
        QCOMPARE(series[0].samples[4].epoch, 1.0);
        QCOMPARE(series[0].samples[5].epoch, 1.2);
        QCOMPARE(series[0].samples[9].epoch, 2.0);
    }

    void emptyInputGivesNoSeries() { QVERIFY(mf::buildMetricSeries({}).isEmpty()); }

    void seriesNames()
    {
        QCOMPARE(mf::comparisonSeriesName(12, QStringLiteral("train_loss")),
                 QStringLiteral("#12 train_loss"));
    }
};

MF_TEST_GUILESS_MAIN(TestRunMetrics)
#include "tst_runmetrics.moc"
