#include "app/gui/train/gpuusage.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <vector>

namespace mf {

namespace {

// The few declarations of nvml.h used here, as the driver's C ABI defines them (NVML's header is
// not in Debian's main archive); the _v2 entry points are those nvml.h maps its names to.
using NvmlReturn = int; // nvmlReturn_t; NVML_SUCCESS is 0
using NvmlDevice = struct NvmlDeviceOpaque *;
struct NvmlUtilization
{
    unsigned int gpu;
    unsigned int memory;
};
struct NvmlMemory
{
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
};
constexpr NvmlReturn kNvmlSuccess = 0;

} // namespace

struct GpuUsage::Api
{
    NvmlReturn (*init)() = nullptr;
    NvmlReturn (*shutdown)() = nullptr;
    const char *(*errorString)(NvmlReturn) = nullptr;
    NvmlReturn (*handleByIndex)(unsigned int, NvmlDevice *) = nullptr;
    NvmlReturn (*name)(NvmlDevice, char *, unsigned int) = nullptr;
    NvmlReturn (*utilisation)(NvmlDevice, NvmlUtilization *) = nullptr;
    NvmlReturn (*memory)(NvmlDevice, NvmlMemory *) = nullptr;

    std::string describe(NvmlReturn code) const
    {
        const char *text = errorString ? errorString(code) : nullptr;
        return text ? std::string(text) : "NVML error " + std::to_string(code);
    }
};

namespace {

template <typename Function>
bool resolve(void *library, const char *symbol, Function &function, std::string &missing)
{
    function = reinterpret_cast<Function>(::dlsym(library, symbol));
    if (!function)
        missing = symbol;
    return function != nullptr;
}

} // namespace

GpuUsage::GpuUsage(const std::string &library)
{
    m_library = ::dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!m_library) {
        const char *why = ::dlerror();
        m_error = "NVML is not available (" + (why ? std::string(why) : library) + ")";
        return;
    }
    m_api = new Api;
    std::string missing;
    if (!resolve(m_library, "nvmlInit_v2", m_api->init, missing) ||
        !resolve(m_library, "nvmlShutdown", m_api->shutdown, missing) ||
        !resolve(m_library, "nvmlErrorString", m_api->errorString, missing) ||
        !resolve(m_library, "nvmlDeviceGetHandleByIndex_v2", m_api->handleByIndex, missing) ||
        !resolve(m_library, "nvmlDeviceGetName", m_api->name, missing) ||
        !resolve(m_library, "nvmlDeviceGetUtilizationRates", m_api->utilisation, missing) ||
        !resolve(m_library, "nvmlDeviceGetMemoryInfo", m_api->memory, missing)) {
        m_error = library + " lacks " + missing + ": too old an NVIDIA driver";
        return;
    }
    const NvmlReturn result = m_api->init();
    if (result != kNvmlSuccess) {
        m_error = "NVML did not start: " + m_api->describe(result);
        return;
    }
    m_initialised = true;
}

GpuUsage::~GpuUsage()
{
    if (m_initialised)
        m_api->shutdown();
    delete m_api;
    if (m_library)
        ::dlclose(m_library);
}

unsigned GpuUsage::nvmlIndexOf(int cudaIndex, const char *visibleDevices)
{
    const unsigned fallback = static_cast<unsigned>(std::max(0, cudaIndex));
    if (!visibleDevices || !*visibleDevices)
        return fallback;
    std::vector<unsigned> listed;
    std::stringstream entries(visibleDevices);
    std::string entry;
    while (std::getline(entries, entry, ',')) {
        char *end = nullptr;
        const unsigned long value = std::strtoul(entry.c_str(), &end, 10);
        if (entry.empty() || *end != '\0') // "GPU-<uuid>" or "MIG-…": not mapped here
            return fallback;
        listed.push_back(static_cast<unsigned>(value));
    }
    return fallback < listed.size() ? listed[fallback] : fallback;
}

GpuUsage::Sample GpuUsage::sample(unsigned nvmlIndex) const
{
    Sample s;
    if (!m_initialised) {
        s.error = m_error;
        return s;
    }
    NvmlDevice device = nullptr;
    NvmlReturn result = m_api->handleByIndex(nvmlIndex, &device);
    if (result != kNvmlSuccess) {
        s.error = "NVML has no GPU " + std::to_string(nvmlIndex) + ": " + m_api->describe(result);
        return s;
    }
    char name[96] = {};
    if (m_api->name(device, name, sizeof name) == kNvmlSuccess)
        s.name = name;
    NvmlUtilization utilisation{};
    NvmlMemory memory{};
    result = m_api->utilisation(device, &utilisation);
    if (result == kNvmlSuccess)
        result = m_api->memory(device, &memory);
    if (result != kNvmlSuccess) {
        s.error =
            "NVML cannot read GPU " + std::to_string(nvmlIndex) + ": " + m_api->describe(result);
        return s;
    }
    s.known = true;
    s.utilisationPercent = utilisation.gpu;
    s.usedBytes = memory.used;
    s.totalBytes = memory.total;
    return s;
}

} // namespace mf
