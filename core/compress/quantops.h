#pragma once
// LibTorch's int8 operators (quantized::*), called through the dispatcher: they have no C++
// API of their own. Prepacking runs on the engine selected now (setQuantEngine); the packed
// weights then run on that engine whatever is selected later. Failures are rethrown as Error
// naming the operator and engine.

#include "core/compress/packedpershape.h"

#include <ATen/native/quantized/PackedParams.h>
#include <torch/torch.h>

#include <array>

namespace mf {

using QuantLinearPacked = c10::intrusive_ptr<LinearPackedParamsBase>;
using QuantConv2dPacked = c10::intrusive_ptr<ConvPackedParamsBase<2>>;

/// The key LibTorch's int8 operators prepare their kernel for `input` by (PackedPerShape).
PackedShapeKey packedShapeKey(const torch::Tensor &input);

/// quantized::linear_prepack(Tensor W, Tensor? B=None): W qint8 [out, in], B float32 [out].
QuantLinearPacked quantLinearPrepack(const torch::Tensor &weight, const torch::Tensor &bias);
/// quantized::linear_dynamic / linear_relu_dynamic: float in, float out.
torch::Tensor quantLinearDynamic(const torch::Tensor &input, const QuantLinearPacked &packed,
                                 bool relu, bool reduceRange);
/// quantized::linear / linear_relu: quint8 in, quint8 out with the given parameters.
torch::Tensor quantLinear(const torch::Tensor &input, const QuantLinearPacked &packed, double scale,
                          std::int64_t zeroPoint, bool relu);

/// quantized::conv2d_prepack: W qint8 [out, in / groups, kh, kw], B float32 [out].
QuantConv2dPacked quantConv2dPrepack(const torch::Tensor &weight, const torch::Tensor &bias,
                                     std::array<std::int64_t, 2> stride,
                                     std::array<std::int64_t, 2> padding,
                                     std::array<std::int64_t, 2> dilation, std::int64_t groups);
/// quantized::conv2d.new / conv2d_relu.new: quint8 NCHW in, quint8 out.
torch::Tensor quantConv2d(const torch::Tensor &input, const QuantConv2dPacked &packed, double scale,
                          std::int64_t zeroPoint, bool relu);

} // namespace mf
