#include "core/train/environmentinfo.h"

#include "core/util/error.h"

#include <torch/torch.h>

#include <cctype>

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

bool cudaAvailable()
{
    return torch::cuda::is_available();
}

int cudaDeviceCount()
{
    return static_cast<int>(torch::cuda::device_count());
}

std::string resolveDeviceName(const std::string &requested)
{
    if (requested == "cpu")
        return "cpu";
    const std::string prefix = "cuda:";
    int index = 0;
    if (requested != "cuda") {
        const bool digitsFollow =
            requested.size() > prefix.size() && requested.compare(0, prefix.size(), prefix) == 0 &&
            requested.size() <= prefix.size() + 3 &&
            std::all_of(requested.begin() + static_cast<std::ptrdiff_t>(prefix.size()),
                        requested.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
        if (!digitsFollow)
            throw ConfigError("Unknown device \"" + requested +
                              "\": use \"cpu\", \"cuda\" or \"cuda:N\".");
        index = std::stoi(requested.substr(prefix.size()));
    }
    if (!cudaAvailable())
        throw ConfigError("CUDA requested but this LibTorch build has no usable CUDA device");
    const int count = cudaDeviceCount();
    if (index >= count)
        throw ConfigError("CUDA device " + std::to_string(index) + " requested but only " +
                          std::to_string(count) + " CUDA device(s) are present");
    return prefix + std::to_string(index);
}

} // namespace mf
