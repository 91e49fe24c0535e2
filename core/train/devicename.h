#pragma once

#include <optional>
#include <string>

namespace mf {

/// A device as a config names it, before anyone asks whether it exists.
struct DeviceRequest
{
    bool cuda = false;
    int index = 0;        ///< the CUDA device; 0 for the CPU
    bool indexed = false; ///< "cuda:N" rather than "cuda"
};

/// Reads "cpu", "cuda" (device 0) or "cuda:N" with N one to three digits; std::nullopt for
/// anything else.
std::optional<DeviceRequest> parseDeviceName(const std::string &name);

} // namespace mf
