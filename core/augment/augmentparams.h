#pragma once
// Parameter types, JSON reads and range checks shared by the augmentation operations. Every
// check throws mf::ConfigError whose message starts with the parameter's full key.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

class SpecReader;

/// A closed range [lo, hi] a parameter is drawn from.
struct Interval
{
    double lo = 0.0;
    double hi = 0.0;
};

bool operator==(const Interval &a, const Interval &b);
inline bool operator!=(const Interval &a, const Interval &b)
{
    return !(a == b);
}

/// A finite number in [min, max].
void requireNumber(const std::string &key, double value, double min, double max);
/// An integer in [min, max].
void requireInteger(const std::string &key, std::int64_t value, std::int64_t min, std::int64_t max);
/// Both ends finite, in [min, max], and lo <= hi.
void requireInterval(const std::string &key, const Interval &value, double min, double max);

/// A number of any finite value (ranges are checked by the operation).
double readNumber(const SpecReader &reader, const std::string &key, double fallback);
/// An integer of any value.
std::int64_t readInteger(const SpecReader &reader, const std::string &key, std::int64_t fallback);
/// A two-number array [lo, hi].
Interval readInterval(const SpecReader &reader, const std::string &key, const Interval &fallback);
/// A non-empty array of numbers.
std::vector<double> readNumbers(const SpecReader &reader, const std::string &key,
                                const std::vector<double> &fallback);

nlohmann::json intervalJson(const Interval &value);

/// "0.5" style text for messages, independent of the locale.
std::string numberText(double value);

} // namespace mf
