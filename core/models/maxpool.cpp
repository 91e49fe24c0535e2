#include "core/models/maxpool.h"

#include "core/models/fusedmaxpool.h"

#include <ATen/Context.h>

namespace mf {

const char *poolKernelName(PoolKernel kernel)
{
    switch (kernel) {
    case PoolKernel::Aten:
        return "aten";
    case PoolKernel::PoolFirst:
        return "pool_first";
    case PoolKernel::OneDnn:
        return "onednn";
    case PoolKernel::Fused:
        return "fused";
    }
    return "aten";
}

MaxPoolImpl::MaxPoolImpl(std::int64_t size, Activation activation)
    : m_size(size), m_activation(activation)
{
}

bool MaxPoolImpl::runs(PoolKernel kernel, torch::Device device, torch::ScalarType dtype) const
{
    switch (kernel) {
    case PoolKernel::Aten:
        return true;
    case PoolKernel::PoolFirst:
        return m_activation != Activation::Identity && commutesWithMax(m_activation);
    case PoolKernel::OneDnn:
        return at::hasMKLDNN() && device.is_cpu() && dtype == torch::kFloat32;
    case PoolKernel::Fused:
        return commutesWithMax(m_activation) && fusedMaxPoolRuns(device, dtype, m_size);
    }
    return false;
}

torch::Tensor MaxPoolImpl::forward(const torch::Tensor &input)
{
    const std::vector<std::int64_t> window{m_size, m_size};
    const bool runnable = input.dim() == 4 && runs(m_kernel, input.device(), input.scalar_type());
    const PoolKernel kernel = runnable ? m_kernel : PoolKernel::Aten;
    switch (kernel) {
    case PoolKernel::PoolFirst:
        return activate(m_activation, torch::max_pool2d(input, window, window));
    case PoolKernel::OneDnn: {
        // oneDNN returns NCHW; a channels-last caller gets channels-last back.
        const auto format = input.suggest_memory_format();
        return torch::mkldnn_max_pool2d(activate(m_activation, input).contiguous().to_mkldnn(),
                                        window, window, {0, 0}, {1, 1}, false)
            .to_dense()
            .contiguous(format);
    }
    case PoolKernel::Fused: {
        const bool relu = m_activation == Activation::Relu;
        const torch::Tensor pooled = fusedMaxPool2d(input, m_size, relu);
        return relu ? pooled : activate(m_activation, pooled);
    }
    case PoolKernel::Aten:
        break;
    }
    return torch::max_pool2d(activate(m_activation, input), window, window);
}

void MaxPoolImpl::pretty_print(std::ostream &stream) const
{
    stream << "mf::MaxPool(size=" << m_size;
    if (m_activation != Activation::Identity)
        stream << ", after " << activationName(m_activation);
    stream << ")";
}

} // namespace mf
