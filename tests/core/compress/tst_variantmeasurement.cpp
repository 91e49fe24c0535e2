#include "core/compress/variantmeasurement.h"
#include "core/data/dataset.h"
#include "core/data/datasetstats.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <torch/torch.h>

#include <fstream>
#include <string>
#include <vector>

using namespace mf;

namespace {

/// A table dataset whose rows are the logits the identity model answers: class 0 right twice,
/// class 1 right once of two, class 2 wrong once (predicted 0).
Dataset logitDataset()
{
    Dataset dataset;
    dataset.kind = DatasetKind::Table;
    dataset.inputs = torch::tensor({3.0f, 1.0f, 0.0f, //
                                    2.0f, 0.0f, 1.0f, //
                                    0.0f, 5.0f, 1.0f, //
                                    0.0f, 1.0f, 4.0f, //
                                    2.0f, 1.0f, 0.0f})
                         .reshape({5, 3});
    dataset.labels = torch::tensor({0, 0, 1, 1, 2}, torch::kInt64);
    dataset.classNames = {"a", "b", "c"};
    dataset.featureNames = {"x", "y", "z"};
    dataset.format = "csv";
    dataset.source = "memory";
    return dataset;
}

MeasurementOptions quickOptions()
{
    MeasurementOptions options;
    options.warmup = 1;
    options.repetitionsBatch1 = 3;
    options.repetitionsBatch64 = 3;
    return options;
}

torch::Tensor identity(const torch::Tensor &input)
{
    return input;
}

} // namespace

class TestVariantMeasurement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void latencyStatistics_data()
    {
        QTest::addColumn<std::vector<double>>("samples");
        QTest::addColumn<double>("median");
        QTest::addColumn<double>("p95");
        QTest::addRow("one") << std::vector<double>{5.0} << 5.0 << 5.0;
        QTest::addRow("odd, unsorted") << std::vector<double>{9.0, 1.0, 4.0} << 4.0 << 9.0;
        QTest::addRow("even") << std::vector<double>{4.0, 1.0, 3.0, 2.0} << 2.5 << 4.0;
        std::vector<double> twenty, twentyOne, hundred;
        for (int i = 20; i >= 1; --i)
            twenty.push_back(i);
        for (int i = 1; i <= 21; ++i)
            twentyOne.push_back(i);
        for (int i = 100; i >= 1; --i)
            hundred.push_back(i);
        // Nearest rank: ceil(0.95 * 20) = 19, ceil(0.95 * 21) = ceil(19.95) = 20.
        QTest::addRow("20") << twenty << 10.5 << 19.0;
        QTest::addRow("21") << twentyOne << 11.0 << 20.0;
        QTest::addRow("100") << hundred << 50.5 << 95.0;
        QTest::addRow("one outlier")
            << std::vector<double>{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 50}
            << 1.0 << 1.0;
    }
    void latencyStatistics()
    {
        QFETCH(std::vector<double>, samples);
        QFETCH(double, median);
        QFETCH(double, p95);
        const LatencyStats stats = latencyStats(samples);
        QCOMPARE(stats.medianMs, median);
        QCOMPARE(stats.p95Ms, p95);
        QCOMPARE(stats.repetitions, static_cast<int>(samples.size()));
    }

    void latencyStatisticsNeedSamples() { QVERIFY_THROWS_EXCEPTION(ConfigError, latencyStats({})); }

    /// Warm-up calls are not timed; each timed call reads the clock before and after.
    void measureLatencyTimesWithTheGivenClock()
    {
        const std::vector<double> durations{0.004, 0.001, 0.003, 0.002, 0.010};
        std::vector<double> ticks{100.0};
        for (double d : durations) {
            ticks.push_back(ticks.back() + d);
            ticks.push_back(ticks.back() + 1.0); // time between repetitions is not counted
        }
        std::size_t next = 0;
        int calls = 0;
        const auto clock = [&] { return ticks.at(next++); };
        const auto forward = [&](const torch::Tensor &input) {
            ++calls;
            return input;
        };
        const LatencyStats stats = measureLatency(forward, torch::zeros({1, 3}), 4,
                                                  static_cast<int>(durations.size()), clock);
        QCOMPARE(calls, 4 + 5);
        QCOMPARE(next, 2 * durations.size());
        QVERIFY(qAbs(stats.medianMs - 3.0) < 1e-9);
        QVERIFY(qAbs(stats.p95Ms - 10.0) < 1e-9);
        QCOMPARE(stats.repetitions, 5);
        QVERIFY_THROWS_EXCEPTION(ConfigError, measureLatency(forward, torch::zeros({1}), 0, 0));
    }

    /// Several forwards take turns, warm-up and timed rounds alike; each timed call follows an
    /// untimed one of its own, and each forward gets its own samples.
    void measureLatenciesTakesTurns()
    {
        double now = 0.0;
        std::string calls;
        const auto clock = [&] { return now; };
        const auto taking = [&](char name, double seconds) {
            return [&, name, seconds](const torch::Tensor &input) {
                calls += name;
                now += seconds;
                return input;
            };
        };
        const std::vector<LatencyStats> stats =
            measureLatencies({taking('a', 0.001), taking('b', 0.003), taking('c', 0.002)},
                             torch::zeros({1}), 2, 3, clock);
        // Two warm-up rounds, then three rounds of an untimed and a timed call each.
        QCOMPARE(QString::fromStdString(calls), QString("abcabcaabbccaabbccaabbcc"));
        QCOMPARE(stats.size(), std::size_t(3));
        QVERIFY(qAbs(stats[0].medianMs - 1.0) < 1e-9);
        QVERIFY(qAbs(stats[1].medianMs - 3.0) < 1e-9);
        QVERIFY(qAbs(stats[2].medianMs - 2.0) < 1e-9);
        QCOMPARE(stats[1].repetitions, 3);
    }

    void countsParameters()
    {
        const torch::Tensor weight = torch::tensor({0.0f, 1.5f, 0.0f, -2.0f, 0.0f, 3.0f});
        const torch::Tensor bias = torch::zeros({4});
        const ParameterCount count = countParameters({weight.reshape({2, 3}), bias, {}});
        QCOMPARE(count.total, std::int64_t(10));
        QCOMPARE(count.nonZero, std::int64_t(3));

        // int8: an element equal to the zero point is a zero weight.
        const torch::Tensor quantized = torch::quantize_per_tensor(
            torch::tensor({0.0f, 0.5f, 0.0f, -0.5f}), 0.5, 3, torch::kQInt8);
        const ParameterCount q = countParameters({quantized});
        QCOMPARE(q.total, std::int64_t(4));
        QCOMPARE(q.nonZero, std::int64_t(2));
        QCOMPARE(countParameters({}).total, std::int64_t(0));
    }

    void accuracyAndPerClassAccuracy()
    {
        const Dataset dataset = logitDataset();
        MeasurementOptions options = quickOptions();
        options.evalBatchSize = 2; // three batches, the last one partial
        const VariantMeasurement m = measureVariant("identity", identity, {3}, dataset, {},
                                                    writeFile("identity.pt", 10), {}, options);
        QCOMPARE(m.testSamples, std::int64_t(5));
        QCOMPARE(m.accuracy, 3.0 / 5.0);
        QCOMPARE(m.classAccuracy, (std::vector<double>{1.0, 0.5, 0.0}));
        QCOMPARE(m.classNames, dataset.classNames);
        const std::vector<std::vector<std::int64_t>> confusion{{2, 0, 0}, {0, 1, 1}, {1, 0, 0}};
        QCOMPARE(m.confusion, confusion);
    }

    /// The model sees the test set as it was trained on it: [0, 1] pixels, then (x - mean) / std.
    void evaluationNormalisesLikeTraining()
    {
        Dataset dataset;
        dataset.kind = DatasetKind::Image;
        dataset.inputs = torch::tensor({0, 51, 102, 255}, torch::kUInt8).reshape({1, 1, 2, 2});
        dataset.labels = torch::tensor({1}, torch::kInt64);
        dataset.classNames = {"zero", "one"};
        dataset.source = "memory";
        ChannelStats stats{{0.2}, {0.5}};
        torch::Tensor seen;
        const auto forward = [&](const torch::Tensor &input) {
            if (!seen.defined())
                seen = input.clone();
            return torch::tensor({0.0f, 1.0f}).expand({input.size(0), 2});
        };
        const VariantMeasurement m = measureVariant("probe", forward, {1, 2, 2}, dataset, stats,
                                                    writeFile("probe.pt", 1), {}, quickOptions());
        const torch::Tensor expected =
            (torch::tensor({0.0f, 0.2f, 0.4f, 1.0f}).reshape({1, 1, 2, 2}) - 0.2) / 0.5;
        QVERIFY(torch::allclose(seen, expected, 1e-5, 1e-6));
        QCOMPARE(m.accuracy, 1.0);
    }

    /// Timing runs on seeded random normal batches of 1 and 64, not on the dataset.
    void timesSeededRandomBatches()
    {
        std::vector<torch::Tensor> inputs;
        const auto forward = [&](const torch::Tensor &input) {
            inputs.push_back(input.clone());
            return torch::zeros({input.size(0), 3});
        };
        const Dataset dataset = logitDataset();
        const std::string file = writeFile("random.pt", 1);
        const MeasurementOptions options = quickOptions();
        measureVariant("a", forward, {3}, dataset, {}, file, {}, options);
        const std::vector<torch::Tensor> first = inputs;
        inputs.clear();
        measureVariant("b", forward, {3}, dataset, {}, file, {}, options);
        QCOMPARE(inputs.size(), first.size());
        int singles = 0, larges = 0;
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            QVERIFY(torch::equal(inputs[i], first[i]));
            if (inputs[i].sizes() == torch::IntArrayRef{1, 3})
                ++singles;
            if (inputs[i].sizes() == torch::IntArrayRef{64, 3}) {
                ++larges;
                QVERIFY(inputs[i].std().item<double>() > 0.5);
            }
        }
        QCOMPARE(singles, options.warmup + options.repetitionsBatch1);
        QCOMPARE(larges, options.warmup + options.repetitionsBatch64);
    }

    void reportsMachineFileAndParameters()
    {
        const std::string file = writeFile("variant.pt", 1234);
        const torch::Tensor weight = torch::tensor({0.0f, 1.0f, 2.0f});
        MeasurementOptions options = quickOptions();
        options.repetitionsBatch1 = 5;
        options.repetitionsBatch64 = 4;
        const VariantMeasurement m =
            measureVariant("v", identity, {3}, logitDataset(), {}, file, {weight}, options);
        QCOMPARE(m.name, std::string("v"));
        QCOMPARE(m.fileBytes, std::uint64_t(1234));
        QCOMPARE(m.parameters, std::int64_t(3));
        QCOMPARE(m.nonZeroParameters, std::int64_t(2));
        QCOMPARE(m.threads, at::get_num_threads());
        QVERIFY(!m.processor.empty());
        QCOMPARE(m.warmup, 1);
        QCOMPARE(m.batch1.repetitions, 5);
        QCOMPARE(m.batch64.repetitions, 4);
        QVERIFY(m.batch1.p95Ms >= m.batch1.medianMs);
        // A clock coarser than one identity call may read 0: throughput is then 0, not infinite.
        if (m.batch64.medianMs > 0.0)
            QVERIFY(qAbs(m.throughput - 64.0 / (m.batch64.medianMs / 1000.0)) <
                    1e-6 * m.throughput);
        else
            QCOMPARE(m.throughput, 0.0);
    }

    void missingFileIsNamed()
    {
        const std::string missing = m_dir.filePath("absent.pt").toStdString();
        try {
            measureVariant("v", identity, {3}, logitDataset(), {}, missing, {}, quickOptions());
            QFAIL("no error for a missing file");
        } catch (const DataError &error) {
            QCOMPARE(error.file(), missing);
            QVERIFY(std::string(error.what()).find(missing) != std::string::npos);
        }
    }

    void shapeMustFitTheTestSet()
    {
        QVERIFY_THROWS_EXCEPTION(ConfigError,
                                 measureVariant("v", identity, {4}, logitDataset(), {},
                                                writeFile("shape.pt", 1), {}, quickOptions()));
    }

    void deltaAgainstTheSource()
    {
        VariantMeasurement source;
        source.accuracy = 0.90;
        source.classAccuracy = {1.0, 0.8};
        source.fileBytes = 4000;
        source.batch1.medianMs = 2.0;
        source.batch64.medianMs = 30.0;
        VariantMeasurement variant = source;
        variant.accuracy = 0.885;
        variant.classAccuracy = {0.95, 0.82};
        variant.fileBytes = 1000;
        variant.batch1.medianMs = 1.0;
        variant.batch64.medianMs = 12.0;
        const VariantDelta delta = variant.deltaAgainst(source);
        QVERIFY(qAbs(delta.accuracyPoints - (-1.5)) < 1e-9);
        QCOMPARE(delta.classAccuracyPoints.size(), std::size_t(2));
        QVERIFY(qAbs(delta.classAccuracyPoints[0] - (-5.0)) < 1e-9);
        QVERIFY(qAbs(delta.classAccuracyPoints[1] - 2.0) < 1e-9);
        QCOMPARE(delta.sizeRatio, 0.25);
        QCOMPARE(delta.speedupBatch1, 2.0);
        QCOMPARE(delta.speedupBatch64, 2.5);

        variant.classAccuracy = {1.0};
        variant.batch64.medianMs = 0.0;
        const VariantDelta other = variant.deltaAgainst(source);
        QVERIFY(other.classAccuracyPoints.empty());
        QCOMPARE(other.speedupBatch64, 0.0);
    }

private:
    std::string writeFile(const QString &name, int bytes)
    {
        const std::string path = m_dir.filePath(name).toStdString();
        std::ofstream out(path, std::ios::binary);
        out << std::string(static_cast<std::size_t>(bytes), 'x');
        return path;
    }

    QTemporaryDir m_dir;
};

MF_TEST_GUILESS_MAIN(TestVariantMeasurement)
#include "tst_variantmeasurement.moc"
