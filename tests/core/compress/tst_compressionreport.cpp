#include "core/compress/compressionreport.h"
#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <sstream>
#include <string>
#include <vector>

using namespace mf;

namespace {

VariantMeasurement measurement(const std::string &name, double accuracy, std::uint64_t bytes,
                               double b1, double b64)
{
    VariantMeasurement m;
    m.name = name;
    m.parameters = 44426;
    m.nonZeroParameters = 22213;
    m.fileBytes = bytes;
    m.batch1 = {b1, b1 * 1.25, 100};
    m.batch64 = {b64, b64 * 1.1, 30};
    m.warmup = 5;
    m.threads = 2;
    m.throughput = 64.0 / (b64 / 1000.0);
    m.accuracy = accuracy;
    m.classAccuracy = {accuracy + 0.01, accuracy - 0.01};
    m.classNames = {"cat", "dog, \"big\""};
    m.confusion = {{40, 10}, {7, 43}};
    m.testSamples = 100;
    m.processor = "AMD EPYC 7B13";
    return m;
}

CompressionReport sampleReport()
{
    CompressionReport report;
    report.source = measurement("lenet", 0.9123456789, 178000, 0.31, 4.7);
    ReportedVariant sparse;
    sparse.measurement = measurement("lenet, \"pruned\" 50%", 0.905, 90000, 0.30, 4.6);
    sparse.technique = "unstructured magnitude pruning";
    sparse.notes = {"unstructured sparsity saves space, not time, on this CPU"};
    report.variants.push_back(sparse);
    ReportedVariant mixed;
    mixed.measurement = measurement("lenet int8", 0.9, 52000, 0.2, 2.35);
    mixed.technique = "static int8, histogram calibration";
    mixed.notes = {"conv1 stays fp32", "line\nbreak"};
    mixed.layers = {{"conv1", "fp32", 0.9, 0.7, 0.85, "int8 slower and costs 6 points"},
                    {"fc1", "int8", 0.1, 0.3, -1.0, "faster; accuracy not measured"}};
    report.variants.push_back(mixed);
    return report;
}

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> result;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        result.push_back(line);
    return result;
}

} // namespace

class TestCompressionReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void jsonRoundTrips()
    {
        const CompressionReport report = sampleReport();
        const nlohmann::json json = report.toJson();
        const CompressionReport back = CompressionReport::fromJson(json);
        QCOMPARE(back.toJson(), json);
        QCOMPARE(back.source.accuracy, report.source.accuracy);
        QCOMPARE(back.source.fileBytes, report.source.fileBytes);
        QCOMPARE(back.source.confusion, report.source.confusion);
        QCOMPARE(back.variants.size(), std::size_t(2));
        QCOMPARE(back.variants[0].measurement.name, report.variants[0].measurement.name);
        QCOMPARE(back.variants[0].notes, report.variants[0].notes);
        QCOMPARE(back.variants[1].layers.size(), std::size_t(2));
        QCOMPARE(back.variants[1].layers[0].reason, report.variants[1].layers[0].reason);
        QCOMPARE(back.variants[1].layers[1].int8Millis, 0.1);
        QCOMPARE(back.variants[1].layers[1].accuracyAlone, -1.0); // not measured survives
        QCOMPARE(back.variants[1].measurement.batch64.p95Ms,
                 report.variants[1].measurement.batch64.p95Ms);
        QCOMPARE(json["variants"][1]["delta"]["speedup_batch64"].get<double>(), 2.0);
    }

    void fileRoundTrips()
    {
        const CompressionReport report = sampleReport();
        const std::string path = m_dir.filePath("report.json").toStdString();
        report.writeJson(path);
        QCOMPARE(CompressionReport::readJson(path).toJson(), report.toJson());

        const std::string csvPath = m_dir.filePath("report.csv").toStdString();
        report.writeCsv(csvPath);
        QCOMPARE(readWholeFile(csvPath), report.toCsv());
    }

    void csvQuotesText()
    {
        const std::vector<std::string> rows = lines(sampleReport().toCsv());
        QCOMPARE(rows.size(), std::size_t(4)); // the note's line break is not in the CSV
        QCOMPARE(rows[0], std::string(CompressionReport::csvHeader()));
        QCOMPARE(rows[1], std::string("lenet,source,44426,22213,178000,0.31,0.3875,4.7,5.17,"
                                      "13617,91.2346,0,1,1"));
        QVERIFY(rows[2].rfind("\"lenet, \"\"pruned\"\" 50%\",unstructured magnitude pruning,", 0) ==
                0);
        QVERIFY(rows[3].rfind("lenet int8,\"static int8, histogram calibration\",", 0) == 0);
        QVERIFY(rows[3].size() > 0 && rows[3].substr(rows[3].rfind(',')) == ",2");
    }

    void rejectsMalformedReports()
    {
        nlohmann::json json = sampleReport().toJson();
        json["variants"][1]["measurement"]["batch1"]["median_ms"] = "fast";
        try {
            CompressionReport::fromJson(json);
            QFAIL("no error for a string latency");
        } catch (const ConfigError &error) {
            QVERIFY2(std::string(error.what()).find("variants[1].measurement.batch1.median_ms") !=
                         std::string::npos,
                     error.what());
        }
        nlohmann::json newer = sampleReport().toJson();
        newer["format_version"] = CompressionReport::kFormatVersion + 1;
        QVERIFY_THROWS_EXCEPTION(ConfigError, CompressionReport::fromJson(newer));
        QVERIFY_THROWS_EXCEPTION(ConfigError, CompressionReport::fromJson(nlohmann::json::array()));

        const std::string path = m_dir.filePath("broken.json").toStdString();
        writeFileAtomically(path, "{\"source\": ");
        QVERIFY_THROWS_EXCEPTION(DataError, CompressionReport::readJson(path));
        QVERIFY_THROWS_EXCEPTION(DataError, CompressionReport::readJson(path + ".absent"));
    }

private:
    QTemporaryDir m_dir;
};

MF_TEST_GUILESS_MAIN(TestCompressionReport)
#include "tst_compressionreport.moc"
