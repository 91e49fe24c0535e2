#include "core/roi/bass.h"
#include "core/roi/compiledscenario.h"
#include "core/roi/inputcatalogue.h"
#include "core/roi/projection.h"
#include "core/roi/scenariotemplates.h"
#include "core/util/error.h"
#include "tests/core/roi/roitestscenario.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <cmath>
#include <functional>
#include <limits>

using namespace mf::roi;
using mf::roi::test::quietScenario;
using mf::roi::test::rangedInput;

namespace {

bool close(double actual, double expected, double tolerance = 1e-9)
{
    return std::fabs(actual - expected) <= tolerance * std::max(1.0, std::fabs(expected));
}

#define QVERIFY_CLOSE(actual, expected)                                                            \
    QVERIFY2(                                                                                      \
        close((actual), (expected)),                                                               \
        qPrintable(                                                                                \
            QStringLiteral("%1 != %2").arg((actual), 0, 'g', 17).arg((expected), 0, 'g', 17)))

const std::vector<double> &cost(const Projection &p, const char *name)
{
    return p.costs.at(name);
}

const std::vector<double> &revenue(const Projection &p, const char *name)
{
    return p.revenue.at(name);
}

/// 864,000 requests a day = 10 requests/s on average; x 3 at peak = 30 requests/s.
Scenario servingScenario()
{
    Scenario s = quietScenario();
    s.setValue("serving.requestsPerDay", 864000);
    s.setValue("serving.peakFactor", 3);
    s.setValue("serving.throughputPerInstance", 8);
    s.setValue("serving.targetUtilisation", 0.75);
    s.setValue("serving.redundancy", 1);
    s.setValue("serving.pricePerInstanceHour", 0.5);
    s.setValue("serving.instanceKw", 0);
    return s;
}

bool allFinite(const Projection &p)
{
    auto finite = [](const std::vector<double> &v) {
        return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
    };
    for (const auto &entry : p.costs)
        if (!finite(entry.second))
            return false;
    for (const auto &entry : p.revenue)
        if (!finite(entry.second))
            return false;
    return finite(p.netFlow) && finite(p.cumulative) && finite(p.mrr) && finite(p.customers);
}

bool hasProblem(const std::vector<InputProblem> &problems, const std::string &key,
                const QString &reasonPart)
{
    for (const auto &problem : problems)
        if (problem.key == key && QString::fromStdString(problem.reason).contains(reasonPart))
            return true;
    return false;
}

QString listed(const std::vector<InputProblem> &problems)
{
    QStringList lines;
    for (const auto &problem : problems)
        lines << QString::fromStdString(problem.key + ": " + problem.reason);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

Q_DECLARE_METATYPE(std::function<void(mf::roi::Scenario &)>)

class TestRoiProjection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void catalogueKeysAreUniqueAndDefaultsValid()
    {
        const auto &catalogue = inputCatalogue();
        for (std::size_t i = 0; i < catalogue.size(); ++i) {
            QCOMPARE(inputIndex(catalogue[i].key), static_cast<int>(i));
            QVERIFY(findInput(catalogue[i].key) == &catalogue[i]);
            QVERIFY(!catalogue[i].label.empty());
            QVERIFY(!catalogue[i].tooltip.empty());
        }
        QCOMPARE(inputIndex("no.such.key"), -1);
        const auto problems = validate(Scenario());
        QVERIFY2(problems.empty(), qPrintable(listed(problems)));
    }

    void servingInstancesAndCostPerThousand()
    {
        // 30 requests/s at peak / (8 requests/s x 75 % = 6 per instance) = 5 instances exactly,
        // + 1 spare = 6. 6 x 730.5 h x 0.5 = 2,191.5 a month. Requests a month: 864,000 x
        // 30.4375 = 26,298,000, so per 1,000 requests 2,191.5 / 26,298 = 0.08333... (1/12).
        const Scenario s = servingScenario();
        const Projection p = project(s);
        QCOMPARE(p.instances.front(), 6.0);
        QVERIFY_CLOSE(cost(p, "Serving").front(), 2191.5);
        QVERIFY_CLOSE(p.requests.front(), 26298000.0);
        const KeyFigures k = keyFigures(s, p);
        QCOMPARE(k.servingInstances, 6);
        QVERIFY_CLOSE(k.servingCostPerMonth, 2191.5);
        QVERIFY_CLOSE(k.costPerThousandRequests, 1.0 / 12.0);
    }

    void servingRoundsUpAndFallsBackOnLatency()
    {
        // 892,800 a day = 10.333 requests/s, x 3 = 31 at peak; 31 / 6 = 5.17 -> 6 busy + 1.
        Scenario s = servingScenario();
        s.setValue("serving.requestsPerDay", 892800);
        QCOMPARE(keyFigures(s, project(s)).servingInstances, 7);
        // No throughput: 1000 / 250 ms = 4 requests/s; x 50 % = 2; 30 / 2 = 15 busy + 1 = 16.
        s = servingScenario();
        s.setValue("serving.throughputPerInstance", 0);
        s.setValue("serving.latencyMs", 250);
        s.setValue("serving.targetUtilisation", 0.5);
        QCOMPARE(keyFigures(s, project(s)).servingInstances, 16);
    }

    void servingEnergyAndApiMargin()
    {
        // 6 instances x 730.5 h x 0.4 kW x PUE 1.5 x 0.2 per kWh = 525.96 a month.
        Scenario s = servingScenario();
        s.setValue("serving.instanceKw", 0.4);
        s.setValue("energy.pue", 1.5);
        s.setValue("energy.pricePerKwh", 0.2);
        // API: 26,298 thousand calls x 0.25 = 6,574.5 a month; serving 2,191.5 + 525.96.
        s.setValue("api.pricePerThousand", 0.25);
        const Projection p = project(s);
        QVERIFY_CLOSE(p.servingEnergy.front(), 525.96);
        QVERIFY_CLOSE(cost(p, "Energy").front(), 525.96);
        QVERIFY_CLOSE(revenue(p, "API usage").front(), 6574.5);
        const KeyFigures k = keyFigures(s, p);
        QVERIFY_CLOSE(k.servingCostPerMonth, 2191.5 + 525.96);
        QVERIFY_CLOSE(k.apiGrossMargin, (6574.5 - 2191.5 - 525.96) / 6574.5);
    }

    void trainingAndEnergyCost()
    {
        // 10 h x 4 devices = 40 device-hours a run; x 2.5 = 100 a run. 6 runs a year = 0.5 a
        // month -> 50; month 0 adds 2 development runs -> 2.5 runs = 250. Energy: 40 device-h
        // x 0.5 kW x PUE 1.5 x 0.2 = 6 a run -> 3 a month, 15 in month 0.
        Scenario s = quietScenario();
        s.setValue("training.deviceHoursPerRun", 10);
        s.setValue("training.devices", 4);
        s.setValue("training.pricePerDeviceHour", 2.5);
        s.setValue("training.runsPerYear", 6);
        s.setValue("training.initialRuns", 2);
        s.setValue("training.deviceKw", 0.5);
        s.setValue("energy.pue", 1.5);
        s.setValue("energy.pricePerKwh", 0.2);
        const Projection p = project(s);
        QVERIFY_CLOSE(cost(p, "Training")[0], 250.0);
        QVERIFY_CLOSE(cost(p, "Training")[1], 50.0);
        QVERIFY_CLOSE(cost(p, "Energy")[0], 15.0);
        QVERIFY_CLOSE(cost(p, "Energy")[1], 3.0);
        const KeyFigures k = keyFigures(s, p);
        QVERIFY_CLOSE(k.deviceHoursPerRun, 40.0);
        QVERIFY_CLOSE(k.trainingCostPerRun, 100.0);
        QVERIFY_CLOSE(k.energyCostPerRun, 6.0);
    }

    void trainingEstimateFromFlops()
    {
        // 6 x 1e9 parameters x 1e10 tokens = 6e19 FLOPs; / (1e14 FLOP/s x 50 %) = 1.2e6 s
        // = 333.33 device-hours, whatever the device count.
        Scenario s = quietScenario();
        s.setValue("training.parameters", 1e9);
        s.setValue("training.tokens", 1e10);
        s.setValue("training.peakFlopsPerSecond", 1e14);
        s.setValue("training.utilisation", 0.5);
        s.setValue("training.devices", 8);
        s.setValue("training.runsPerYear", 12);
        s.setValue("training.pricePerDeviceHour", 3);
        const KeyFigures k = keyFigures(s, project(s));
        QVERIFY_CLOSE(k.deviceHoursPerRun, 1.2e6 / 3600.0);
        QVERIFY_CLOSE(k.trainingCostPerRun, 1000.0);
        // An explicit FLOPs figure wins over 6 x parameters x tokens: 1.8e19 / 5e13 / 3600 = 100.
        s.setValue("training.flopsPerRun", 1.8e19);
        QVERIFY_CLOSE(keyFigures(s, project(s)).deviceHoursPerRun, 100.0);
    }

    void depreciationInTco()
    {
        // 12,000 of hardware, 2,400 salvage, 24 months: (12,000 - 2,400) / 24 = 400 a month.
        // Over 12 months: 4,800 of depreciation + 12 x 1,000 of operations = 16,800. The cash
        // flow pays the 12,000 in month 0.
        Scenario s = quietScenario(12);
        s.setValue("capital.hardware", 12000);
        s.setValue("capital.salvage", 2400);
        s.setValue("capital.lifeMonths", 24);
        s.setValue("operations.perMonth", 1000);
        Projection p = project(s);
        QVERIFY_CLOSE(p.depreciation.front(), 400.0);
        QVERIFY_CLOSE(cost(p, "Capital")[0], 12000.0);
        QCOMPARE(cost(p, "Capital")[1], 0.0);
        QVERIFY_CLOSE(keyFigures(s, p).tco, 16800.0);
        // Over 36 months the whole 9,600 is charged, the last 12 months none.
        s.setValue("general.horizonMonths", 36);
        p = project(s);
        QCOMPARE(p.depreciation[24], 0.0);
        QVERIFY_CLOSE(keyFigures(s, p).tco, 9600.0 + 36000.0);
    }

    void subscriptionRollForward()
    {
        // All 1,000 adopters arrive in month 0 (initial share 100 %). Price 20, churn 10 %,
        // expansion 2 %: MRR 20,000; 20,000 x (1 - 0.10 + 0.02) = 18,400; 18,400 x 0.92 =
        // 16,928. Customers 1,000, 900, 810.
        Scenario s = quietScenario(3);
        s.setValue("adoption.marketSize", 1000);
        s.setValue("subscriptions.pricePerMonth", 20);
        s.setValue("subscriptions.churn", 0.10);
        s.setValue("subscriptions.expansion", 0.02);
        s.setValue("subscriptions.grossMargin", 0.8);
        s.setValue("subscriptions.cacPerCustomer", 30);
        s.setValue("subscriptions.marketingShare", 0.4);
        s.setValue("marketing.perMonth", 500);
        const Projection p = project(s);
        QVERIFY_CLOSE(p.mrr[0], 20000.0);
        QVERIFY_CLOSE(p.mrr[1], 18400.0);
        QVERIFY_CLOSE(p.mrr[2], 16928.0);
        QVERIFY_CLOSE(revenue(p, "Subscriptions")[2], 16928.0);
        QVERIFY_CLOSE(p.customers[1], 900.0);
        QVERIFY_CLOSE(p.customers[2], 810.0);
        QVERIFY_CLOSE(p.newCustomers[0], 1000.0);
        QCOMPARE(p.newCustomers[1], 0.0);
        // Marketing: 500 + 30 x 1,000 new in month 0, 500 after.
        QVERIFY_CLOSE(cost(p, "Marketing and sales")[0], 30500.0);
        QVERIFY_CLOSE(cost(p, "Marketing and sales")[1], 500.0);
        // LTV = 20 x 0.8 / 0.1 = 160. CAC = (30 x 1,000 + 40 % x 500 x 3 months) / 1,000 =
        // 30.6. LTV/CAC = 5.2288; CAC payback = 30.6 / (20 x 0.8) = 1.9125 months.
        const KeyFigures k = keyFigures(s, p);
        QVERIFY(k.ltv && k.cac && k.ltvToCac && k.cacPaybackMonths);
        QVERIFY_CLOSE(*k.ltv, 160.0);
        QVERIFY_CLOSE(*k.cac, 30.6);
        QVERIFY_CLOSE(*k.ltvToCac, 160.0 / 30.6);
        QVERIFY_CLOSE(*k.cacPaybackMonths, 1.9125);
    }

    void bassDrivesAdoptionAfterLaunch()
    {
        // Launch in month 2: nothing before; then share = F(t - 1) of a market of 1, and the
        // new subscribers are m times its growth.
        Scenario s = quietScenario(6);
        s.setValue("adoption.initialShare", 0);
        s.setValue("general.launchMonth", 2);
        s.setValue("adoption.marketSize", 1000);
        s.setValue("adoption.innovation", 0.03);
        s.setValue("adoption.imitation", 0.38);
        s.setValue("subscriptions.pricePerMonth", 10);
        s.setValue("subscriptions.churn", 0);
        s.setValue("licences.unitsPerMonth", 100);
        s.setValue("licences.price", 5);
        const Projection p = project(s);
        const BassModel bass{1000, 0.03, 0.38};
        QCOMPARE(p.adopters[1], 0.0);
        QCOMPARE(revenue(p, "Licences")[1], 0.0);
        // F(1) = m p (1 - e^-0.41) / (p + q e^-0.41) = 1000 x 0.03 x 0.33635 / 0.28219 = 35.758
        QVERIFY_CLOSE(p.adopters[2], bassCumulative(bass, 1));
        QVERIFY(close(p.adopters[2], 35.758, 1e-4));
        QVERIFY_CLOSE(p.adopters[5], bassCumulative(bass, 4));
        QVERIFY_CLOSE(p.newCustomers[3], bassCumulative(bass, 2) - bassCumulative(bass, 1));
        // With no churn every adopter pays: MRR = adopters x 10. Licences: 100 x share x 5.
        QVERIFY_CLOSE(p.mrr[5], 10 * bassCumulative(bass, 4));
        QVERIFY_CLOSE(revenue(p, "Licences")[4], 100 * bassCumulative(bass, 3) / 1000 * 5);
    }

    void confusionMatrixValue()
    {
        // Per prediction: (874 x 0 + 46 x -800 + 28 x 0 + 52 x 4,500) / 1,000 = 197.2; x 1,000
        // predictions = 197,200 a month. Accuracy (874 + 52) / 1,000 = 92.6 %.
        Scenario s = quietScenario();
        s.predictionValue.classes = {"good", "bad"};
        s.predictionValue.benefit = {{0, -800}, {0, 4500}};
        s.predictionValue.confusion = {{874, 46}, {28, 52}};
        s.setValue("predictions.perMonth", 1000);
        const Projection p = project(s);
        QVERIFY_CLOSE(revenue(p, "Value of predictions")[0], 197200.0);
        const KeyFigures k = keyFigures(s, p);
        QVERIFY_CLOSE(k.valuePerPrediction, 197.2);
        QVERIFY_CLOSE(k.accuracy, 0.926);
        // Mistakes that cost more than the hits bring make the value negative, not NaN.
        s.predictionValue.benefit = {{1, -800}, {-4500, 10}};
        QVERIFY(revenue(project(s), "Value of predictions")[0] < 0);
    }

    void breakEvenPaybackAndRoi()
    {
        // Month 0 pays 10,000 of hardware; 1 person at 2,500 works months 0-2; licences bring
        // 10 x 300 = 3,000 and operations cost 1,000 a month. Net: -10,500, -500, -500, then
        // +2,000. Cumulative: -10,500, -11,000, -11,500, -9,500, ..., -1,500 (month 7), +500
        // (month 8): payback 7 + 1,500 / 2,000 = 7.75 months; break-even month 3.
        Scenario s = quietScenario(12);
        s.setValue("capital.hardware", 10000);
        s.setValue("staff.people", 1);
        s.setValue("staff.months", 3);
        s.setValue("staff.loadedCostPerMonth", 2500);
        s.setValue("licences.unitsPerMonth", 10);
        s.setValue("licences.price", 300);
        s.setValue("operations.perMonth", 1000);
        const Projection p = project(s);
        QVERIFY_CLOSE(p.netFlow[0], -10500.0);
        QVERIFY_CLOSE(p.netFlow[3], 2000.0);
        QVERIFY_CLOSE(p.cumulative[8], 500.0);
        KeyFigures k = keyFigures(s, p);
        QCOMPARE(k.breakEvenMonth, std::optional<int>(3));
        QVERIFY(k.paybackMonths);
        QVERIFY_CLOSE(*k.paybackMonths, 7.75);
        // Undiscounted: NPV = -11,500 + 9 x 2,000 = 6,500. ROI = 6,500 / (12,000 + 7,500 +
        // 10,000) = 22.03 %.
        QVERIFY_CLOSE(k.npv, 6500.0);
        QVERIFY(k.roiPercent);
        QVERIFY_CLOSE(*k.roiPercent, 6500.0 / 29500.0 * 100.0);
        QVERIFY(k.irrAnnual);

        // 12.6825 % a year is 1 % a month: NPV = sum net_t / 1.01^t.
        s.setValue("general.discountRateAnnual", std::pow(1.01, 12) - 1);
        k = keyFigures(s, project(s));
        double expected = 0;
        for (int t = 0; t < 12; ++t)
            expected += p.netFlow[static_cast<std::size_t>(t)] / std::pow(1.01, t);
        QVERIFY(close(k.npv, expected, 1e-12));
        QVERIFY(close(k.npvExcel, expected / 1.01, 1e-12));
    }

    void compiledEvaluatorAgreesWithProjection()
    {
        for (const ScenarioTemplate &t : scenarioTemplates()) {
            const CompiledScenario compiled(t.scenario);
            auto buffers = compiled.makeBuffers();
            // Base, then every uncertain input at its high end, then at its low end.
            for (int variant = 0; variant < 3; ++variant) {
                Scenario changed = t.scenario;
                std::vector<double> values = compiled.baseValues();
                const auto &catalogue = inputCatalogue();
                for (std::size_t i = 0; i < catalogue.size() && variant > 0; ++i) {
                    Input &in = changed.inputs[catalogue[i].key];
                    if (catalogue[i].key == "general.horizonMonths")
                        continue;
                    in.value = variant == 1 ? in.high : in.low;
                    values[i] = in.value;
                }
                const Projection p = project(changed);
                const double viaCompiled = compiled.npv(values, buffers);
                QVERIFY(buffers.netFlow == p.netFlow);
                QCOMPARE(viaCompiled, keyFigures(changed, p).npv);
                QVERIFY(viaCompiled == keyFigures(changed, p).npv);
            }
        }
    }

    void templatesAreValidAndFinite()
    {
        for (const ScenarioTemplate &t : scenarioTemplates()) {
            const auto problems = validate(t.scenario);
            QVERIFY2(problems.empty(), qPrintable(listed(problems)));
            QVERIFY(!t.scenario.notes.empty());
            for (const InputSpec &spec : inputCatalogue()) {
                const auto input = t.scenario.inputs.find(spec.key);
                QVERIFY2(input != t.scenario.inputs.end(), spec.key.c_str());
                QVERIFY2(!input->second.source.empty(), spec.key.c_str());
            }
            const Projection p = project(t.scenario);
            QVERIFY(allFinite(p));
            QCOMPARE(p.months, 60);
        }
    }

    void validateCatchesBadInput_data()
    {
        QTest::addColumn<std::function<void(Scenario &)>>("spoil");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("reason");
        using Spoil = std::function<void(Scenario &)>;
        const auto set = [](const char *key, double value) -> Spoil {
            return [=](Scenario &s) { s.setValue(key, value); };
        };
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("horizon 0") << set("general.horizonMonths", 0) << "general.horizonMonths"
                                   << "at least 1 month";
        QTest::newRow("rate -100 %")
            << set("general.discountRateAnnual", -1) << "general.discountRateAnnual"
            << "-100 %";
        QTest::newRow("rate -150 %")
            << set("general.discountRateAnnual", -1.5) << "general.discountRateAnnual"
            << "-100 %";
        QTest::newRow("churn 1") << set("subscriptions.churn", 1) << "subscriptions.churn"
                                 << "100 % or more";
        QTest::newRow("churn 1.5") << set("subscriptions.churn", 1.5) << "subscriptions.churn"
                                   << "100 % or more";
        QTest::newRow("negative requests")
            << set("serving.requestsPerDay", -5) << "serving.requestsPerDay"
            << "must not be negative";
        QTest::newRow("negative predictions")
            << set("predictions.perMonth", -1) << "predictions.perMonth"
            << "must not be negative";
        QTest::newRow("NaN") << set("staff.people", nan) << "staff.people"
                             << "NaN";
        QTest::newRow("infinite") << set("operations.perMonth", inf) << "operations.perMonth"
                                  << "infinite";
        QTest::newRow("NaN high") << Spoil([=](Scenario &s) {
            s.inputs["energy.pue"] = rangedInput(1.1, 1.2, nan);
        }) << "energy.pue"
                                  << "high end of its range: is not a number";
        QTest::newRow("low above value") << Spoil([](Scenario &s) {
            s.inputs["operations.perMonth"] = rangedInput(2000, 1000, 3000);
        }) << "operations.perMonth"
                                         << "low end (2000) is above the value";
        QTest::newRow("high below value") << Spoil([](Scenario &s) {
            s.inputs["operations.perMonth"] = rangedInput(500, 1000, 800);
        }) << "operations.perMonth"
                                          << "high end (800) is below the value";
        QTest::newRow("not whole") << set("serving.redundancy", 1.5) << "serving.redundancy"
                                   << "whole number";
        QTest::newRow("utilisation above 100 %")
            << set("serving.targetUtilisation", 1.2) << "serving.targetUtilisation"
            << "at most 100 %";
        QTest::newRow("PUE below 1") << set("energy.pue", 0.9) << "energy.pue"
                                     << "at least 1";
        QTest::newRow("no serving price")
            << set("serving.pricePerInstanceHour", 0) << "serving.pricePerInstanceHour"
            << "is 0 although requests are served";
        QTest::newRow("price range down to 0") << Spoil([](Scenario &s) {
            s.inputs["serving.pricePerInstanceHour"] = rangedInput(0, 0.5, 1);
        }) << "serving.pricePerInstanceHour"
                                               << "low end of its range is 0";
        QTest::newRow("no storage price")
            << set("storage.pricePerGbMonth", 0) << "storage.pricePerGbMonth"
            << "data is stored";
        QTest::newRow("no training price")
            << set("training.pricePerDeviceHour", 0) << "training.pricePerDeviceHour"
            << "device-hours";
        QTest::newRow("no staff cost")
            << set("staff.loadedCostPerMonth", 0) << "staff.loadedCostPerMonth"
            << "R&D staff";
        QTest::newRow("no licence price") << set("licences.unitsPerMonth", 5) << "licences.price"
                                          << "licences are sold";
        QTest::newRow("no take rate") << set("platform.gmvPerMonth", 1e6) << "platform.takeRate"
                                      << "volume";
        QTest::newRow("no capacity") << Spoil([](Scenario &s) {
            s.setValue("serving.throughputPerInstance", 0);
            s.setValue("serving.latencyMs", 0);
        }) << "serving.throughputPerInstance"
                                     << "latency";
        QTest::newRow("salvage above price") << Spoil([](Scenario &s) {
            s.setValue("capital.hardware", 1000);
            s.setValue("capital.salvage", 2000);
        }) << "capital.salvage"
                                             << "above the hardware's price";
        QTest::newRow("unknown key")
            << Spoil([](Scenario &s) { s.inputs["serving.colour"] = certainInput(1); })
            << "serving.colour"
            << "unknown key";
        QTest::newRow("currency") << Spoil([](Scenario &s) { s.currency = "dollars"; })
                                  << "currency"
                                  << "ISO 4217";
        QTest::newRow("as-of date") << Spoil([](Scenario &s) {
            Input price = s.input("energy.pricePerKwh");
            price.asOf = "5 Dec 2026";
            s.inputs["energy.pricePerKwh"] = price;
        }) << "energy.pricePerKwh"
                                    << "YYYY-MM-DD";
        QTest::newRow("predictions without benefit")
            << set("predictions.perMonth", 100) << "predictionValue.benefit"
            << "is empty";
        QTest::newRow("benefit shape") << Spoil([](Scenario &s) {
            s.predictionValue.classes = {"a", "b", "c"};
            s.predictionValue.benefit = {{1, 2}, {3, 4}};
            s.predictionValue.confusion = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        }) << "predictionValue.benefit"
                                       << "2 rows for 3 classes";
        QTest::newRow("confusion row") << Spoil([](Scenario &s) {
            s.predictionValue.classes = {"a", "b"};
            s.predictionValue.benefit = {{1, 2}, {3, 4}};
            s.predictionValue.confusion = {{1, 0}, {0, 1, 5}};
        }) << "predictionValue.confusion"
                                       << "row 2 has 3 entries for 2 classes";
        QTest::newRow("negative count") << Spoil([](Scenario &s) {
            s.predictionValue.classes = {"a", "b"};
            s.predictionValue.benefit = {{1, 2}, {3, 4}};
            s.predictionValue.confusion = {{1, -1}, {0, 1}};
        }) << "predictionValue.confusion"
                                        << "negative count";
        QTest::newRow("no confusion") << Spoil([](Scenario &s) {
            s.predictionValue.classes = {"a", "b"};
            s.predictionValue.benefit = {{1, 2}, {3, 4}};
        }) << "predictionValue.confusion"
                                      << "is empty";
        QTest::newRow("no classes") << Spoil([](Scenario &s) {
            s.predictionValue.benefit = {{1}};
            s.predictionValue.confusion = {{1}};
        }) << "predictionValue.classes"
                                    << "is empty";
        QTest::newRow("NaN benefit") << Spoil([=](Scenario &s) {
            s.predictionValue.classes = {"a"};
            s.predictionValue.benefit = {{nan}};
            s.predictionValue.confusion = {{1}};
        }) << "predictionValue.benefit"
                                     << "not a finite number";
    }

    void validateCatchesBadInput()
    {
        QFETCH(std::function<void(Scenario &)>, spoil);
        QFETCH(QString, key);
        QFETCH(QString, reason);
        Scenario s = servingScenario();
        s.setValue("storage.gigabytes", 10);
        s.setValue("training.deviceHoursPerRun", 1);
        s.setValue("training.runsPerYear", 4);
        s.setValue("staff.people", 1);
        QVERIFY2(validate(s).empty(), qPrintable(listed(validate(s))));
        spoil(s);
        const auto problems = validate(s);
        QVERIFY2(hasProblem(problems, key.toStdString(), reason), qPrintable(listed(problems)));
        try {
            project(s);
            QFAIL("project() accepted a bad scenario");
        } catch (const mf::ConfigError &error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains(QString::fromStdString(problems.front().key)),
                     qPrintable(message));
        }
    }

    void setValueKeepsRanges()
    {
        Scenario s;
        s.setValue("operations.perMonth", 1234);
        QCOMPARE(s.input("operations.perMonth").low, 1234.0);
        QCOMPARE(s.input("operations.perMonth").high, 1234.0);
        s.inputs["operations.perMonth"] = rangedInput(800, 1000, 1500);
        s.setValue("operations.perMonth", 2000);
        QCOMPARE(s.input("operations.perMonth").low, 800.0);
        QCOMPARE(s.input("operations.perMonth").high, 2000.0);
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, s.input("no.such.key"));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, s.setValue("no.such.key", 1));
    }
};

MF_TEST_APPLESS_MAIN(TestRoiProjection)
#include "tst_roiprojection.moc"
