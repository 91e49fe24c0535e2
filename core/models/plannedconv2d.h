#pragma once

#include <torch/torch.h>

namespace mf {

/// The implementations a PlannedConv2d can run.
enum class ConvKernel
{
    Aten,      ///< ATen's conv2d, which dispatches by itself (oneDNN on a CPU, cuDNN on CUDA)
    Im2colGemm ///< ATen's thnn_conv2d: unfold the input, then one BLAS matrix multiply
};

/// A 2-D convolution that is a torch::nn::Conv2d in every respect (parameters, their names,
/// initialisation, checkpoints) and runs ATen's conv2d unless a kernel plan measured the
/// im2col + GEMM kernel faster for its shape on this machine (core/kernels/kernelplanner.h).
/// Both compute the same convolution; their sums are rounded in another order.
class PlannedConv2dImpl : public torch::nn::Conv2dImpl
{
public:
    /// A square `kernel` with stride 1 and zero `padding` on every side.
    PlannedConv2dImpl(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t padding,
                      bool bias);
    torch::Tensor forward(const torch::Tensor &input);

    ConvKernel kernel() const { return m_kernel; }
    void setKernel(ConvKernel kernel) { m_kernel = kernel; }
    /// Whether `kernel` can run this convolution on tensors of `device` and `dtype`.
    static bool runs(ConvKernel kernel, torch::Device device, torch::ScalarType dtype);

private:
    std::int64_t m_kernelSize;
    std::int64_t m_padding;
    ConvKernel m_kernel = ConvKernel::Aten;
};
TORCH_MODULE(PlannedConv2d);

/// "aten", "im2col_gemm".
const char *convKernelName(ConvKernel kernel);

} // namespace mf
