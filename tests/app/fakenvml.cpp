// A stand-in for the driver's libnvidia-ml, for tst_gpuusage: the entry points GpuUsage uses,
// with one "GPU" whose figures the test sets through the environment (FAKE_NVML_*), and an
// initialisation that fails when FAKE_NVML_INIT_ERROR is set.
#include <cstdlib>
#include <cstring>

extern "C" {

struct FakeDevice
{
    int index;
};

static FakeDevice g_device{0};

static unsigned long long number(const char *name, unsigned long long fallback)
{
    const char *value = std::getenv(name);
    return value ? std::strtoull(value, nullptr, 10) : fallback;
}

int nvmlInit_v2()
{
    return std::getenv("FAKE_NVML_INIT_ERROR") ? 9 /* NVML_ERROR_DRIVER_NOT_LOADED */ : 0;
}

int nvmlShutdown()
{
    return 0;
}

const char *nvmlErrorString(int code)
{
    switch (code) {
    case 2:
        return "Invalid Argument";
    case 9:
        return "Driver Not Loaded";
    default:
        return "Unknown Error";
    }
}

int nvmlDeviceGetHandleByIndex_v2(unsigned int index, FakeDevice **device)
{
    if (index >= number("FAKE_NVML_DEVICES", 1))
        return 2;
    g_device.index = static_cast<int>(index);
    *device = &g_device;
    return 0;
}

int nvmlDeviceGetName(FakeDevice *, char *name, unsigned int length)
{
    std::strncpy(name, "Fake GPU", length);
    return 0;
}

struct Utilization
{
    unsigned int gpu;
    unsigned int memory;
};

int nvmlDeviceGetUtilizationRates(FakeDevice *, Utilization *utilization)
{
    utilization->gpu = static_cast<unsigned int>(number("FAKE_NVML_UTILISATION", 0));
    utilization->memory = 0;
    return 0;
}

struct Memory
{
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
};

int nvmlDeviceGetMemoryInfo(FakeDevice *, Memory *memory)
{
    memory->total = number("FAKE_NVML_TOTAL", 0);
    memory->used = number("FAKE_NVML_USED", 0);
    memory->free = memory->total - memory->used;
    return 0;
}
}
