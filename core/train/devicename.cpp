#include "core/train/devicename.h"

#include <algorithm>
#include <cctype>

namespace mf {

std::optional<DeviceRequest> parseDeviceName(const std::string &name)
{
    if (name == "cpu")
        return DeviceRequest{};
    if (name == "cuda")
        return DeviceRequest{true, 0, false};
    const std::string prefix = "cuda:";
    if (name.size() <= prefix.size() || name.size() > prefix.size() + 3 ||
        name.compare(0, prefix.size(), prefix) != 0)
        return std::nullopt;
    const std::string digits = name.substr(prefix.size());
    if (!std::all_of(digits.begin(), digits.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; }))
        return std::nullopt;
    return DeviceRequest{true, std::stoi(digits), true};
}

} // namespace mf
