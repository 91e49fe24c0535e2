#pragma once

#include <torch/torch.h>

namespace mf {

/// The implementations a MaxPool can run.
enum class PoolKernel
{
    Aten,  ///< ATen's max_pool2d: the reference, on every device and layout
    OneDnn ///< oneDNN's (mkldnn_max_pool2d) for float CPU tensors, through to_mkldnn/to_dense
};

/// Max pooling with kernel = stride = `size`. It runs ATen's max_pool2d unless a kernel plan
/// (core/kernels/kernelplan.h) measured the oneDNN kernel faster for it on this machine; both
/// give the same values and gradients, ties included. Where oneDNN cannot run (another device
/// or dtype) the reference runs.
class MaxPoolImpl : public torch::nn::Cloneable<MaxPoolImpl>
{
public:
    explicit MaxPoolImpl(std::int64_t size);
    void reset() override {}
    torch::Tensor forward(const torch::Tensor &input);
    void pretty_print(std::ostream &stream) const override;

    PoolKernel kernel() const { return m_kernel; }
    void setKernel(PoolKernel kernel) { m_kernel = kernel; }
    /// Whether `kernel` can run on tensors of this device and dtype.
    static bool runs(PoolKernel kernel, torch::Device device, torch::ScalarType dtype);

private:
    std::int64_t m_size;
    PoolKernel m_kernel = PoolKernel::Aten;
};
TORCH_MODULE(MaxPool);

} // namespace mf
