#include "core/augment/augmentparams.h"

#include "core/models/specreader.h"
#include "core/util/error.h"

#include <cmath>
#include <limits>

namespace mf {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::string rangeText(double min, double max)
{
    return "from " + numberText(min) + " to " + numberText(max);
}

} // namespace

bool operator==(const Interval &a, const Interval &b)
{
    return a.lo == b.lo && a.hi == b.hi;
}

std::string numberText(double value)
{
    return SpecReader::formatNumber(value);
}

void requireNumber(const std::string &key, double value, double min, double max)
{
    if (!std::isfinite(value) || value < min || value > max)
        throw ConfigError(key + ": must be a number " + rangeText(min, max) + " (got " +
                          numberText(value) + ")");
}

void requireInteger(const std::string &key, std::int64_t value, std::int64_t min, std::int64_t max)
{
    if (value < min || value > max)
        throw ConfigError(key + ": must be an integer from " + std::to_string(min) + " to " +
                          std::to_string(max) + " (got " + std::to_string(value) + ")");
}

void requireInterval(const std::string &key, const Interval &value, double min, double max)
{
    requireNumber(key + "[0]", value.lo, min, max);
    requireNumber(key + "[1]", value.hi, min, max);
    if (value.lo > value.hi)
        throw ConfigError(key + ": the lower end " + numberText(value.lo) +
                          " is above the upper end " + numberText(value.hi));
}

double readNumber(const SpecReader &reader, const std::string &key, double fallback)
{
    return reader.number(key, fallback, -kInf, kInf);
}

std::int64_t readInteger(const SpecReader &reader, const std::string &key, std::int64_t fallback)
{
    if (!reader.has(key))
        return fallback;
    const nlohmann::json &value = reader.value(key);
    if (value.is_number_unsigned() &&
        value.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        reader.fail(key, "is too large");
    if (value.is_number_integer())
        return value.get<std::int64_t>();
    if (value.is_number_float()) {
        const double d = value.get<double>();
        // Integral values within int64 (2^63 is the first double above its range).
        if (std::floor(d) == d && std::fabs(d) < 9.2e18)
            return static_cast<std::int64_t>(d);
    }
    reader.fail(key, "must be an integer");
}

Interval readInterval(const SpecReader &reader, const std::string &key, const Interval &fallback)
{
    if (!reader.has(key))
        return fallback;
    const nlohmann::json &value = reader.value(key);
    if (!value.is_array() || value.size() != 2 || !value[0].is_number() || !value[1].is_number())
        reader.fail(key, "must be an array of two numbers [low, high]");
    return Interval{value[0].get<double>(), value[1].get<double>()};
}

std::vector<double> readNumbers(const SpecReader &reader, const std::string &key,
                                const std::vector<double> &fallback)
{
    if (!reader.has(key))
        return fallback;
    const nlohmann::json &value = reader.value(key);
    if (!value.is_array() || value.empty())
        reader.fail(key, "must be a non-empty array of numbers");
    std::vector<double> numbers;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_number())
            reader.fail(key + "[" + std::to_string(i) + "]", "must be a number");
        numbers.push_back(value[i].get<double>());
    }
    return numbers;
}

nlohmann::json intervalJson(const Interval &value)
{
    return nlohmann::json::array({value.lo, value.hi});
}

} // namespace mf
