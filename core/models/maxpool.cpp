#include "core/models/maxpool.h"

#include <ATen/Context.h>

namespace mf {

MaxPoolImpl::MaxPoolImpl(std::int64_t size) : m_size(size) {}

torch::Tensor MaxPoolImpl::forward(const torch::Tensor &input)
{
    const std::vector<std::int64_t> window{m_size, m_size};
    static const bool oneDnn = at::hasMKLDNN();
    if (oneDnn && input.device().is_cpu() && input.scalar_type() == torch::kFloat32 &&
        input.dim() == 4 && input.is_contiguous())
        return torch::mkldnn_max_pool2d(input.to_mkldnn(), window, window, {0, 0}, {1, 1}, false)
            .to_dense();
    return torch::max_pool2d(input, window, window);
}

void MaxPoolImpl::pretty_print(std::ostream &stream) const
{
    stream << "mf::MaxPool(size=" << m_size << ")";
}

} // namespace mf
