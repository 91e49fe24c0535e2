#pragma once

#include "core/models/activation.h"

#include <torch/torch.h>

namespace mf {

/// The implementations a MaxPool can run. Each computes max_pool2d(activation(x)).
enum class PoolKernel
{
    Aten,      ///< the activation, then ATen's max_pool2d: the reference, on every device
    PoolFirst, ///< ATen's max_pool2d, then the activation on the pooled (smaller) tensor
    OneDnn,    ///< the activation, then oneDNN's pooling (mkldnn_max_pool2d) on float CPU tensors
    Fused      ///< fusedMaxPool2d: one pass, ReLU inside, on float CPU tensors
};

/// "aten", "pool_first", "onednn", "fused".
const char *poolKernelName(PoolKernel kernel);

/// An activation followed by max pooling with kernel = stride = `size`. It runs the activation
/// and then ATen's max_pool2d unless a kernel plan (core/kernels/kernelplan.h) measured another
/// kernel faster for it on this machine. Every kernel gives the same values and routes the
/// gradient to the same inputs, ties included; pooling first needs an activation that commutes
/// with the maximum (commutesWithMax). Where a kernel cannot run (another device or dtype) the
/// reference runs. With NaN among the inputs the kernels may route gradients differently
/// (tst_maxpool says which); the loss is NaN then and the run fails whichever runs.
class MaxPoolImpl : public torch::nn::Cloneable<MaxPoolImpl>
{
public:
    explicit MaxPoolImpl(std::int64_t size, Activation activation = Activation::Identity);
    void reset() override {}
    torch::Tensor forward(const torch::Tensor &input);
    void pretty_print(std::ostream &stream) const override;

    std::int64_t size() const { return m_size; }
    Activation activation() const { return m_activation; }
    PoolKernel kernel() const { return m_kernel; }
    void setKernel(PoolKernel kernel) { m_kernel = kernel; }
    /// Whether `kernel` can run this layer on tensors of this device and dtype.
    bool runs(PoolKernel kernel, torch::Device device, torch::ScalarType dtype) const;

private:
    std::int64_t m_size;
    Activation m_activation;
    PoolKernel m_kernel = PoolKernel::Aten;
};
TORCH_MODULE(MaxPool);

} // namespace mf
