#include "core/roi/scenariojson.h"
#include "core/roi/scenariotemplates.h"
#include "core/util/error.h"
#include "tests/core/roi/roitestscenario.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <limits>

using namespace mf::roi;

namespace {

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof(double)) == 0;
}

bool sameMatrix(const std::vector<std::vector<double>> &a,
                const std::vector<std::vector<double>> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].size() != b[i].size())
            return false;
        for (std::size_t j = 0; j < a[i].size(); ++j)
            if (!sameBits(a[i][j], b[i][j]))
                return false;
    }
    return true;
}

/// Every field, doubles compared bit for bit.
bool identical(const Scenario &a, const Scenario &b)
{
    if (a.name != b.name || a.currency != b.currency || a.notes != b.notes ||
        a.sourceRuns != b.sourceRuns || a.inputs.size() != b.inputs.size())
        return false;
    for (const auto &[key, in] : a.inputs) {
        const auto other = b.inputs.find(key);
        if (other == b.inputs.end())
            return false;
        const Input &out = other->second;
        if (!sameBits(in.value, out.value) || !sameBits(in.low, out.low) ||
            !sameBits(in.high, out.high) || in.distribution != out.distribution ||
            in.source != out.source || in.asOf != out.asOf)
            return false;
    }
    const PredictionValue &p = a.predictionValue;
    const PredictionValue &q = b.predictionValue;
    return p.classes == q.classes && sameMatrix(p.benefit, q.benefit) &&
           sameMatrix(p.confusion, q.confusion) && p.confusionSource == q.confusionSource &&
           p.benefitSource == q.benefitSource;
}

/// Doubles that a careless writer (fixed digits, %g) would change.
Scenario awkwardScenario()
{
    Scenario s;
    s.name = "Zürich \"pilot\" — v2\n(draft)";
    s.currency = "CHF";
    s.notes = "Line one.\nLine two with a tab\tand a backslash \\.";
    s.sourceRuns = {12, 7, 2147483647};
    Input rate = test::rangedInput(0.1, 1.0 / 3.0, 0.7, Distribution::Pert);
    rate.source = "assumption: board's hurdle rate";
    rate.asOf = "2026-12-05";
    s.inputs["general.discountRateAnnual"] = rate;
    s.inputs["serving.requestsPerDay"] =
        test::rangedInput(5e-324, 0.1 + 0.2, 1.7976931348623157e308);
    s.inputs["operations.perMonth"] = certainInput(-0.0, "zero with a sign");
    s.inputs["training.flopsPerRun"] = test::rangedInput(1e19, 6.02214076e23, 1e30);
    s.inputs["capital.hardware"] = certainInput(M_PI);
    s.inputs["general.horizonMonths"] = certainInput(60);
    s.predictionValue.classes = {"good loan", "bad loan"};
    s.predictionValue.benefit = {{0.0, -800.125}, {1e-17, 4500.0 / 7.0}};
    s.predictionValue.confusion = {{874, 46}, {28, 52}};
    s.predictionValue.confusionSource = "run 12, test set (1000 items)";
    s.predictionValue.benefitSource = "LGD 45 %";
    return s;
}

const char *const kMinimalHead =
    R"({"format": "modelforge-roi-scenario", "version": 1, "name": "n", "currency": "USD", )";

} // namespace

class TestRoiScenarioJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripIsExact()
    {
        const Scenario original = awkwardScenario();
        const std::string text = scenarioToJsonText(original);
        const Scenario back = scenarioFromJsonText(text, "awkward.json");
        QVERIFY(identical(original, back));
        QCOMPARE(scenarioToJsonText(back), text);
        QVERIFY(identical(original, scenarioFromJson(scenarioToJson(original), "x")));
        QVERIFY(std::signbit(back.inputs.at("operations.perMonth").value));
    }

    void writesFormatAndVersion()
    {
        const nlohmann::json j = scenarioToJson(Scenario());
        QCOMPARE(QString::fromStdString(j.at("format").get<std::string>()),
                 QStringLiteral("modelforge-roi-scenario"));
        QCOMPARE(j.at("version").get<int>(), 1);
    }

    void everyTemplateRoundTrips()
    {
        for (const ScenarioTemplate &t : scenarioTemplates()) {
            const std::string text = scenarioToJsonText(t.scenario);
            const Scenario back = scenarioFromJsonText(text, t.id);
            QVERIFY2(identical(t.scenario, back), t.id.c_str());
            QCOMPARE(scenarioToJsonText(back), text);
        }
    }

    void fileRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("scenario.json")).toStdString();
        const Scenario original = tutoringTemplate();
        writeScenarioFile(path, original);
        QVERIFY(identical(original, readScenarioFile(path)));
    }

    void minimalFileTakesDefaults()
    {
        const Scenario s = scenarioFromJsonText(
            std::string(kMinimalHead) + R"("inputs": {"serving.latencyMs": {"value": 12}}})", "m");
        const Input in = s.inputs.at("serving.latencyMs");
        QCOMPARE(in.value, 12.0);
        QCOMPARE(in.low, 12.0);
        QCOMPARE(in.high, 12.0);
        QVERIFY(in.distribution == Distribution::Fixed);
        QVERIFY(s.predictionValue.benefit.empty());
    }

    void cannotSaveWhatCannotBeRead()
    {
        Scenario s;
        s.setValue("operations.perMonth", std::numeric_limits<double>::quiet_NaN());
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, scenarioToJsonText(s));
        Scenario unknown;
        unknown.inputs["no.such.key"] = certainInput(1);
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, scenarioToJson(unknown));
    }

    void badFilesNameKeyAndReason_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("reason");
        const QString head = QString::fromUtf8(kMinimalHead);
        const auto withInputs = [&](const char *inputs) {
            return head + QStringLiteral(R"("inputs": %1})").arg(QString::fromUtf8(inputs));
        };
        QTest::newRow("not JSON") << "{\"format\": "
                                  << "offset"
                                  << "not valid JSON";
        QTest::newRow("not an object") << "[1, 2]"
                                       << ""
                                       << "must be an object";
        QTest::newRow("other format")
            << R"({"format": "something-else", "version": 1, "name": "n", "currency": "USD",
                  "inputs": {}})"
            << "format"
            << "not \"modelforge-roi-scenario\"";
        QTest::newRow("no format") << R"({"version": 1, "name": "n", "inputs": {}})"
                                   << "format"
                                   << "missing";
        QTest::newRow("no version")
            << R"({"format": "modelforge-roi-scenario", "name": "n", "inputs": {}})"
            << "version"
            << "missing";
        QTest::newRow("newer version")
            << R"({"format": "modelforge-roi-scenario", "version": 2, "name": "n",
                  "currency": "USD", "inputs": {}})"
            << "version"
            << "newer than this program reads";
        QTest::newRow("no name")
            << R"({"format": "modelforge-roi-scenario", "version": 1, "currency": "USD",
                  "inputs": {}})"
            << "name"
            << "missing";
        QTest::newRow("no inputs") << head.chopped(2) + "}"
                                   << "inputs"
                                   << "missing";
        QTest::newRow("unknown key") << head + R"("inputs": {}, "colour": "red"})"
                                     << "colour"
                                     << "unknown key";
        QTest::newRow("unknown input")
            << withInputs(R"({"serving.colour": {"value": 1}})") << "serving.colour"
            << "unknown input";
        QTest::newRow("unknown field")
            << withInputs(R"({"serving.latencyMs": {"value": 1, "mean": 2}})")
            << "serving.latencyMs.mean"
            << "unknown field";
        QTest::newRow("missing value")
            << withInputs(R"({"serving.latencyMs": {"low": 1}})") << "serving.latencyMs.value"
            << "missing";
        QTest::newRow("wrong type")
            << withInputs(R"({"serving.latencyMs": {"value": "ten"}})") << "serving.latencyMs.value"
            << "must be a number, not string";
        QTest::newRow("input not an object")
            << withInputs(R"({"serving.latencyMs": 5})") << "serving.latencyMs"
            << "must be an object";
        QTest::newRow("null") << withInputs(R"({"serving.latencyMs": {"value": null}})")
                              << "serving.latencyMs.value"
                              << "null";
        QTest::newRow("bare NaN") << withInputs(
                                         R"({"serving.latencyMs": {"value": 1, "high": NaN}})")
                                  << "serving.latencyMs.high"
                                  << "is NaN";
        QTest::newRow("bare Infinity")
            << withInputs(R"({"serving.latencyMs": {"value": -Infinity}})")
            << "serving.latencyMs.value"
            << "infinite";
        QTest::newRow("distribution")
            << withInputs(R"({"serving.latencyMs": {"value": 1, "distribution": "normal"}})")
            << "serving.latencyMs.distribution"
            << "fixed, triangular or pert";
        QTest::newRow("source type")
            << withInputs(R"({"serving.latencyMs": {"value": 1, "source": 3}})")
            << "serving.latencyMs.source"
            << "must be a string";
        QTest::newRow("matrix cell")
            << head + R"("inputs": {}, "predictionValue": {"benefit": [[1, "x"]]}})"
            << "predictionValue.benefit[0][1]"
            << "must be a number";
        QTest::newRow("matrix row")
            << head + R"("inputs": {}, "predictionValue": {"confusion": [1]}})"
            << "predictionValue.confusion[0]"
            << "must be an array";
        QTest::newRow("prediction key")
            << head + R"("inputs": {}, "predictionValue": {"weights": []}})"
            << "predictionValue.weights"
            << "unknown key";
        QTest::newRow("source run") << head + R"("inputs": {}, "sourceRuns": [3, 1.5]})"
                                    << "sourceRuns[1]"
                                    << "whole number";
    }

    void badFilesNameKeyAndReason()
    {
        QFETCH(QString, text);
        QFETCH(QString, where);
        QFETCH(QString, reason);
        try {
            scenarioFromJsonText(text.toStdString(), "bad.json");
            QFAIL("a bad file was read");
        } catch (const mf::DataError &error) {
            const QString message = QString::fromUtf8(error.what());
            QCOMPARE(QString::fromStdString(error.file()), QStringLiteral("bad.json"));
            QVERIFY2(QString::fromStdString(error.where()).startsWith(where), qPrintable(message));
            if (!where.isEmpty() && !where.startsWith(QLatin1String("offset")))
                QCOMPARE(QString::fromStdString(error.where()), where);
            QVERIFY2(QString::fromStdString(error.reason()).contains(reason), qPrintable(message));
        }
    }
};

MF_TEST_APPLESS_MAIN(TestRoiScenarioJson)
#include "tst_roiscenariojson.moc"
