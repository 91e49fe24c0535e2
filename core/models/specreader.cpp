#include "core/models/specreader.h"

#include "core/util/error.h"

#include <cmath>
#include <limits>
#include <sstream>

namespace mf {

namespace {

const nlohmann::json &nullJson()
{
    static const nlohmann::json null;
    return null;
}

bool integralValue(const nlohmann::json &value, double &out)
{
    if (value.is_number_integer() || value.is_number_unsigned()) {
        out = value.get<double>();
        return true;
    }
    if (value.is_number_float()) {
        const double v = value.get<double>();
        if (std::isfinite(v) && std::floor(v) == v) {
            out = v;
            return true;
        }
    }
    return false;
}

std::string rangeText(std::int64_t min, std::int64_t max)
{
    if (max == std::numeric_limits<std::int64_t>::max())
        return "an integer of at least " + std::to_string(min);
    return "an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

} // namespace

SpecReader::SpecReader(const nlohmann::json &object, std::string prefix)
    : m_object(object), m_prefix(std::move(prefix))
{
    if (!m_object.is_object()) {
        std::string name = m_prefix;
        if (!name.empty() && name.back() == '.')
            name.pop_back();
        throw ConfigError((name.empty() ? std::string("configuration") : name) +
                          ": must be a JSON object");
    }
}

bool SpecReader::has(const std::string &key) const
{
    return m_object.contains(key) && !m_object.at(key).is_null();
}

std::string SpecReader::keyName(const std::string &key) const
{
    return m_prefix + key;
}

void SpecReader::fail(const std::string &key, const std::string &reason) const
{
    throw ConfigError(keyName(key) + ": " + reason);
}

std::string SpecReader::formatNumber(double value)
{
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << value;
    return out.str();
}

const nlohmann::json &SpecReader::value(const std::string &key) const
{
    return has(key) ? m_object.at(key) : nullJson();
}

std::string SpecReader::text(const std::string &key, const std::string &fallback) const
{
    if (!has(key))
        return fallback;
    const auto &v = m_object.at(key);
    if (!v.is_string())
        fail(key, "must be a string");
    return v.get<std::string>();
}

std::string SpecReader::requiredText(const std::string &key) const
{
    if (!has(key))
        fail(key, "is required");
    return text(key, {});
}

bool SpecReader::boolean(const std::string &key, bool fallback) const
{
    if (!has(key))
        return fallback;
    const auto &v = m_object.at(key);
    if (!v.is_boolean())
        fail(key, "must be true or false");
    return v.get<bool>();
}

std::int64_t SpecReader::integer(const std::string &key, std::int64_t fallback, std::int64_t min,
                                 std::int64_t max) const
{
    if (!has(key))
        return fallback;
    double v = 0.0;
    if (!integralValue(m_object.at(key), v) || v < static_cast<double>(min) ||
        v > static_cast<double>(max))
        fail(key, "must be " + rangeText(min, max));
    return static_cast<std::int64_t>(v);
}

std::uint64_t SpecReader::unsignedInteger(const std::string &key, std::uint64_t fallback) const
{
    if (!has(key))
        return fallback;
    const auto &v = m_object.at(key);
    if (v.is_number_unsigned())
        return v.get<std::uint64_t>();
    if (v.is_number_integer() && v.get<std::int64_t>() >= 0)
        return static_cast<std::uint64_t>(v.get<std::int64_t>());
    fail(key, "must be a non-negative integer");
}

double SpecReader::number(const std::string &key, double fallback, double min, double max) const
{
    if (!has(key))
        return fallback;
    const auto &v = m_object.at(key);
    if (!v.is_number())
        fail(key, "must be a number");
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < min || d > max) {
        std::string range;
        if (max == std::numeric_limits<double>::infinity())
            range = "at least " + formatNumber(min);
        else
            range = "from " + formatNumber(min) + " to " + formatNumber(max);
        fail(key, "must be a number " + range);
    }
    return d;
}

std::vector<std::int64_t> SpecReader::integers(const std::string &key,
                                               const std::vector<std::int64_t> &fallback,
                                               std::int64_t min, std::int64_t max,
                                               bool allowEmpty) const
{
    if (!has(key))
        return fallback;
    const auto &v = m_object.at(key);
    if (!v.is_array())
        fail(key, "must be an array of integers");
    if (v.empty() && !allowEmpty)
        fail(key, "must not be empty");
    std::vector<std::int64_t> result;
    result.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        double d = 0.0;
        if (!integralValue(v[i], d) || d < static_cast<double>(min) || d > static_cast<double>(max))
            fail(key + "[" + std::to_string(i) + "]", "must be " + rangeText(min, max));
        result.push_back(static_cast<std::int64_t>(d));
    }
    return result;
}

void SpecReader::rejectUnknown(std::initializer_list<const char *> known) const
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        bool found = false;
        for (const char *k : known)
            found = found || it.key() == k;
        if (!found)
            fail(it.key(), "unknown key");
    }
}

} // namespace mf
