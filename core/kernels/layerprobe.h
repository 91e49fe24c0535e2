#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/kernels/kernelplan.h"

#include <torch/torch.h>

#include <vector>

namespace mf {

/// One forward and backward pass of a single layer of a Sequential, on the input that layer gets
/// when the whole model runs on `inputs` in `layout`: what the kernel planner and bench_kernels
/// time each kernel of a layer by. The inputs are taken once, without gradients; a layer's input
/// requires a gradient when a layer with parameters comes before it, as in training.
class LayerProbe
{
public:
    LayerProbe(torch::nn::Sequential model, const torch::Tensor &inputs, TensorLayout layout);

    /// The input layer `index` gets in the model.
    const torch::Tensor &input(std::size_t index) const { return m_inputs.at(index); }
    /// Runs layer `index` forward on its input and back from a gradient of ones, with its
    /// parameters' and its input's gradients reset first. The caller times it.
    void forwardBackward(std::size_t index);

private:
    torch::nn::Sequential m_model;
    std::vector<torch::Tensor> m_inputs;
    std::vector<torch::Tensor> m_outputGradients;
};

} // namespace mf
