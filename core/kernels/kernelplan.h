#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <optional>
#include <string>
#include <vector>

namespace mf {

/// How a model's image tensors are laid out in memory.
enum class TensorLayout
{
    Nchw, ///< contiguous: PyTorch's default, and what a model runs until a plan chose another
    Nhwc  ///< channels-last: oneDNN convolutions need no reorder, pooling vectorises on channels
};

/// "nchw", "nhwc".
const char *layoutName(TensorLayout layout);
std::optional<TensorLayout> layoutFromName(const std::string &name);

/// The layouts `model` can train in, NCHW first: NHWC too where it has a 2-D convolution.
std::vector<TensorLayout> layoutCandidates(const torch::nn::Module &model);
/// Puts the 4-D parameters (conv weights) of `model` in `layout`, in place, so that optimisers
/// holding them keep working; ATen's convolutions then run in that layout.
void applyLayout(torch::nn::Module &model, TensorLayout layout);
/// `batch` in `layout` where it is an image batch (4-D); anything else as it is.
torch::Tensor inLayout(const torch::Tensor &batch, TensorLayout layout);

/// The layers of a Sequential that have more than one kernel (PlannedConv2d, MaxPool), by
/// their names in it, and the kernel names each can run on `device` for float tensors.
struct PlannableLayer
{
    std::size_t index = 0;            ///< position in the Sequential
    std::string name;                 ///< "conv1", "pool2"
    std::vector<std::string> kernels; ///< the reference first: "aten", then the alternatives
};
std::vector<PlannableLayer> plannableLayers(const torch::nn::Sequential &model,
                                            torch::Device device);
/// The kernel layer `index` of `model` runs ("aten", "im2col_gemm", "onednn").
std::string layerKernel(const torch::nn::Sequential &model, std::size_t index);
/// Sets it; throws mf::ConfigError for a kernel the layer does not have.
void setLayerKernel(torch::nn::Sequential &model, std::size_t index, const std::string &kernel);

} // namespace mf
