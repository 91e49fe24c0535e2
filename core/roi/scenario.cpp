#include "core/roi/scenario.h"

#include "core/roi/inputcatalogue.h"
#include "core/util/error.h"

#include <algorithm>

namespace mf::roi {

namespace {

const InputSpec &requireSpec(const std::string &key)
{
    const InputSpec *spec = findInput(key);
    if (!spec)
        throw ConfigError("\"" + key + "\" is not an input of the ROI model.");
    return *spec;
}

} // namespace

Input certainInput(double value, std::string source, std::string asOf)
{
    Input input;
    input.value = value;
    input.low = value;
    input.high = value;
    input.source = std::move(source);
    input.asOf = std::move(asOf);
    return input;
}

Input Scenario::input(const std::string &key) const
{
    const InputSpec &spec = requireSpec(key);
    const auto own = inputs.find(key);
    return own != inputs.end() ? own->second : certainInput(spec.defaultValue);
}

void Scenario::setValue(const std::string &key, double value)
{
    Input current = input(key);
    if (current.low == current.high) {
        current.low = value;
        current.high = value;
    } else {
        current.low = std::min(current.low, value);
        current.high = std::max(current.high, value);
    }
    current.value = value;
    inputs[key] = current;
}

} // namespace mf::roi
