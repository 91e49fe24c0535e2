#pragma once

#include <string>

namespace mf {

/// What a kernel decision depends on. A decision measured under one key is reused only under
/// an equal key: another processor, ATen dispatch level, LibTorch, device, thread count or
/// workload (model and input shapes) measures again.
struct KernelKey
{
    std::string processor;  ///< processorModel(): "AMD EPYC 7B13"
    std::string capability; ///< the vector code ATen dispatches to: "AVX2"
    std::string torch;      ///< the LibTorch version: "1.13.0"
    std::string device;     ///< "cpu", "cuda:0 (NVIDIA H200)"
    int threads = 1;        ///< intra-op threads
    std::string workload;   ///< the model and the shape of a batch it is trained on

    bool operator==(const KernelKey &other) const;
    bool operator!=(const KernelKey &other) const { return !(*this == other); }
};

} // namespace mf
