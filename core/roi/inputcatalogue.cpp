#include "core/roi/inputcatalogue.h"

#include <unordered_map>

namespace mf::roi {

namespace {

constexpr double kNoLimit = 1e15;

const char *const kGeneral = "General";
const char *const kTraining = "Training";
const char *const kEnergy = "Energy";
const char *const kServing = "Serving";
const char *const kRunning = "People and running costs";
const char *const kCapital = "Capital";
const char *const kRevenue = "Revenue";
const char *const kSubscriptions = "Subscriptions";
const char *const kAdoption = "Adoption";

InputSpec spec(const char *key, const char *group, const char *label, const char *tooltip,
               Unit unit, double defaultValue, double minValue = 0.0, double maxValue = kNoLimit)
{
    InputSpec s;
    s.key = key;
    s.group = group;
    s.label = label;
    s.tooltip = tooltip;
    s.unit = unit;
    s.defaultValue = defaultValue;
    s.minValue = minValue;
    s.maxValue = maxValue;
    return s;
}

InputSpec whole(InputSpec s)
{
    s.integer = true;
    return s;
}

InputSpec aboveMin(InputSpec s)
{
    s.minExclusive = true;
    return s;
}

InputSpec belowMax(InputSpec s)
{
    s.maxExclusive = true;
    return s;
}

std::vector<InputSpec> generalInputs()
{
    return {
        whole(spec("general.horizonMonths", kGeneral, "Horizon",
                   "Length of the projection in months (1 to 600).", Unit::Months, 60, 1, 600)),
        whole(spec("general.launchMonth", kGeneral, "Launch month",
                   "Month the model goes live (0 = the first month): volumes, serving, revenue "
                   "and adoption start then; R&D and development runs start in month 0.",
                   Unit::Months, 0, 0, 600)),
        aboveMin(spec("general.discountRateAnnual", kGeneral, "Discount rate",
                      "Annual rate future cash flows are discounted at (% per year); the monthly "
                      "rate is (1 + annual)^(1/12) - 1.",
                      Unit::Fraction, 0.10, -1.0, 10.0)),
        aboveMin(spec("general.financeRateAnnual", kGeneral, "Finance rate",
                      "Annual cost of financing the negative cash flows, for the MIRR (% per "
                      "year).",
                      Unit::Fraction, 0.08, -1.0, 10.0)),
        aboveMin(spec("general.reinvestRateAnnual", kGeneral, "Reinvestment rate",
                      "Annual rate the positive cash flows are reinvested at, for the MIRR (% "
                      "per year).",
                      Unit::Fraction, 0.10, -1.0, 10.0)),
    };
}

std::vector<InputSpec> trainingInputs()
{
    return {
        spec("training.deviceHoursPerRun", kTraining, "Hours per run (each device)",
             "Wall-clock hours one training run keeps each device busy (hours), e.g. a run's "
             "measured wall time. 0 estimates it from the FLOPs below.",
             Unit::Hours, 4, 0, 1e6),
        whole(spec("training.devices", kTraining, "Devices per run",
                   "Devices (GPUs or CPU sockets) one run uses in parallel (count); device-hours "
                   "per run = hours per run x devices.",
                   Unit::Count, 1, 1, 1e6)),
        spec("training.runsPerYear", kTraining, "Retraining runs per year",
             "Training runs per year to keep the model current (runs per year); spread evenly "
             "over the months.",
             Unit::Count, 12, 0, 1e6),
        spec("training.initialRuns", kTraining, "Development runs",
             "Extra runs in the first month for development and hyper-parameter search (runs).",
             Unit::Count, 0, 0, 1e6),
        spec("training.pricePerDeviceHour", kTraining, "Price per device-hour",
             "What one device-hour costs (currency per device-hour), e.g. a cloud GPU's on-demand "
             "price.",
             Unit::MoneyPerHour, 2.5, 0, 1e6),
        spec("training.deviceKw", kTraining, "Power per device",
             "Power one device draws under load (kW); 0 when the device-hour price already "
             "includes power, as cloud prices do.",
             Unit::Kilowatts, 0.4, 0, 1e4),
        spec("training.flopsPerRun", kTraining, "FLOPs per run (estimate)",
             "Floating-point operations of one run (FLOPs), used when hours per run is 0. 0 "
             "takes 6 x parameters x tokens.",
             Unit::Flops, 0, 0, 1e30),
        spec("training.parameters", kTraining, "Parameters (estimate)",
             "Trainable parameters of a transformer-style model (count), for FLOPs = 6 x "
             "parameters x tokens.",
             Unit::Count, 0, 0, 1e15),
        spec("training.tokens", kTraining, "Training tokens (estimate)",
             "Tokens seen in one run (count), for FLOPs = 6 x parameters x tokens.", Unit::Count, 0,
             0, 1e18),
        spec("training.peakFlopsPerSecond", kTraining, "Peak FLOP/s per device",
             "The device's peak floating-point operations per second (FLOP/s) at the precision "
             "trained in, for the estimate.",
             Unit::FlopsPerSecond, 1e14, 1, 1e20),
        spec("training.utilisation", kTraining, "Utilisation (estimate)",
             "Share of the peak FLOP/s a run achieves (%, 1 to 100 %, typically 30-50 %), for "
             "the estimate: device-hours = FLOPs / (peak FLOP/s x utilisation) / 3600.",
             Unit::Fraction, 0.4, 0.01, 1),
    };
}

std::vector<InputSpec> energyInputs()
{
    return {
        spec("energy.pue", kEnergy, "PUE",
             "Power usage effectiveness of the data centre (ratio, 1 or more): facility power "
             "per unit of IT power.",
             Unit::Ratio, 1.2, 1, 10),
        spec("energy.pricePerKwh", kEnergy, "Electricity price",
             "What one kilowatt-hour costs (currency per kWh).", Unit::MoneyPerKwh, 0.15, 0, 1e4),
    };
}

std::vector<InputSpec> servingInputs()
{
    return {
        spec("serving.requestsPerDay", kServing, "Requests per day",
             "Prediction requests per day at full adoption (requests per day); the adoption "
             "curve ramps up to it.",
             Unit::PerDay, 10000, 0, 1e13),
        spec("serving.peakFactor", kServing, "Peak factor",
             "Busiest second's rate over the day's average rate (ratio, 1 or more).", Unit::Ratio,
             3, 1, 1e4),
        spec("serving.throughputPerInstance", kServing, "Throughput per instance",
             "Requests per second one instance sustains (requests/s), as measured. 0 takes "
             "1000 / latency (one request at a time).",
             Unit::PerSecond, 50, 0, 1e9),
        spec("serving.latencyMs", kServing, "Latency",
             "Time to answer one request (ms), as measured; used for the throughput when that "
             "is 0.",
             Unit::Milliseconds, 20, 0, 1e7),
        spec("serving.targetUtilisation", kServing, "Target utilisation",
             "Share of an instance's throughput planned for at peak (%, 1 to 100 %), leaving "
             "headroom.",
             Unit::Fraction, 0.6, 0.01, 1),
        whole(spec("serving.redundancy", kServing, "Spare instances",
                   "Instances kept on top of those the peak needs (count): 1 for N+1.", Unit::Count,
                   1, 0, 1e4)),
        spec("serving.pricePerInstanceHour", kServing, "Price per instance-hour",
             "What one serving instance costs per hour (currency per instance-hour).",
             Unit::MoneyPerHour, 0.5, 0, 1e6),
        spec("serving.instanceKw", kServing, "Power per instance",
             "Power one serving instance draws (kW); 0 when the instance price already "
             "includes power, as cloud prices do.",
             Unit::Kilowatts, 0.3, 0, 1e4),
    };
}

std::vector<InputSpec> runningInputs()
{
    return {
        spec("storage.gigabytes", kRunning, "Storage", "Data, checkpoints and logs kept (GB).",
             Unit::Gigabytes, 100, 0, 1e12),
        spec("storage.pricePerGbMonth", kRunning, "Storage price",
             "What one gigabyte costs per month (currency per GB-month).", Unit::MoneyPerGbMonth,
             0.023, 0, 1e6),
        spec("staff.people", kRunning, "R&D staff",
             "People building the model and product (full-time equivalents, count).", Unit::Count,
             2, 0, 1e6),
        whole(spec("staff.months", kRunning, "R&D months",
                   "Months the R&D staff work on it, from the first month (months).", Unit::Months,
                   12, 0, 600)),
        spec("staff.loadedCostPerMonth", kRunning, "Loaded cost per person",
             "Salary plus overheads of one person per month (currency per month).", Unit::Money,
             10000, 0, 1e9),
        spec("operations.perMonth", kRunning, "Operations",
             "Monitoring, support and upkeep per month (currency per month).", Unit::Money, 1000, 0,
             kNoLimit),
        spec("marketing.perMonth", kRunning, "Marketing and sales",
             "Marketing and sales spend per month (currency per month).", Unit::Money, 0, 0,
             kNoLimit),
    };
}

std::vector<InputSpec> capitalInputs()
{
    return {
        spec("capital.hardware", kCapital, "Hardware",
             "Capital bought up front, paid in the first month (currency).", Unit::Money, 0, 0,
             kNoLimit),
        whole(spec("capital.lifeMonths", kCapital, "Useful life",
                   "Months the hardware is depreciated over, straight line (months).", Unit::Months,
                   36, 1, 600)),
        spec("capital.salvage", kCapital, "Salvage value",
             "What the hardware is worth at the end of its life (currency); at most its price.",
             Unit::Money, 0, 0, kNoLimit),
    };
}

std::vector<InputSpec> revenueInputs()
{
    return {
        spec("licences.unitsPerMonth", kRevenue, "Licences sold per month",
             "Licences sold per month at full adoption (units per month).", Unit::Count, 0, 0,
             kNoLimit),
        spec("licences.price", kRevenue, "Licence price", "Price of one licence (currency).",
             Unit::Money, 0, 0, kNoLimit),
        spec("api.pricePerThousand", kRevenue, "API price",
             "Price per 1,000 API calls (currency per 1,000 calls); every served request is a "
             "call.",
             Unit::MoneyPerThousand, 0, 0, 1e9),
        spec("services.perMonth", kRevenue, "Service fees",
             "Fees for integration, training and support per month at full adoption (currency "
             "per month).",
             Unit::Money, 0, 0, kNoLimit),
        spec("platform.gmvPerMonth", kRevenue, "Platform volume (GMV)",
             "Gross merchandise value through the platform per month at full adoption "
             "(currency per month).",
             Unit::Money, 0, 0, kNoLimit),
        spec("platform.takeRate", kRevenue, "Take rate",
             "Share of the platform volume kept as fees (%).", Unit::Fraction, 0, 0, 1),
        spec("partner.revenuePerMonth", kRevenue, "Partner revenue",
             "Partners' revenue from the model per month at full adoption (currency per "
             "month).",
             Unit::Money, 0, 0, kNoLimit),
        spec("partner.share", kRevenue, "Our share of partner revenue",
             "Share of the partners' revenue paid to us (%).", Unit::Fraction, 0, 0, 1),
        spec("predictions.perMonth", kRevenue, "Predictions per month",
             "Predictions the model makes per month at full adoption (count per month), each "
             "worth the value per prediction of the benefit and confusion matrices.",
             Unit::Count, 0, 0, kNoLimit),
    };
}

std::vector<InputSpec> subscriptionInputs()
{
    return {
        spec("subscriptions.pricePerMonth", kSubscriptions, "Subscription price",
             "Price per subscriber per month (currency per month); every adopter subscribes.",
             Unit::Money, 0, 0, kNoLimit),
        belowMax(spec("subscriptions.churn", kSubscriptions, "Churn",
                      "Share of subscribers who leave each month (% per month, below 100 %).",
                      Unit::Fraction, 0.03, 0, 1)),
        spec("subscriptions.expansion", kSubscriptions, "Expansion",
             "Growth of the remaining subscribers' revenue each month from upgrades (% of "
             "recurring revenue per month).",
             Unit::Fraction, 0, 0, 1),
        spec("subscriptions.grossMargin", kSubscriptions, "Gross margin",
             "Share of subscription revenue left after the cost of serving it (%), for the "
             "lifetime value.",
             Unit::Fraction, 0.8, 0, 1),
        spec("subscriptions.cacPerCustomer", kSubscriptions, "Acquisition cost per customer",
             "Sales and advertising spent per new subscriber (currency per customer), on top of "
             "the monthly marketing.",
             Unit::Money, 0, 0, kNoLimit),
        spec("subscriptions.marketingShare", kSubscriptions, "Marketing share for acquisition",
             "Share of the monthly marketing and sales spend that wins subscribers (%), counted "
             "in the acquisition cost (CAC).",
             Unit::Fraction, 0, 0, 1),
    };
}

std::vector<InputSpec> adoptionInputs()
{
    return {
        aboveMin(spec("adoption.marketSize", kAdoption, "Market size (m)",
                      "Everyone who will adopt in the end (customers or users, count). Volumes "
                      "at full adoption are reached when all of them have.",
                      Unit::Count, 1000, 0, 1e12)),
        aboveMin(spec("adoption.innovation", kAdoption, "Innovation (p)",
                      "Bass innovation coefficient (per month, above 0): adoption on one's own. "
                      "Typical: 0.001 to 0.03 per month.",
                      Unit::PerMonth, 0.01, 0, 1)),
        spec("adoption.imitation", kAdoption, "Imitation (q)",
             "Bass imitation coefficient (per month): adoption because others adopted. "
             "Typical: 0.02 to 0.1 per month.",
             Unit::PerMonth, 0.05, 0, 1),
        spec("adoption.initialShare", kAdoption, "Adopted at launch",
             "Share of the market reached in the launch month on top of the Bass curve (%), "
             "e.g. a pilot; they count as new subscribers then. 100 % runs every volume at full "
             "adoption from launch.",
             Unit::Fraction, 0, 0, 1),
    };
}

std::vector<InputSpec> buildCatalogue()
{
    std::vector<InputSpec> all;
    for (auto group :
         {generalInputs(), trainingInputs(), energyInputs(), servingInputs(), runningInputs(),
          capitalInputs(), revenueInputs(), subscriptionInputs(), adoptionInputs()})
        all.insert(all.end(), group.begin(), group.end());
    return all;
}

const std::unordered_map<std::string, int> &indexByKey()
{
    static const std::unordered_map<std::string, int> index = [] {
        std::unordered_map<std::string, int> map;
        const auto &catalogue = inputCatalogue();
        for (std::size_t i = 0; i < catalogue.size(); ++i)
            map.emplace(catalogue[i].key, static_cast<int>(i));
        return map;
    }();
    return index;
}

} // namespace

const std::vector<InputSpec> &inputCatalogue()
{
    static const std::vector<InputSpec> catalogue = buildCatalogue();
    return catalogue;
}

const InputSpec *findInput(const std::string &key)
{
    const int index = inputIndex(key);
    return index < 0 ? nullptr : &inputCatalogue()[static_cast<std::size_t>(index)];
}

int inputIndex(const std::string &key)
{
    const auto &index = indexByKey();
    const auto found = index.find(key);
    return found == index.end() ? -1 : found->second;
}

} // namespace mf::roi
