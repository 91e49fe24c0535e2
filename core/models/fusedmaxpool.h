#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

namespace mf {

/// Whether fusedMaxPool2d runs windows of `size` on tensors of this device and dtype: float CPU
/// tensors, windows up to 15x15.
bool fusedMaxPoolRuns(torch::Device device, torch::ScalarType dtype, std::int64_t size);

/// Max pooling of a 4-D float CPU tensor, NCHW or channels-last, with kernel = stride = `size`
/// (no padding, floor mode), and ReLU after it when `relu` is set, in one pass over the input.
/// Values and gradients equal ATen's max_pool2d (after relu when `relu`): the same maximum of a
/// window wins ties (the first) and NaN (the last). It keeps one byte per output for the
/// position of the maximum (ATen keeps eight), marks the outputs that ReLU zeroed so that the
/// backward pass needs no other tensor, and writes the input's gradient in one pass (ATen
/// zero-fills it first, then scatters). The output has the input's memory format.
torch::Tensor fusedMaxPool2d(const torch::Tensor &input, std::int64_t size, bool relu);

} // namespace mf
