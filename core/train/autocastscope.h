#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <optional>
#include <string>

namespace mf {

/// TrainConfig::amp: the floating-point type the forward pass computes in.
enum class MixedPrecision
{
    Off,
    Bf16,
    Fp16
};

/// "off", "bf16", "fp16"; nullopt for anything else.
std::optional<MixedPrecision> mixedPrecisionFromName(const std::string &name);

/// Automatic mixed precision for the scope's lifetime on this thread, as `torch.autocast` does:
/// LibTorch's autocast runs eligible operators (matrix products, convolutions) in `precision`
/// on `device`'s type and keeps the precision-sensitive ones (losses, softmax, reductions) in
/// float. Autocast state is thread-local, so a trainer's scope leaves other threads alone; the
/// previous state comes back at the end of the scope, and the cast cache is cleared when the
/// outermost scope ends.
///
/// The one place that calls LibTorch's autocast API, whose names changed in 2.x
/// (set_enabled/set_autocast_gpu_dtype became set_autocast_enabled/set_autocast_dtype for a
/// device type). Off is a no-op, and so is CUDA autocast for CPU tensors: a CPU build compiles
/// and runs it unchanged.
class AutocastScope
{
public:
    AutocastScope(MixedPrecision precision, torch::Device device);
    ~AutocastScope();
    AutocastScope(const AutocastScope &) = delete;
    AutocastScope &operator=(const AutocastScope &) = delete;

private:
    bool m_active = false;
    bool m_cuda = false;
    bool m_wasEnabled = false;
    at::ScalarType m_previousType = at::kFloat;
};

} // namespace mf
