#include "core/compress/quantizedlinear.h"

#include "core/compress/inputquantizer.h"
#include "core/compress/quantarchive.h"
#include "core/compress/quantengine.h"
#include "core/util/error.h"

namespace mf {

namespace {

constexpr std::int64_t kFormat = 1;
constexpr std::int64_t kLinearKind = 1;

void checkParams(const QuantParams &params, const char *what)
{
    if (!(params.scale > 0.0) || params.zeroPoint < 0 || params.zeroPoint > 255)
        throw ConfigError(std::string("The ") + what +
                          " quantisation parameters need a positive scale and a zero point in "
                          "[0, 255].");
}

/// Quantised kernels want at least [batch, features]; a single vector gets a batch of one.
torch::Tensor batched(const torch::Tensor &input)
{
    return input.dim() == 1 ? input.unsqueeze(0) : input;
}

torch::Tensor unbatched(const torch::Tensor &output, const torch::Tensor &input)
{
    return input.dim() == 1 ? output.squeeze(0) : output;
}

} // namespace

QuantizedLinearImpl::QuantizedLinearImpl(QuantizedLinearState state) : m_state(std::move(state))
{
    check(m_state);
    prepack();
}

void QuantizedLinearImpl::check(const QuantizedLinearState &state)
{
    const auto &weight = state.weight;
    if (!weight.defined() || weight.scalar_type() != torch::kQInt8 || weight.dim() != 2)
        throw ConfigError("A quantised linear layer needs a 2-D qint8 weight.");
    const auto scheme = weight.qscheme();
    if (scheme != torch::kPerTensorAffine &&
        !(scheme == torch::kPerChannelAffine && weight.q_per_channel_axis() == 0))
        throw ConfigError("A quantised linear layer's weight must be quantised per tensor or per "
                          "output channel.");
    const auto &bias = state.bias;
    if (bias.defined() && (bias.scalar_type() != torch::kFloat32 || bias.dim() != 1 ||
                           bias.size(0) != weight.size(0)))
        throw ConfigError("A quantised linear layer's bias must be float32 with one value per "
                          "output.");
    if (state.mode == QuantMode::Static) {
        checkParams(state.input, "input");
        checkParams(state.output, "output");
    }
}

void QuantizedLinearImpl::prepack()
{
    if (currentQuantEngine() == c10::QEngine::NoQEngine)
        throw ConfigError("No quantisation engine is selected to pack the linear layer for.");
    m_engine = currentQuantEngine();
    m_packedPerShape.reset(pack(m_state.weight));
    m_packedChannelsLast.reset();
}

QuantLinearPacked QuantizedLinearImpl::pack(const torch::Tensor &weight) const
{
    QuantEngineGuard engine(m_engine);
    return quantLinearPrepack(weight, m_state.bias);
}

QuantLinearPacked QuantizedLinearImpl::packedFor(const torch::Tensor &input)
{
    return m_packedPerShape.get(packedShapeKey(input), [&] { return pack(m_state.weight); });
}

torch::Tensor QuantizedLinearImpl::forward(const torch::Tensor &input)
{
    if (m_state.mode == QuantMode::Static)
        return forwardQuantized(quantizeInput(input)).dequantize();
    // fbgemm's kernels can saturate 16-bit sums on full-range activations; the others cannot.
    const bool reduceRange = m_engine == c10::QEngine::FBGEMM || m_engine == c10::QEngine::X86;
    const auto x = batched(input.to(torch::kFloat32).contiguous());
    return unbatched(quantLinearDynamic(x, packedFor(x), m_state.relu, reduceRange), input);
}

torch::Tensor QuantizedLinearImpl::forwardQuantized(const torch::Tensor &input)
{
    if (m_state.mode != QuantMode::Static)
        throw ConfigError("A dynamically quantised linear layer takes float input.");
    if (input.scalar_type() != torch::kQUInt8 || input.qscheme() != torch::kPerTensorAffine)
        throw ConfigError("A statically quantised linear layer takes quint8 input quantised per "
                          "tensor.");
    const auto &output = m_state.output;
    const torch::Tensor x = batched(input);
    return unbatched(quantLinear(x, packedFor(x), output.scale, output.zeroPoint, m_state.relu),
                     input);
}

torch::Tensor QuantizedLinearImpl::forwardQuantizedChannelsLast(const torch::Tensor &input)
{
    if (m_state.mode != QuantMode::Static)
        throw ConfigError("A dynamically quantised linear layer takes float input.");
    if (input.scalar_type() != torch::kQUInt8 || input.qscheme() != torch::kPerTensorAffine ||
        input.dim() != 4 || !input.is_contiguous(torch::MemoryFormat::ChannelsLast))
        throw ConfigError("A statically quantised linear layer takes a channels-last activation "
                          "as quint8 [N, C, H, W] quantised per tensor.");
    const std::vector<std::int64_t> geometry{input.size(1), input.size(2), input.size(3)};
    if (geometry[0] * geometry[1] * geometry[2] != inFeatures())
        throw ConfigError("A quantised linear layer of " + std::to_string(inFeatures()) +
                          " inputs cannot take " + std::to_string(geometry[0]) + " x " +
                          std::to_string(geometry[1]) + " x " + std::to_string(geometry[2]) +
                          " features.");
    const torch::Tensor rows = input.permute({0, 2, 3, 1}).reshape({input.size(0), inFeatures()});
    const QuantLinearPacked packed = m_packedChannelsLast.get(packedShapeKey(input), [&] {
        // Each output's weights are quantised on their own (axis 0), so permuting the columns of
        // the integers keeps every scale and zero point.
        const torch::Tensor &weight = m_state.weight;
        const torch::Tensor columns =
            weight.int_repr()
                .reshape({outFeatures(), geometry[0], geometry[1], geometry[2]})
                .permute({0, 2, 3, 1})
                .reshape({outFeatures(), inFeatures()})
                .contiguous();
        const torch::Tensor permuted =
            weight.qscheme() == torch::kPerChannelAffine
                ? torch::_make_per_channel_quantized_tensor(columns, weight.q_per_channel_scales(),
                                                            weight.q_per_channel_zero_points(), 0)
                : torch::_make_per_tensor_quantized_tensor(columns, weight.q_scale(),
                                                           weight.q_zero_point());
        return pack(permuted);
    });
    const auto &output = m_state.output;
    return quantLinear(rows, packed, output.scale, output.zeroPoint, m_state.relu);
}

torch::Tensor QuantizedLinearImpl::quantizeInput(const torch::Tensor &input) const
{
    if (m_state.mode != QuantMode::Static)
        throw ConfigError("A dynamically quantised linear layer has no input parameters.");
    return InputQuantizer::quantize(input.contiguous(), m_state.input);
}

void QuantizedLinearImpl::save(torch::serialize::OutputArchive &archive) const
{
    writeIntegers(archive, "layer",
                  {kFormat, kLinearKind, static_cast<std::int64_t>(m_state.mode), m_state.relu});
    writeQuantizedTensor(archive, "weight", m_state.weight);
    if (m_state.bias.defined())
        archive.write("bias", m_state.bias);
    writeQuantParams(archive, "input", m_state.input);
    writeQuantParams(archive, "output", m_state.output);
}

QuantizedLinearState QuantizedLinearImpl::readState(torch::serialize::InputArchive &archive)
{
    const auto layer = readIntegers(archive, "layer", 4);
    if (layer[0] != kFormat || layer[1] != kLinearKind || layer[2] < 0 || layer[2] > 1)
        throw Error("The archive holds another kind of layer, or a newer format, than a "
                    "quantised linear layer.");
    QuantizedLinearState state;
    state.mode = static_cast<QuantMode>(layer[2]);
    state.relu = layer[3] != 0;
    state.weight = readQuantizedTensor(archive, "weight");
    torch::Tensor bias;
    if (archive.try_read("bias", bias))
        state.bias = bias;
    state.input = readQuantParams(archive, "input");
    state.output = readQuantParams(archive, "output");
    return state;
}

void QuantizedLinearImpl::load(torch::serialize::InputArchive &archive)
{
    QuantizedLinearState state =
        readLayerState(archive, "quantised linear layer", &QuantizedLinearImpl::readState);
    check(state);
    m_state = std::move(state);
    prepack();
}

QuantizedLinearState QuantizedLinearImpl::loadState(const std::string &path)
{
    return readLayerStateFile(path, "quantised linear layer", &QuantizedLinearImpl::readState);
}

void QuantizedLinearImpl::pretty_print(std::ostream &stream) const
{
    stream << "mf::QuantizedLinear(in_features=" << inFeatures()
           << ", out_features=" << outFeatures()
           << ", mode=" << (m_state.mode == QuantMode::Static ? "static" : "dynamic")
           << ", per_channel=" << (m_state.weight.qscheme() == torch::kPerChannelAffine)
           << ", relu=" << m_state.relu << ", engine=" << quantEngineName(m_engine) << ")";
}

QuantizedLinear quantizeLinearDynamic(const torch::nn::Linear &linear, QuantGranularity granularity,
                                      bool relu)
{
    QuantizedLinearState state;
    state.mode = QuantMode::Dynamic;
    state.weight = quantizeWeight(linear->weight, granularity);
    if (linear->bias.defined())
        state.bias = linear->bias.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    state.relu = relu;
    return QuantizedLinear(std::move(state));
}

QuantizedLinear quantizeLinearStatic(const torch::nn::Linear &linear, QuantParams input,
                                     QuantParams output, bool relu)
{
    QuantizedLinearState state;
    state.mode = QuantMode::Static;
    state.weight = quantizeWeight(linear->weight, QuantGranularity::PerChannel);
    if (linear->bias.defined())
        state.bias = linear->bias.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    state.input = input;
    state.output = output;
    state.relu = relu;
    return QuantizedLinear(std::move(state));
}

} // namespace mf
