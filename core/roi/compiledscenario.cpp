#include "core/roi/compiledscenario.h"

#include "core/roi/bass.h"
#include "core/roi/finance.h"
#include "core/roi/formulas.h"
#include "core/roi/inputcatalogue.h"
#include "core/roi/projection.h"
#include "core/roi/scenario.h"
#include "core/util/error.h"

#include <algorithm>
#include <stdexcept>

namespace mf::roi {

namespace {

int slot(const char *key)
{
    const int index = inputIndex(key);
    if (index < 0)
        throw std::logic_error(std::string("the ROI catalogue lacks ") + key);
    return index;
}

/// Where each input the projection reads sits in the value vector.
struct Slots
{
    int launchMonth = slot("general.launchMonth");
    int discountRate = slot("general.discountRateAnnual");
    int hoursPerRun = slot("training.deviceHoursPerRun");
    int devices = slot("training.devices");
    int runsPerYear = slot("training.runsPerYear");
    int initialRuns = slot("training.initialRuns");
    int pricePerDeviceHour = slot("training.pricePerDeviceHour");
    int deviceKw = slot("training.deviceKw");
    int flopsPerRun = slot("training.flopsPerRun");
    int parameters = slot("training.parameters");
    int tokens = slot("training.tokens");
    int peakFlops = slot("training.peakFlopsPerSecond");
    int trainingUtilisation = slot("training.utilisation");
    int pue = slot("energy.pue");
    int pricePerKwh = slot("energy.pricePerKwh");
    int requestsPerDay = slot("serving.requestsPerDay");
    int peakFactor = slot("serving.peakFactor");
    int throughput = slot("serving.throughputPerInstance");
    int latencyMs = slot("serving.latencyMs");
    int servingUtilisation = slot("serving.targetUtilisation");
    int redundancy = slot("serving.redundancy");
    int pricePerInstanceHour = slot("serving.pricePerInstanceHour");
    int instanceKw = slot("serving.instanceKw");
    int gigabytes = slot("storage.gigabytes");
    int pricePerGbMonth = slot("storage.pricePerGbMonth");
    int people = slot("staff.people");
    int staffMonths = slot("staff.months");
    int loadedCost = slot("staff.loadedCostPerMonth");
    int operations = slot("operations.perMonth");
    int marketing = slot("marketing.perMonth");
    int hardware = slot("capital.hardware");
    int lifeMonths = slot("capital.lifeMonths");
    int salvage = slot("capital.salvage");
    int licenceUnits = slot("licences.unitsPerMonth");
    int licencePrice = slot("licences.price");
    int apiPrice = slot("api.pricePerThousand");
    int serviceFees = slot("services.perMonth");
    int gmv = slot("platform.gmvPerMonth");
    int takeRate = slot("platform.takeRate");
    int partnerRevenue = slot("partner.revenuePerMonth");
    int partnerShare = slot("partner.share");
    int predictions = slot("predictions.perMonth");
    int subscriptionPrice = slot("subscriptions.pricePerMonth");
    int churn = slot("subscriptions.churn");
    int expansion = slot("subscriptions.expansion");
    int cacPerCustomer = slot("subscriptions.cacPerCustomer");
    int marketSize = slot("adoption.marketSize");
    int innovation = slot("adoption.innovation");
    int imitation = slot("adoption.imitation");
    int initialShare = slot("adoption.initialShare");
};

const Slots &slots()
{
    static const Slots resolved;
    return resolved;
}

std::string firstProblem(const Scenario &scenario)
{
    const auto problems = validate(scenario);
    return problems.empty() ? std::string() : problems.front().key + ": " + problems.front().reason;
}

/// key: launch month, p, q, initial share.
void fillAdoptionShare(const std::array<double, 4> &key, std::vector<double> &share)
{
    const double launch = key[0];
    const double initialShare = key[3];
    const BassModel unitMarket{1.0, key[1], key[2]};
    for (std::size_t t = 0; t < share.size(); ++t) {
        const double sinceLaunch = static_cast<double>(t) - launch;
        share[t] = sinceLaunch < 0.0
                       ? 0.0
                       : initialShare +
                             (1.0 - initialShare) * bassCumulative(unitMarket, sinceLaunch + 1.0);
    }
}

} // namespace

CompiledScenario::CompiledScenario(const Scenario &scenario)
{
    const std::string problem = firstProblem(scenario);
    if (!problem.empty())
        throw ConfigError("The scenario cannot be projected: " + problem);
    m_months = static_cast<int>(scenario.value("general.horizonMonths"));
    for (const InputSpec &spec : inputCatalogue())
        m_baseValues.push_back(scenario.value(spec.key));
    m_valuePerPrediction = roi::valuePerPrediction(scenario.predictionValue);
}

CompiledScenario::Buffers CompiledScenario::makeBuffers() const
{
    const auto n = static_cast<std::size_t>(m_months);
    Buffers buffers;
    for (auto &series : buffers.costs)
        series.assign(n, 0.0);
    for (auto &series : buffers.revenue)
        series.assign(n, 0.0);
    for (auto *series :
         {&buffers.totalCost, &buffers.totalRevenue, &buffers.netFlow, &buffers.adoptionShare,
          &buffers.newCustomers, &buffers.customers, &buffers.mrr, &buffers.requests,
          &buffers.servingEnergy, &buffers.depreciation, &buffers.instances})
        series->assign(n, 0.0);
    return buffers;
}

void CompiledScenario::evaluate(const std::vector<double> &values, Buffers &b) const
{
    const Slots &k = slots();
    const double *v = values.data();

    const std::array<double, 4> adoptionKey{v[k.launchMonth], v[k.innovation], v[k.imitation],
                                            v[k.initialShare]};
    if (adoptionKey != b.adoptionKey) {
        fillAdoptionShare(adoptionKey, b.adoptionShare);
        b.adoptionKey = adoptionKey;
    }

    const double deviceHours =
        trainingDeviceHours(v[k.hoursPerRun], v[k.devices], v[k.flopsPerRun], v[k.parameters],
                            v[k.tokens], v[k.peakFlops], v[k.trainingUtilisation]);
    const double pricePerItKwh = v[k.pricePerKwh] * v[k.pue];
    const double trainingPerRun = deviceHours * v[k.pricePerDeviceHour];
    const double trainingEnergyPerRun = deviceHours * v[k.deviceKw] * pricePerItKwh;
    const double runsPerMonth = v[k.runsPerYear] / 12.0;

    const double throughput = effectiveThroughput(v[k.throughput], v[k.latencyMs]);
    const double instanceMonthPrice = kHoursPerMonth * v[k.pricePerInstanceHour];
    const double instanceMonthEnergy = kHoursPerMonth * v[k.instanceKw] * pricePerItKwh;

    const double storage = v[k.gigabytes] * v[k.pricePerGbMonth];
    const double staff = v[k.people] * v[k.loadedCost];
    const double life = v[k.lifeMonths];
    const double depreciation = (v[k.hardware] - v[k.salvage]) / life;

    const double market = v[k.marketSize];
    const double price = v[k.subscriptionPrice];
    const double churn = v[k.churn];
    const double expansion = v[k.expansion];
    double previousShare = 0.0;
    double customers = 0.0;
    double mrr = 0.0;

    auto &cost = b.costs;
    auto &revenue = b.revenue;
    for (std::size_t t = 0; t < static_cast<std::size_t>(m_months); ++t) {
        const double month = static_cast<double>(t);
        const double share = b.adoptionShare[t];
        const double newCustomers = std::max(0.0, market * (share - previousShare));
        previousShare = share;
        customers = customers * (1.0 - churn) + newCustomers;
        mrr = mrr * (1.0 - churn + expansion) + newCustomers * price;

        const double requestsPerDay = v[k.requestsPerDay] * share;
        const double instances = servingInstances(requestsPerDay, v[k.peakFactor], throughput,
                                                  v[k.servingUtilisation], v[k.redundancy]);
        const double servingEnergy = instances * instanceMonthEnergy;
        const double runs = runsPerMonth + (t == 0 ? v[k.initialRuns] : 0.0);

        cost[TrainingCost][t] = trainingPerRun * runs;
        cost[EnergyCost][t] = trainingEnergyPerRun * runs + servingEnergy;
        cost[ServingCost][t] = instances * instanceMonthPrice;
        cost[StorageCost][t] = storage;
        cost[StaffCost][t] = month < v[k.staffMonths] ? staff : 0.0;
        cost[OperationsCost][t] = v[k.operations];
        cost[MarketingCost][t] = v[k.marketing] + v[k.cacPerCustomer] * newCustomers;
        cost[CapitalCost][t] = t == 0 ? v[k.hardware] : 0.0;

        b.requests[t] = requestsPerDay * kDaysPerMonth;
        revenue[LicenceRevenue][t] = v[k.licenceUnits] * share * v[k.licencePrice];
        revenue[ApiRevenue][t] = b.requests[t] / 1000.0 * v[k.apiPrice];
        revenue[SubscriptionRevenue][t] = mrr;
        revenue[ServiceFeeRevenue][t] = v[k.serviceFees] * share;
        revenue[PlatformFeeRevenue][t] = v[k.gmv] * share * v[k.takeRate];
        revenue[PartnerRevenue][t] = v[k.partnerRevenue] * share * v[k.partnerShare];
        revenue[PredictionRevenue][t] = v[k.predictions] * share * m_valuePerPrediction;

        double totalCost = 0.0;
        for (const auto &series : cost)
            totalCost += series[t];
        double totalRevenue = 0.0;
        for (const auto &series : revenue)
            totalRevenue += series[t];
        b.totalCost[t] = totalCost;
        b.totalRevenue[t] = totalRevenue;
        b.netFlow[t] = totalRevenue - totalCost;
        b.newCustomers[t] = newCustomers;
        b.customers[t] = customers;
        b.mrr[t] = mrr;
        b.instances[t] = instances;
        b.servingEnergy[t] = servingEnergy;
        b.depreciation[t] = month < life ? depreciation : 0.0;
    }
}

double CompiledScenario::npv(const std::vector<double> &values, Buffers &buffers) const
{
    evaluate(values, buffers);
    return roi::npv(monthlyRate(values[static_cast<std::size_t>(slots().discountRate)]),
                    buffers.netFlow);
}

} // namespace mf::roi
