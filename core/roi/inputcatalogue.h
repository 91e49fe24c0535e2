#pragma once

#include <string>
#include <vector>

namespace mf::roi {

/// What kind of number an input is: decides its formatting and its validation.
enum class Unit
{
    Money,        ///< in the scenario's currency
    MoneyPerHour, ///< currency per device- or instance-hour
    MoneyPerKwh,
    MoneyPerGbMonth,
    MoneyPerThousand, ///< currency per 1,000 requests
    Fraction,         ///< shown as a percentage, stored as 0..1 (0.1 = 10 %)
    Count,            ///< people, units, customers, instances (>= 0)
    Hours,
    Months,
    Kilowatts,
    Gigabytes,
    PerDay,    ///< requests per day
    PerSecond, ///< requests per second (throughput)
    Milliseconds,
    Ratio,          ///< a plain multiplier such as PUE or a peak factor (>= 1 where stated)
    Flops,          ///< floating-point operations (a count, e.g. 1.2e19)
    FlopsPerSecond, ///< peak floating-point operations per second of one device
    PerMonth        ///< a rate per month, such as the Bass coefficients p and q
};

/// One input of the ROI model: its key (e.g. "serving.requestsPerDay"), the form group it belongs
/// to, an English label and tooltip (the GUI translates them), its unit, its default and the range
/// a valid value must lie in (inclusive unless `minExclusive` / `maxExclusive`). An `integer`
/// input takes whole numbers only.
struct InputSpec
{
    std::string key;
    std::string group; ///< "General", "Training", "Energy", "Serving", "People and running costs",
                       ///< "Capital", "Revenue", "Subscriptions", "Adoption"
    std::string label;
    std::string tooltip;
    Unit unit = Unit::Money;
    double defaultValue = 0.0;
    double minValue = 0.0;
    double maxValue = 1e15;
    bool minExclusive = false;
    bool maxExclusive = false;
    bool integer = false;
};

/// Every input of the model, in form order. The keys are the scenario JSON's keys; renaming one
/// needs a scenario migration.
const std::vector<InputSpec> &inputCatalogue();

/// The spec for `key`, or nullptr.
const InputSpec *findInput(const std::string &key);

/// The position of `key` in inputCatalogue(), or -1.
int inputIndex(const std::string &key);

} // namespace mf::roi
