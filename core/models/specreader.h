#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace mf {

/// Typed, range-checked reads of one JSON object's members. Every failure throws
/// mf::ConfigError whose message starts with the member's full key ("model.conv[1]: ...").
class SpecReader
{
public:
    /// `prefix` is prepended to every key in messages ("model." or "optimizer.").
    SpecReader(const nlohmann::json &object, std::string prefix);

    bool has(const std::string &key) const;
    /// Full key as used in messages.
    std::string keyName(const std::string &key) const;

    std::string text(const std::string &key, const std::string &fallback) const;
    std::string requiredText(const std::string &key) const;
    bool boolean(const std::string &key, bool fallback) const;
    /// Accepts JSON integers and integral floating-point values in [min, max].
    std::int64_t integer(const std::string &key, std::int64_t fallback, std::int64_t min,
                         std::int64_t max) const;
    std::uint64_t unsignedInteger(const std::string &key, std::uint64_t fallback) const;
    /// A finite number in [min, max].
    double number(const std::string &key, double fallback, double min, double max) const;
    /// An array of integers, each in [min, max]; empty only when `allowEmpty`.
    std::vector<std::int64_t> integers(const std::string &key,
                                       const std::vector<std::int64_t> &fallback, std::int64_t min,
                                       std::int64_t max, bool allowEmpty) const;
    /// The member itself (null JSON when absent).
    const nlohmann::json &value(const std::string &key) const;

    /// Throws for the first member whose key is not in `known`.
    void rejectUnknown(std::initializer_list<const char *> known) const;

    [[noreturn]] void fail(const std::string &key, const std::string &reason) const;

    static std::string formatNumber(double value);

private:
    const nlohmann::json &m_object;
    std::string m_prefix;
};

} // namespace mf
