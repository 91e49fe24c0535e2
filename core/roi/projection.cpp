#include "core/roi/projection.h"

#include "core/roi/compiledscenario.h"
#include "core/roi/formulas.h"
#include "core/roi/scenario.h"
#include "core/util/error.h"

#include <cmath>
#include <numeric>

namespace mf::roi {

namespace {

double sum(const std::vector<double> &series)
{
    return std::accumulate(series.begin(), series.end(), 0.0);
}

const std::vector<double> &series(const std::map<std::string, std::vector<double>> &byName,
                                  const std::string &name)
{
    static const std::vector<double> none;
    const auto found = byName.find(name);
    return found == byName.end() ? none : found->second;
}

void requireFinite(const Projection &projection)
{
    for (const auto *values : {&projection.totalCost, &projection.totalRevenue, &projection.netFlow,
                               &projection.cumulative})
        for (double value : *values)
            if (!std::isfinite(value))
                throw ConfigError("The scenario's figures overflow; check the inputs for values "
                                  "far larger than intended.");
}

std::optional<double> annualised(double monthly)
{
    const double annual = std::pow(1.0 + monthly, 12.0) - 1.0;
    return std::isfinite(annual) ? std::optional<double>(annual) : std::nullopt;
}

void addServingFigures(const Scenario &s, const Projection &projection, KeyFigures &k)
{
    const double requestsPerDay = s.value("serving.requestsPerDay");
    const double instances = servingInstances(
        requestsPerDay, s.value("serving.peakFactor"),
        effectiveThroughput(s.value("serving.throughputPerInstance"), s.value("serving.latencyMs")),
        s.value("serving.targetUtilisation"), s.value("serving.redundancy"));
    k.servingInstances = instances < 2147483647.0 ? static_cast<int>(instances) : 2147483647;
    const double pricePerItKwh = s.value("energy.pricePerKwh") * s.value("energy.pue");
    k.servingCostPerMonth =
        instances * (kHoursPerMonth * s.value("serving.pricePerInstanceHour")) +
        instances * (kHoursPerMonth * s.value("serving.instanceKw") * pricePerItKwh);
    if (requestsPerDay > 0.0)
        k.costPerThousandRequests =
            k.servingCostPerMonth / (requestsPerDay * kDaysPerMonth) * 1000.0;
    const double apiRevenue = sum(series(projection.revenue, "API usage"));
    const double servingCost =
        sum(series(projection.costs, "Serving")) + sum(projection.servingEnergy);
    if (apiRevenue > 0.0)
        k.apiGrossMargin = (apiRevenue - servingCost) / apiRevenue;
}

void addTrainingFigures(const Scenario &s, KeyFigures &k)
{
    k.deviceHoursPerRun = trainingDeviceHours(
        s.value("training.deviceHoursPerRun"), s.value("training.devices"),
        s.value("training.flopsPerRun"), s.value("training.parameters"), s.value("training.tokens"),
        s.value("training.peakFlopsPerSecond"), s.value("training.utilisation"));
    k.trainingCostPerRun = k.deviceHoursPerRun * s.value("training.pricePerDeviceHour");
    const double pricePerItKwh = s.value("energy.pricePerKwh") * s.value("energy.pue");
    k.energyCostPerRun = k.deviceHoursPerRun * s.value("training.deviceKw") * pricePerItKwh;
}

void addSubscriptionFigures(const Scenario &s, const Projection &projection, KeyFigures &k)
{
    const double price = s.value("subscriptions.pricePerMonth");
    const double churn = s.value("subscriptions.churn");
    const double marginPerMonth = price * s.value("subscriptions.grossMargin");
    if (!(price > 0.0))
        return;
    if (churn > 0.0)
        k.ltv = marginPerMonth / churn;
    const double newCustomers = sum(projection.newCustomers);
    const double acquisitionSpend =
        s.value("subscriptions.cacPerCustomer") * newCustomers +
        s.value("subscriptions.marketingShare") * s.value("marketing.perMonth") * projection.months;
    if (newCustomers > 0.0)
        k.cac = acquisitionSpend / newCustomers;
    if (k.ltv && k.cac && *k.cac > 0.0)
        k.ltvToCac = *k.ltv / *k.cac;
    if (k.cac && marginPerMonth > 0.0)
        k.cacPaybackMonths = *k.cac / marginPerMonth;
}

} // namespace

const std::vector<std::string> &costCategoryNames()
{
    static const std::vector<std::string> names{"Training",
                                                "Energy",
                                                "Serving",
                                                "Storage",
                                                "R&D staff",
                                                "Operations",
                                                "Marketing and sales",
                                                "Capital"};
    return names;
}

const std::vector<std::string> &revenueStreamNames()
{
    static const std::vector<std::string> names{
        "Licences",      "API usage",     "Subscriptions",       "Service fees",
        "Platform fees", "Partner share", "Value of predictions"};
    return names;
}

double monthlyRate(double annualRate)
{
    return std::pow(1.0 + annualRate, 1.0 / 12.0) - 1.0;
}

Projection project(const Scenario &scenario)
{
    const CompiledScenario compiled(scenario);
    CompiledScenario::Buffers b = compiled.makeBuffers();
    compiled.evaluate(compiled.baseValues(), b);

    Projection p;
    p.months = compiled.months();
    for (std::size_t i = 0; i < b.costs.size(); ++i)
        p.costs[costCategoryNames()[i]] = std::move(b.costs[i]);
    for (std::size_t i = 0; i < b.revenue.size(); ++i)
        p.revenue[revenueStreamNames()[i]] = std::move(b.revenue[i]);
    p.totalCost = std::move(b.totalCost);
    p.totalRevenue = std::move(b.totalRevenue);
    p.netFlow = std::move(b.netFlow);
    p.cumulative.resize(p.netFlow.size());
    std::partial_sum(p.netFlow.begin(), p.netFlow.end(), p.cumulative.begin());
    const double market = scenario.value("adoption.marketSize");
    for (double share : b.adoptionShare)
        p.adopters.push_back(market * share);
    p.customers = std::move(b.customers);
    p.mrr = std::move(b.mrr);
    p.adoptionShare = std::move(b.adoptionShare);
    p.newCustomers = std::move(b.newCustomers);
    p.requests = std::move(b.requests);
    p.instances = std::move(b.instances);
    p.servingEnergy = std::move(b.servingEnergy);
    p.depreciation = std::move(b.depreciation);
    requireFinite(p);
    return p;
}

KeyFigures keyFigures(const Scenario &s, const Projection &projection)
{
    KeyFigures k;
    const std::vector<double> &flows = projection.netFlow;
    const double rate = monthlyRate(s.value("general.discountRateAnnual"));
    k.npv = npv(rate, flows);
    k.npvExcel = npvExcel(rate, flows);
    k.irrMonthly = irr(flows);
    if (k.irrMonthly.status == IrrResult::Status::Found)
        k.irrAnnual = annualised(k.irrMonthly.rate);
    if (const auto monthlyMirr = mirr(flows, monthlyRate(s.value("general.financeRateAnnual")),
                                      monthlyRate(s.value("general.reinvestRateAnnual"))))
        k.mirrAnnual = annualised(*monthlyMirr);
    k.paybackMonths = paybackPeriod(flows);
    k.discountedPaybackMonths = discountedPaybackPeriod(rate, flows);
    k.breakEvenMonth = breakEvenPeriod(flows);

    k.totalCost = sum(projection.totalCost);
    k.totalRevenue = sum(projection.totalRevenue);
    if (k.totalCost > 0.0)
        k.roiPercent = (k.totalRevenue - k.totalCost) / k.totalCost * 100.0;
    k.tco = sum(projection.depreciation);
    for (const auto &[name, values] : projection.costs)
        if (name != "Capital")
            k.tco += sum(values);

    addServingFigures(s, projection, k);
    addTrainingFigures(s, k);
    addSubscriptionFigures(s, projection, k);
    k.valuePerPrediction = valuePerPrediction(s.predictionValue);
    k.accuracy = confusionAccuracy(s.predictionValue);
    return k;
}

} // namespace mf::roi
