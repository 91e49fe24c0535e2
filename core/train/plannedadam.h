#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <string>
#include <vector>

namespace mf {

/// The ways an optimiser of ours can run its step.
enum class OptimizerKernel
{
    Aten, ///< LibTorch's own step: a chain of ATen operations per parameter
    Fused ///< one pass over every parameter's elements, on ATen's threads (float CPU tensors)
};

/// "aten", "fused".
const char *optimizerKernelName(OptimizerKernel kernel);

/// An optimiser whose step a kernel plan chooses (core/kernels/kernelplanner.h).
class PlannedStep
{
public:
    virtual ~PlannedStep() = default;
    OptimizerKernel kernel() const { return m_kernel; }
    void setKernel(OptimizerKernel kernel) { m_kernel = kernel; }

protected:
    OptimizerKernel m_kernel = OptimizerKernel::Aten;
};

/// torch::optim::Adam in every respect (options, state, checkpoints), whose step() runs LibTorch's
/// unless a kernel plan measured the fused pass faster on this machine. The fused pass reads each
/// parameter, gradient and moment once and writes them once, where LibTorch's chain makes about
/// ten passes and as many operator calls per parameter; it computes the same formulas in float
/// and may round a last bit differently (tst_kernelplanner bounds the difference). Parameters it
/// cannot take (another device or dtype, a sparse gradient or one strided unlike its parameter)
/// make the whole step run LibTorch's.
class PlannedAdam : public torch::optim::Adam, public PlannedStep
{
public:
    using torch::optim::Adam::Adam;
    torch::Tensor step(LossClosure closure = nullptr) override;
};

/// torch::optim::AdamW likewise (weight decay decoupled from the gradient).
class PlannedAdamW : public torch::optim::AdamW, public PlannedStep
{
public:
    using torch::optim::AdamW::AdamW;
    torch::Tensor step(LossClosure closure = nullptr) override;
};

/// The step kernels `optimizer` can run on parameters of `device`, "aten" first: more than one
/// only for a PlannedStep on float CPU parameters.
std::vector<std::string> optimizerKernels(const torch::optim::Optimizer &optimizer,
                                          torch::Device device);
/// The one it runs ("aten" for an optimiser without a choice).
std::string optimizerKernel(const torch::optim::Optimizer &optimizer);
/// Sets it; throws mf::ConfigError for a kernel `optimizer` does not have.
void setOptimizerKernel(torch::optim::Optimizer &optimizer, const std::string &kernel);

} // namespace mf
