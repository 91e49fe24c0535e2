// validate() of projection.h: every problem of a scenario, with its key and a readable reason.
#include "core/roi/formulas.h"
#include "core/roi/inputcatalogue.h"
#include "core/roi/projection.h"
#include "core/roi/scenario.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace mf::roi {

namespace {

constexpr double kMatrixLimit = 1e15;

std::string number(double value)
{
    char text[40];
    std::snprintf(text, sizeof(text), "%.10g", value);
    return text;
}

std::string shown(const InputSpec &spec, double value)
{
    return spec.unit == Unit::Fraction ? number(value * 100.0) + " %" : number(value);
}

bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

bool isRate(const std::string &key)
{
    return key == "general.discountRateAnnual" || key == "general.financeRateAnnual" ||
           key == "general.reinvestRateAnnual";
}

std::optional<std::string> valueProblem(const InputSpec &spec, double value)
{
    if (std::isnan(value))
        return "is not a number (NaN); enter a number";
    if (std::isinf(value))
        return "is infinite; enter a finite number";
    const std::string entered = " (" + shown(spec, value) + " was entered)";
    if (spec.key == "general.horizonMonths" && value < 1.0)
        return "the horizon must be at least 1 month; " + number(value) +
               " months projects nothing";
    if (isRate(spec.key) && value <= -1.0)
        return "a rate of -100 % or below is impossible to discount at; enter a rate above "
               "-100 %" +
               entered;
    if (spec.key == "subscriptions.churn" && value >= 1.0)
        return "a monthly churn of 100 % or more loses every customer each month; enter a "
               "fraction below 100 %" +
               entered;
    const bool belowMin = spec.minExclusive ? value <= spec.minValue : value < spec.minValue;
    if (belowMin && spec.minValue == 0.0 && value < 0.0)
        return "must not be negative" + entered;
    if (belowMin)
        return std::string("must be ") + (spec.minExclusive ? "above " : "at least ") +
               shown(spec, spec.minValue) + entered;
    const bool aboveMax = spec.maxExclusive ? value >= spec.maxValue : value > spec.maxValue;
    if (aboveMax)
        return std::string("must be ") + (spec.maxExclusive ? "below " : "at most ") +
               shown(spec, spec.maxValue) + entered;
    if (spec.integer && value != std::floor(value))
        return "must be a whole number" + entered;
    return std::nullopt;
}

bool isIsoDate(const std::string &text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9')
            return false;
    const int month = std::stoi(text.substr(5, 2));
    const int day = std::stoi(text.substr(8, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

class ProblemList
{
public:
    explicit ProblemList(const Scenario &scenario) : m_scenario(scenario) {}

    void add(std::string key, std::string reason)
    {
        m_problems.push_back({std::move(key), std::move(reason)});
    }
    bool has(const std::string &key) const
    {
        for (const auto &problem : m_problems)
            if (problem.key == key)
                return true;
        return false;
    }
    double value(const char *key) const { return m_scenario.value(key); }
    Input input(const char *key) const { return m_scenario.input(key); }
    /// The largest value the input takes in any case (base, worst, best, Monte Carlo trial).
    double highest(const char *key) const
    {
        const Input in = input(key);
        return std::max(in.value, in.high);
    }

    /// A price of 0 for a volume above 0: the price was most likely forgotten. Checked over the
    /// input ranges too, so that the worst and best cases are valid scenarios as well.
    void requirePrice(bool volumeAboveZero, const char *priceKey, const std::string &why)
    {
        if (!volumeAboveZero || has(priceKey))
            return;
        const Input price = input(priceKey);
        if (price.value == 0.0)
            add(priceKey, "is 0 although " + why + "; enter the price");
        else if (price.low == 0.0)
            add(priceKey, "the low end of its range is 0 although " + why +
                              "; enter the lowest price that is realistic");
    }

    std::vector<InputProblem> take() { return std::move(m_problems); }

private:
    const Scenario &m_scenario;
    std::vector<InputProblem> m_problems;
};

void checkInputs(const Scenario &scenario, ProblemList &problems)
{
    for (const auto &[key, input] : scenario.inputs)
        if (!findInput(key))
            problems.add(key, "is not an input of the ROI model (unknown key)");
    for (const InputSpec &spec : inputCatalogue()) {
        const Input input = scenario.input(spec.key);
        if (const auto problem = valueProblem(spec, input.value))
            problems.add(spec.key, *problem);
        // A certain input's range repeats its value and its problem.
        if (!sameNumber(input.low, input.value))
            if (const auto problem = valueProblem(spec, input.low))
                problems.add(spec.key, "the low end of its range: " + *problem);
        if (!sameNumber(input.high, input.value))
            if (const auto problem = valueProblem(spec, input.high))
                problems.add(spec.key, "the high end of its range: " + *problem);
        if (input.low > input.value)
            problems.add(spec.key, "the low end (" + shown(spec, input.low) +
                                       ") is above the value (" + shown(spec, input.value) + ")");
        if (input.high < input.value)
            problems.add(spec.key, "the high end (" + shown(spec, input.high) +
                                       ") is below the value (" + shown(spec, input.value) + ")");
        if (!input.asOf.empty() && !isIsoDate(input.asOf))
            problems.add(spec.key, "the as-of date \"" + input.asOf +
                                       "\" is not a date in the form YYYY-MM-DD");
    }
}

void checkPrices(ProblemList &p)
{
    const bool estimated =
        p.highest("training.flopsPerRun") > 0.0 ||
        (p.highest("training.parameters") > 0.0 && p.highest("training.tokens") > 0.0);
    const bool training =
        (p.highest("training.deviceHoursPerRun") > 0.0 || estimated) &&
        (p.highest("training.runsPerYear") > 0.0 || p.highest("training.initialRuns") > 0.0);
    const bool serving = p.highest("serving.requestsPerDay") > 0.0;
    p.requirePrice(training, "training.pricePerDeviceHour", "training runs use device-hours");
    p.requirePrice((training && p.highest("training.deviceKw") > 0.0) ||
                       (serving && p.highest("serving.instanceKw") > 0.0),
                   "energy.pricePerKwh",
                   "devices draw power (set their power to 0 when the hourly price includes it)");
    p.requirePrice(serving, "serving.pricePerInstanceHour", "requests are served");
    p.requirePrice(p.highest("storage.gigabytes") > 0.0, "storage.pricePerGbMonth",
                   "data is stored");
    p.requirePrice(p.highest("staff.people") > 0.0 && p.highest("staff.months") > 0.0,
                   "staff.loadedCostPerMonth", "R&D staff are counted");
    p.requirePrice(p.highest("licences.unitsPerMonth") > 0.0, "licences.price",
                   "licences are sold");
    p.requirePrice(p.highest("platform.gmvPerMonth") > 0.0, "platform.takeRate",
                   "the platform has a volume");
    p.requirePrice(p.highest("partner.revenuePerMonth") > 0.0, "partner.share",
                   "partners have revenue");
}

void checkServingCapacity(ProblemList &p)
{
    const char *throughputKey = "serving.throughputPerInstance";
    const double requests = p.value("serving.requestsPerDay");
    const Input throughput = p.input(throughputKey);
    const Input latency = p.input("serving.latencyMs");
    if (p.has(throughputKey) || p.has("serving.latencyMs") ||
        !(p.highest("serving.requestsPerDay") > 0.0))
        return;
    if (requests > 0.0 && effectiveThroughput(throughput.value, latency.value) <= 0.0)
        p.add(throughputKey, "is 0 and so is the latency although requests are served; enter the "
                             "requests per second one instance sustains");
    else if (effectiveThroughput(throughput.low, latency.low) <= 0.0)
        p.add(throughputKey, "the low ends of the throughput and the latency are both 0, so the "
                             "worst case would serve requests with no capacity");
}

void checkCapital(ProblemList &p)
{
    if (p.has("capital.salvage") || p.has("capital.hardware"))
        return;
    const Input hardware = p.input("capital.hardware");
    if (p.value("capital.salvage") > hardware.value)
        p.add("capital.salvage", "the salvage value (" + number(p.value("capital.salvage")) +
                                     ") is above the hardware's price (" + number(hardware.value) +
                                     ")");
    else if (p.highest("capital.salvage") > hardware.low)
        p.add("capital.salvage",
              "the salvage value can reach " + number(p.highest("capital.salvage")) +
                  ", above the low end of the hardware's price (" + number(hardware.low) + ")");
}

bool checkMatrix(const std::vector<std::vector<double>> &matrix, std::size_t classes,
                 const std::string &key, bool counts, ProblemList &p)
{
    if (matrix.size() != classes) {
        p.add(key, "has " + std::to_string(matrix.size()) + " rows for " + std::to_string(classes) +
                       " classes; it must be " + std::to_string(classes) + " x " +
                       std::to_string(classes));
        return false;
    }
    for (std::size_t i = 0; i < matrix.size(); ++i) {
        if (matrix[i].size() != classes) {
            p.add(key, "row " + std::to_string(i + 1) + " has " + std::to_string(matrix[i].size()) +
                           " entries for " + std::to_string(classes) + " classes");
            return false;
        }
        for (std::size_t j = 0; j < classes; ++j) {
            const double x = matrix[i][j];
            const std::string where =
                "entry (" + std::to_string(i + 1) + ", " + std::to_string(j + 1) + ")";
            if (!std::isfinite(x)) {
                p.add(key, where + " is not a finite number");
                return false;
            }
            if (counts && x < 0.0) {
                p.add(key, where + " is a negative count (" + number(x) + ")");
                return false;
            }
            if (std::fabs(x) > kMatrixLimit) {
                p.add(key, where + " (" + number(x) + ") is beyond +/-1e15");
                return false;
            }
        }
    }
    return true;
}

void checkPredictionValue(const PredictionValue &prediction, ProblemList &p)
{
    const bool hasBenefit = !prediction.benefit.empty();
    const bool hasConfusion = !prediction.confusion.empty();
    const double volume = p.highest("predictions.perMonth");
    if (!hasBenefit && volume > 0.0) {
        p.add("predictionValue.benefit", "is empty although predictions per month is above 0; "
                                         "enter what each outcome is worth");
        return;
    }
    if (!hasBenefit && !hasConfusion && prediction.classes.empty())
        return;
    const std::size_t n = prediction.classes.size();
    if (n == 0) {
        p.add("predictionValue.classes", "is empty although there are prediction matrices; "
                                         "name the classes");
        return;
    }
    const bool benefitOk = checkMatrix(prediction.benefit, n, "predictionValue.benefit", false, p);
    if (!hasConfusion) {
        if (hasBenefit)
            p.add("predictionValue.confusion",
                  "is empty; fill it from a run's confusion matrix or enter the counts");
        return;
    }
    if (!checkMatrix(prediction.confusion, n, "predictionValue.confusion", true, p) || !benefitOk)
        return;
    double total = 0.0;
    for (const auto &row : prediction.confusion)
        for (double count : row)
            total += count;
    if (!(total > 0.0))
        p.add("predictionValue.confusion", "holds no counts (all are 0)");
}

void checkCurrency(const std::string &currency, ProblemList &p)
{
    bool ok = currency.size() == 3;
    for (char c : currency)
        ok = ok && c >= 'A' && c <= 'Z';
    if (!ok)
        p.add("currency",
              "\"" + currency + "\" is not a three-letter ISO 4217 code such as USD or EUR");
}

} // namespace

std::vector<InputProblem> validate(const Scenario &scenario)
{
    ProblemList problems(scenario);
    checkCurrency(scenario.currency, problems);
    checkInputs(scenario, problems);
    checkPrices(problems);
    checkServingCapacity(problems);
    checkCapital(problems);
    checkPredictionValue(scenario.predictionValue, problems);
    return problems.take();
}

} // namespace mf::roi
