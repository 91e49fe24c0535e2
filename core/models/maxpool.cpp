#include "core/models/maxpool.h"

#include <ATen/Context.h>

namespace mf {

MaxPoolImpl::MaxPoolImpl(std::int64_t size) : m_size(size) {}

bool MaxPoolImpl::runs(PoolKernel kernel, torch::Device device, torch::ScalarType dtype)
{
    if (kernel == PoolKernel::Aten)
        return true;
    return at::hasMKLDNN() && device.is_cpu() && dtype == torch::kFloat32;
}

torch::Tensor MaxPoolImpl::forward(const torch::Tensor &input)
{
    const std::vector<std::int64_t> window{m_size, m_size};
    if (m_kernel == PoolKernel::OneDnn && input.dim() == 4 &&
        runs(m_kernel, input.device(), input.scalar_type())) {
        // oneDNN returns NCHW; a channels-last caller gets channels-last back.
        const auto format = input.suggest_memory_format();
        return torch::mkldnn_max_pool2d(input.contiguous().to_mkldnn(), window, window, {0, 0},
                                        {1, 1}, false)
            .to_dense()
            .contiguous(format);
    }
    return torch::max_pool2d(input, window, window);
}

void MaxPoolImpl::pretty_print(std::ostream &stream) const
{
    stream << "mf::MaxPool(size=" << m_size << ")";
}

} // namespace mf
