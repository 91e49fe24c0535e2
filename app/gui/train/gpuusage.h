#pragma once

#include <cstdint>
#include <string>

namespace mf {

/// Utilisation and memory of an NVIDIA GPU, read through NVML (libnvidia-ml, which comes with
/// the driver). The library is loaded at run time, only when it is present: the workbench needs
/// neither NVML nor a GPU to build or run, and nothing is linked against the driver.
class GpuUsage
{
public:
    struct Sample
    {
        bool known = false;
        std::string name;                ///< "NVIDIA H200"
        unsigned utilisationPercent = 0; ///< of the last sample period, as nvidia-smi shows it
        std::uint64_t usedBytes = 0;
        std::uint64_t totalBytes = 0;
        std::string error; ///< why the sample is not known
    };

    /// Loads `library` (the driver's soname by default; tests load a fake) and initialises NVML;
    /// available() says whether that worked and error() why not.
    explicit GpuUsage(const std::string &library = "libnvidia-ml.so.1");
    ~GpuUsage();
    GpuUsage(const GpuUsage &) = delete;
    GpuUsage &operator=(const GpuUsage &) = delete;

    bool available() const { return m_initialised; }
    const std::string &error() const { return m_error; }
    /// NVML counts devices in PCI bus order, CUDA fastest first unless CUDA_DEVICE_ORDER is
    /// PCI_BUS_ID; both count the devices CUDA_VISIBLE_DEVICES leaves. This maps CUDA's index
    /// through a numeric CUDA_VISIBLE_DEVICES ("2,3": cuda:0 is NVML's 2) and keeps it otherwise.
    static unsigned nvmlIndexOf(int cudaIndex, const char *visibleDevices);
    /// The device NVML numbers `nvmlIndex`.
    Sample sample(unsigned nvmlIndex) const;

private:
    struct Api;

    void *m_library = nullptr;
    Api *m_api = nullptr;
    bool m_initialised = false;
    std::string m_error;
};

} // namespace mf
