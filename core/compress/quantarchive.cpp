#include "core/compress/quantarchive.h"

#include "core/util/error.h"

namespace mf {

void writeQuantizedTensor(torch::serialize::OutputArchive &archive, const std::string &key,
                          const torch::Tensor &tensor)
{
    archive.write(key + "_int8", tensor.int_repr());
    if (tensor.qscheme() == torch::kPerChannelAffine) {
        archive.write(key + "_scales", tensor.q_per_channel_scales());
        archive.write(key + "_zero_points", tensor.q_per_channel_zero_points());
        archive.write(key + "_axis", torch::tensor(tensor.q_per_channel_axis(), torch::kLong));
    } else if (tensor.qscheme() == torch::kPerTensorAffine) {
        archive.write(key + "_scales", torch::tensor({tensor.q_scale()}, torch::kFloat64));
        archive.write(key + "_zero_points", torch::tensor({tensor.q_zero_point()}, torch::kLong));
        archive.write(key + "_axis", torch::tensor(std::int64_t(-1), torch::kLong));
    } else {
        throw ConfigError("Only per-tensor and per-channel affine quantised tensors can be saved.");
    }
}

torch::Tensor readQuantizedTensor(torch::serialize::InputArchive &archive, const std::string &key)
{
    torch::Tensor values, scales, zeroPoints, axis;
    archive.read(key + "_int8", values);
    archive.read(key + "_scales", scales);
    archive.read(key + "_zero_points", zeroPoints);
    archive.read(key + "_axis", axis);
    const auto channelAxis = axis.item<std::int64_t>();
    if (channelAxis < 0)
        return at::_make_per_tensor_quantized_tensor(values, scales.item<double>(),
                                                     zeroPoints.item<std::int64_t>());
    return at::_make_per_channel_quantized_tensor(values, scales, zeroPoints, channelAxis);
}

void writeQuantParams(torch::serialize::OutputArchive &archive, const std::string &key,
                      const QuantParams &params)
{
    // A zero point (0 to 255) is exact as a double.
    archive.write(
        key, torch::tensor({params.scale, static_cast<double>(params.zeroPoint)}, torch::kFloat64));
}

QuantParams readQuantParams(torch::serialize::InputArchive &archive, const std::string &key)
{
    torch::Tensor values;
    archive.read(key, values);
    if (values.numel() != 2 || values.scalar_type() != torch::kFloat64)
        throw Error("The saved quantisation parameters \"" + key + "\" are malformed.");
    return {values[0].item<double>(), static_cast<std::int64_t>(values[1].item<double>())};
}

void writeIntegers(torch::serialize::OutputArchive &archive, const std::string &key,
                   const std::vector<std::int64_t> &values)
{
    archive.write(key, torch::tensor(values, torch::kLong));
}

std::vector<std::int64_t> readIntegers(torch::serialize::InputArchive &archive,
                                       const std::string &key, std::size_t count)
{
    torch::Tensor values;
    archive.read(key, values);
    if (values.scalar_type() != torch::kLong || values.numel() != static_cast<std::int64_t>(count))
        throw Error("The saved entry \"" + key + "\" is malformed.");
    values = values.contiguous();
    return {values.data_ptr<std::int64_t>(), values.data_ptr<std::int64_t>() + count};
}

} // namespace mf
