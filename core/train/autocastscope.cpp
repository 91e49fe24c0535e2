#include "core/train/autocastscope.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

// LibTorch 2.4 keyed the autocast switches by device type; 1.13 to 2.3 have one pair of
// functions for CUDA and one for the CPU.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define MF_AUTOCAST_BY_DEVICE_TYPE 1
#endif

namespace mf {

namespace {

bool autocastEnabled(bool cuda)
{
#ifdef MF_AUTOCAST_BY_DEVICE_TYPE
    return at::autocast::is_autocast_enabled(cuda ? at::kCUDA : at::kCPU);
#else
    return cuda ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
#endif
}

void setAutocastEnabled(bool cuda, bool enabled)
{
#ifdef MF_AUTOCAST_BY_DEVICE_TYPE
    at::autocast::set_autocast_enabled(cuda ? at::kCUDA : at::kCPU, enabled);
#else
    if (cuda)
        at::autocast::set_enabled(enabled);
    else
        at::autocast::set_cpu_enabled(enabled);
#endif
}

at::ScalarType autocastType(bool cuda)
{
#ifdef MF_AUTOCAST_BY_DEVICE_TYPE
    return at::autocast::get_autocast_dtype(cuda ? at::kCUDA : at::kCPU);
#else
    return cuda ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
#endif
}

void setAutocastType(bool cuda, at::ScalarType type)
{
#ifdef MF_AUTOCAST_BY_DEVICE_TYPE
    at::autocast::set_autocast_dtype(cuda ? at::kCUDA : at::kCPU, type);
#else
    if (cuda)
        at::autocast::set_autocast_gpu_dtype(type);
    else
        at::autocast::set_autocast_cpu_dtype(type);
#endif
}

} // namespace

std::optional<MixedPrecision> mixedPrecisionFromName(const std::string &name)
{
    if (name == "off")
        return MixedPrecision::Off;
    if (name == "bf16")
        return MixedPrecision::Bf16;
    if (name == "fp16")
        return MixedPrecision::Fp16;
    return std::nullopt;
}

AutocastScope::AutocastScope(MixedPrecision precision, torch::Device device)
{
    if (precision == MixedPrecision::Off)
        return;
    m_active = true;
    m_cuda = device.is_cuda();
    m_wasEnabled = autocastEnabled(m_cuda);
    m_previousType = autocastType(m_cuda);
    setAutocastType(m_cuda, precision == MixedPrecision::Bf16 ? at::kBFloat16 : at::kHalf);
    setAutocastEnabled(m_cuda, true);
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope()
{
    if (!m_active)
        return;
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache();
    setAutocastEnabled(m_cuda, m_wasEnabled);
    setAutocastType(m_cuda, m_previousType);
}

} // namespace mf
