#include "core/compress/quantops.h"

#include "core/compress/quantengine.h"
#include "core/util/error.h"

#include <ATen/Parallel.h>
#include <ATen/core/dispatch/Dispatcher.h>

#include <string>

namespace mf {

namespace {

template <typename Signature>
c10::TypedOperatorHandle<Signature> op(const char *name, const char *overload = "")
{
    return c10::Dispatcher::singleton().findSchemaOrThrow(name, overload).typed<Signature>();
}

/// Runs `call`, turning LibTorch's error (a page of C++ stack) into its first line.
template <typename Call> auto guarded(const char *name, Call &&call)
{
    try {
        return call();
    } catch (const c10::Error &error) {
        throw Error(std::string(name) + " failed on the " + quantEngineName(currentQuantEngine()) +
                    " engine: " + error.what_without_backtrace());
    }
}

c10::optional<torch::Tensor> optional(const torch::Tensor &tensor)
{
    return tensor.defined() ? c10::optional<torch::Tensor>(tensor) : c10::nullopt;
}

} // namespace

PackedShapeKey packedShapeKey(const torch::Tensor &input)
{
    const bool perTensor = input.is_quantized() && input.qscheme() == torch::kPerTensorAffine;
    return {input.sizes().vec(), perTensor ? input.q_scale() : 0.0,
            perTensor ? input.q_zero_point() : 0, at::get_num_threads()};
}

QuantLinearPacked quantLinearPrepack(const torch::Tensor &weight, const torch::Tensor &bias)
{
    static const auto prepack = op<QuantLinearPacked(torch::Tensor, c10::optional<torch::Tensor>)>(
        "quantized::linear_prepack");
    return guarded("quantized::linear_prepack",
                   [&] { return prepack.call(weight, optional(bias)); });
}

torch::Tensor quantLinearDynamic(const torch::Tensor &input, const QuantLinearPacked &packed,
                                 bool relu, bool reduceRange)
{
    using Signature = torch::Tensor(torch::Tensor, const QuantLinearPacked &, bool);
    static const auto plain = op<Signature>("quantized::linear_dynamic");
    static const auto fused = op<Signature>("quantized::linear_relu_dynamic");
    return guarded(relu ? "quantized::linear_relu_dynamic" : "quantized::linear_dynamic",
                   [&] { return (relu ? fused : plain).call(input, packed, reduceRange); });
}

torch::Tensor quantLinear(const torch::Tensor &input, const QuantLinearPacked &packed, double scale,
                          std::int64_t zeroPoint, bool relu)
{
    using Signature = torch::Tensor(torch::Tensor, const QuantLinearPacked &, double, std::int64_t);
    static const auto plain = op<Signature>("quantized::linear");
    static const auto fused = op<Signature>("quantized::linear_relu");
    return guarded(relu ? "quantized::linear_relu" : "quantized::linear",
                   [&] { return (relu ? fused : plain).call(input, packed, scale, zeroPoint); });
}

QuantConv2dPacked quantConv2dPrepack(const torch::Tensor &weight, const torch::Tensor &bias,
                                     std::array<std::int64_t, 2> stride,
                                     std::array<std::int64_t, 2> padding,
                                     std::array<std::int64_t, 2> dilation, std::int64_t groups)
{
    using List = c10::List<std::int64_t>;
    static const auto prepack =
        op<QuantConv2dPacked(torch::Tensor, c10::optional<torch::Tensor>, List, List, List,
                             std::int64_t)>("quantized::conv2d_prepack");
    const auto list = [](const std::array<std::int64_t, 2> &values) {
        return List({values[0], values[1]});
    };
    return guarded("quantized::conv2d_prepack", [&] {
        return prepack.call(weight, optional(bias), list(stride), list(padding), list(dilation),
                            groups);
    });
}

torch::Tensor quantConv2d(const torch::Tensor &input, const QuantConv2dPacked &packed, double scale,
                          std::int64_t zeroPoint, bool relu)
{
    using Signature = torch::Tensor(torch::Tensor, const QuantConv2dPacked &, double, std::int64_t);
    static const auto plain = op<Signature>("quantized::conv2d", "new");
    static const auto fused = op<Signature>("quantized::conv2d_relu", "new");
    return guarded(relu ? "quantized::conv2d_relu" : "quantized::conv2d",
                   [&] { return (relu ? fused : plain).call(input, packed, scale, zeroPoint); });
}

} // namespace mf
