#include "core/compress/quantizedconv2d.h"

#include "core/compress/inputquantizer.h"
#include "core/compress/quantarchive.h"
#include "core/compress/quantengine.h"
#include "core/compress/quantweight.h"
#include "core/compress/widthunfoldedconv.h"
#include "core/util/error.h"

#include <torch/version.h>

#include <variant>

namespace mf {

namespace {

constexpr std::int64_t kFormat = 1;
constexpr std::int64_t kConv2dKind = 2;

void checkParams(const QuantParams &params, const char *what)
{
    if (!(params.scale > 0.0) || params.zeroPoint < 0 || params.zeroPoint > 255)
        throw ConfigError(std::string("The ") + what +
                          " quantisation parameters need a positive scale and a zero point in "
                          "[0, 255].");
}

std::array<std::int64_t, 2> pair(const torch::ExpandingArray<2> &values)
{
    return {(*values)[0], (*values)[1]};
}

bool positive(const std::array<std::int64_t, 2> &values)
{
    return values[0] > 0 && values[1] > 0;
}

// A convolution's padding is a c10::variant in LibTorch 1.x and a std::variant in 2.x.
#if TORCH_VERSION_MAJOR >= 2
namespace variants = std;
#else
namespace variants = c10;
#endif

std::array<std::int64_t, 2> convPadding(const torch::nn::detail::ConvNdOptions<2> &options)
{
    const auto &padding = options.padding();
    if (const auto *explicitPadding = variants::get_if<torch::ExpandingArray<2>>(&padding))
        return pair(*explicitPadding);
    if (variants::holds_alternative<torch::enumtype::kValid>(padding))
        return {0, 0};
    std::array<std::int64_t, 2> same{};
    for (std::size_t i = 0; i < 2; ++i) {
        const auto total = (*options.dilation())[i] * ((*options.kernel_size())[i] - 1);
        if (total % 2 != 0)
            throw ConfigError("A quantised convolution cannot pad unevenly for \"same\" padding.");
        same[i] = total / 2;
    }
    return same;
}

/// The quantised kernels take a batch; a single CHW image gets a batch of one.
torch::Tensor batched(const torch::Tensor &input)
{
    return input.dim() == 3 ? input.unsqueeze(0) : input;
}

torch::Tensor unbatched(const torch::Tensor &output, const torch::Tensor &input)
{
    return input.dim() == 3 ? output.squeeze(0) : output;
}

} // namespace

QuantizedConv2dImpl::QuantizedConv2dImpl(QuantizedConv2dState state) : m_state(std::move(state))
{
    check(m_state);
    prepack();
}

void QuantizedConv2dImpl::check(const QuantizedConv2dState &state)
{
    const auto &weight = state.weight;
    if (!weight.defined() || weight.scalar_type() != torch::kQInt8 || weight.dim() != 4)
        throw ConfigError("A quantised convolution needs a 4-D qint8 weight.");
    const auto scheme = weight.qscheme();
    if (scheme != torch::kPerTensorAffine &&
        !(scheme == torch::kPerChannelAffine && weight.q_per_channel_axis() == 0))
        throw ConfigError("A quantised convolution's weight must be quantised per tensor or per "
                          "output channel.");
    const auto &bias = state.bias;
    if (bias.defined() && (bias.scalar_type() != torch::kFloat32 || bias.dim() != 1 ||
                           bias.size(0) != weight.size(0)))
        throw ConfigError("A quantised convolution's bias must be float32 with one value per "
                          "output channel.");
    if (!positive(state.stride) || !positive(state.dilation) || state.padding[0] < 0 ||
        state.padding[1] < 0 || state.groups < 1 || weight.size(0) % state.groups != 0)
        throw ConfigError("A quantised convolution's stride, padding, dilation or groups are "
                          "invalid.");
    checkParams(state.input, "input");
    checkParams(state.output, "output");
}

void QuantizedConv2dImpl::prepack()
{
    if (currentQuantEngine() == c10::QEngine::NoQEngine)
        throw ConfigError("No quantisation engine is selected to pack the convolution for.");
    m_engine = currentQuantEngine();
    m_packedPerShape.reset(pack());
    m_unfolded = WidthUnfoldedConv::appliesTo(m_state)
                     ? std::make_shared<const WidthUnfoldedConv>(m_state)
                     : nullptr;
}

QuantConv2dPacked QuantizedConv2dImpl::pack() const
{
    QuantEngineGuard engine(m_engine);
    return quantConv2dPrepack(m_state.weight, m_state.bias, m_state.stride, m_state.padding,
                              m_state.dilation, m_state.groups);
}

torch::Tensor QuantizedConv2dImpl::forward(const torch::Tensor &input)
{
    return forwardQuantized(quantizeInput(input)).dequantize();
}

torch::Tensor QuantizedConv2dImpl::forwardQuantized(const torch::Tensor &input)
{
    if (input.scalar_type() != torch::kQUInt8 || input.qscheme() != torch::kPerTensorAffine)
        throw ConfigError("A quantised convolution takes quint8 input quantised per tensor.");
    if (input.dim() != 3 && input.dim() != 4)
        throw ConfigError("A quantised convolution takes NCHW or CHW input.");
    const auto &output = m_state.output;
    const torch::Tensor x = batched(input);
    const auto direct = [&] {
        return quantConv2d(x, m_packedPerShape.get(packedShapeKey(x), [this] { return pack(); }),
                           output.scale, output.zeroPoint, m_state.relu);
    };
    return unbatched(m_unfolded && WidthUnfoldedConv::accepts(x) ? m_unfolded->fasterOf(x, direct)
                                                                 : direct(),
                     input);
}

torch::Tensor QuantizedConv2dImpl::quantizeInput(const torch::Tensor &input) const
{
    return InputQuantizer::quantize(input.contiguous(), m_state.input);
}

void QuantizedConv2dImpl::save(torch::serialize::OutputArchive &archive) const
{
    const auto &s = m_state;
    writeIntegers(archive, "layer", {kFormat, kConv2dKind, s.relu});
    writeIntegers(archive, "geometry",
                  {s.stride[0], s.stride[1], s.padding[0], s.padding[1], s.dilation[0],
                   s.dilation[1], s.groups});
    writeQuantizedTensor(archive, "weight", s.weight);
    if (s.bias.defined())
        archive.write("bias", s.bias);
    writeQuantParams(archive, "input", s.input);
    writeQuantParams(archive, "output", s.output);
}

QuantizedConv2dState QuantizedConv2dImpl::readState(torch::serialize::InputArchive &archive)
{
    const auto layer = readIntegers(archive, "layer", 3);
    if (layer[0] != kFormat || layer[1] != kConv2dKind)
        throw Error("The archive holds another kind of layer, or a newer format, than a "
                    "quantised convolution.");
    const auto geometry = readIntegers(archive, "geometry", 7);
    QuantizedConv2dState state;
    state.relu = layer[2] != 0;
    state.stride = {geometry[0], geometry[1]};
    state.padding = {geometry[2], geometry[3]};
    state.dilation = {geometry[4], geometry[5]};
    state.groups = geometry[6];
    state.weight = readQuantizedTensor(archive, "weight");
    torch::Tensor bias;
    if (archive.try_read("bias", bias))
        state.bias = bias;
    state.input = readQuantParams(archive, "input");
    state.output = readQuantParams(archive, "output");
    return state;
}

void QuantizedConv2dImpl::load(torch::serialize::InputArchive &archive)
{
    QuantizedConv2dState state =
        readLayerState(archive, "quantised convolution", &QuantizedConv2dImpl::readState);
    check(state);
    m_state = std::move(state);
    prepack();
}

QuantizedConv2dState QuantizedConv2dImpl::loadState(const std::string &path)
{
    return readLayerStateFile(path, "quantised convolution", &QuantizedConv2dImpl::readState);
}

void QuantizedConv2dImpl::pretty_print(std::ostream &stream) const
{
    const auto &s = m_state;
    stream << "mf::QuantizedConv2d(" << s.weight.size(1) * s.groups << ", " << s.weight.size(0)
           << ", kernel_size=[" << s.weight.size(2) << ", " << s.weight.size(3) << "], stride=["
           << s.stride[0] << ", " << s.stride[1] << "], padding=[" << s.padding[0] << ", "
           << s.padding[1] << "], dilation=[" << s.dilation[0] << ", " << s.dilation[1]
           << "], groups=" << s.groups << ", relu=" << s.relu
           << ", engine=" << quantEngineName(m_engine) << ")";
}

QuantizedConv2d quantizeConv2d(const torch::nn::Conv2d &conv, QuantParams input, QuantParams output,
                               bool relu)
{
    const auto &options = conv->options;
    if (!variants::holds_alternative<torch::enumtype::kZeros>(options.padding_mode()))
        throw ConfigError("A quantised convolution pads with zeros only.");
    QuantizedConv2dState state;
    state.weight = quantizeWeight(conv->weight, QuantGranularity::PerChannel);
    if (conv->bias.defined())
        state.bias = conv->bias.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    state.stride = pair(options.stride());
    state.padding = convPadding(options);
    state.dilation = pair(options.dilation());
    state.groups = options.groups();
    state.input = input;
    state.output = output;
    state.relu = relu;
    return QuantizedConv2d(std::move(state));
}

} // namespace mf
