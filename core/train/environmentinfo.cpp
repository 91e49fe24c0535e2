#include "core/train/environmentinfo.h"

#include "core/train/devicename.h"
#include "core/util/error.h"

#include <ATen/Context.h>
#include <ATen/Version.h>
#include <torch/torch.h>

#ifndef MODELFORGE_VERSION
#error "MODELFORGE_VERSION must be defined by the build (core/train/CMakeLists.txt)"
#endif

namespace mf {

std::string modelforgeVersion()
{
    return MODELFORGE_VERSION;
}

std::string torchVersion()
{
    return TORCH_VERSION;
}

std::string versionsString()
{
    return "modelforge " + modelforgeVersion() + "; libtorch " + torchVersion();
}

namespace {

/// The text after `marker` in LibTorch's build information, up to the end of its line or
/// `stop`.
std::string configField(const std::string &marker, char stop = '\n')
{
    static const std::string config = at::show_config();
    const auto at = config.find(marker);
    if (at == std::string::npos)
        return {};
    const auto begin = at + marker.size();
    const auto end = config.find_first_of(std::string("\n") + stop, begin);
    return config.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

} // namespace

std::string cpuCapability()
{
    const std::string capability = configField("CPU capability usage: ");
    return capability.empty() ? "unknown" : capability;
}

std::string oneDnnVersion()
{
    return at::hasMKLDNN() ? configField("MKL-DNN v", ' ') : std::string();
}

bool cudaAvailable()
{
    return torch::cuda::is_available();
}

int cudaDeviceCount()
{
    return static_cast<int>(torch::cuda::device_count());
}

std::string resolveDeviceName(const std::string &requested, int localRank)
{
    const std::optional<DeviceRequest> device = parseDeviceName(requested);
    if (!device)
        throw ConfigError("Unknown device \"" + requested +
                          "\": use \"cpu\", \"cuda\" or \"cuda:N\".");
    if (!device->cuda)
        return "cpu";
    const int index = device->indexed ? device->index : localRank;
    if (!cudaAvailable())
        throw ConfigError("CUDA requested but this LibTorch build has no usable CUDA device");
    const int count = cudaDeviceCount();
    if (!device->indexed && localRank >= count)
        throw ConfigError("Local rank " + std::to_string(localRank) + " trains on CUDA device " +
                          std::to_string(localRank) + ", one device per process, but only " +
                          std::to_string(count) + " CUDA device(s) are present: start at most " +
                          std::to_string(count) + " process(es) on this machine");
    if (index >= count)
        throw ConfigError("CUDA device " + std::to_string(index) + " requested but only " +
                          std::to_string(count) + " CUDA device(s) are present");
    return "cuda:" + std::to_string(index);
}

} // namespace mf
