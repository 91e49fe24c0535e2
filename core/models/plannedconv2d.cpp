#include "core/models/plannedconv2d.h"

namespace mf {

const char *convKernelName(ConvKernel kernel)
{
    return kernel == ConvKernel::Im2colGemm ? "im2col_gemm" : "aten";
}

PlannedConv2dImpl::PlannedConv2dImpl(std::int64_t in, std::int64_t out, std::int64_t kernel,
                                     std::int64_t padding, bool bias)
    : torch::nn::Conv2dImpl(torch::nn::Conv2dOptions(in, out, kernel).padding(padding).bias(bias)),
      m_kernelSize(kernel), m_padding(padding)
{
}

bool PlannedConv2dImpl::runs(ConvKernel kernel, torch::Device device, torch::ScalarType dtype)
{
    return kernel == ConvKernel::Aten || (device.is_cpu() && dtype == torch::kFloat32);
}

torch::Tensor PlannedConv2dImpl::forward(const torch::Tensor &input)
{
    if (m_kernel == ConvKernel::Im2colGemm && input.dim() == 4 &&
        runs(m_kernel, input.device(), input.scalar_type())) {
        // thnn_conv2d returns NCHW; a channels-last caller gets channels-last back.
        const auto format = input.suggest_memory_format();
        return torch::thnn_conv2d(input.contiguous(), weight.contiguous(),
                                  {m_kernelSize, m_kernelSize}, bias, {1, 1},
                                  {m_padding, m_padding})
            .contiguous(format);
    }
    return torch::nn::Conv2dImpl::forward(input);
}

} // namespace mf
