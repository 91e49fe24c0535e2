#include "core/compress/quantizedsequential.h"

#include "core/compress/quanthistogramobserver.h"
#include "core/compress/quantmaxpool.h"
#include "core/compress/quantminmaxobserver.h"
#include "core/models/activation.h"
#include "core/models/generatordropout.h"
#include "core/models/maxpool.h"
#include "core/models/syncablebatchnorm.h"
#include "core/util/error.h"

#include <memory>

namespace mf {

namespace {

template <typename Impl>
std::shared_ptr<Impl> childAs(const torch::nn::Sequential &model, std::size_t index)
{
    return std::dynamic_pointer_cast<Impl>(model->ptr(index));
}

bool isDropout(const torch::nn::Sequential &model, std::size_t index)
{
    return childAs<GeneratorDropoutImpl>(model, index) ||
           childAs<torch::nn::DropoutImpl>(model, index);
}

std::unique_ptr<QuantObserver> makeObserver(ObserverKind kind, double percentile)
{
    if (kind == ObserverKind::Histogram)
        return std::make_unique<QuantHistogramObserver>(percentile);
    return std::make_unique<QuantMinMaxObserver>();
}

/// The convolution of `layer` as a plain Conv2d with its batch norm folded into its weight and
/// bias (eval statistics): w' = w * g / sqrt(var + eps), b' = (b - mean) * g / sqrt(var + eps) +
/// beta.
torch::nn::Conv2d foldedConvolution(const torch::nn::Sequential &model,
                                    const QuantizableLayer &layer)
{
    const auto conv = childAs<torch::nn::Conv2dImpl>(model, layer.index);
    const auto &source = conv->options;
    torch::nn::Conv2dOptions options(source.in_channels(), source.out_channels(),
                                     source.kernel_size());
    options.stride(source.stride())
        .padding(source.padding())
        .dilation(source.dilation())
        .groups(source.groups())
        .padding_mode(source.padding_mode())
        .bias(true);
    torch::nn::Conv2d folded(options);
    torch::NoGradGuard noGrad;
    torch::Tensor weight = conv->weight.detach().to(torch::kCPU).contiguous();
    torch::Tensor bias =
        conv->bias.defined() ? conv->bias.detach().to(torch::kCPU) : torch::zeros({weight.size(0)});
    if (layer.batchNorm) {
        const auto norm = childAs<SyncableBatchNorm2dImpl>(model, *layer.batchNorm);
        torch::Tensor scale = (norm->running_var.to(torch::kCPU) + norm->options.eps()).rsqrt();
        if (norm->weight.defined())
            scale = scale * norm->weight.detach().to(torch::kCPU);
        bias = (bias - norm->running_mean.to(torch::kCPU)) * scale;
        if (norm->bias.defined())
            bias = bias + norm->bias.detach().to(torch::kCPU);
        weight = weight * scale.view({-1, 1, 1, 1});
    }
    folded->weight.copy_(weight);
    folded->bias.copy_(bias);
    return folded;
}

} // namespace

std::vector<QuantizableLayer> quantizableLayers(const torch::nn::Sequential &model, QuantMode mode)
{
    std::vector<QuantizableLayer> layers;
    const auto names = model->named_children();
    for (std::size_t i = 0; i < model->size(); ++i) {
        QuantizableLayer layer;
        layer.name = names[i].key();
        layer.index = i;
        if (childAs<torch::nn::Conv2dImpl>(model, i)) {
            if (mode != QuantMode::Static)
                continue;
            layer.convolution = true;
        } else if (const auto rnn = childAs<RecurrentEncoderImpl>(model, i)) {
            if (mode != QuantMode::Dynamic || rnn->options.perToken())
                continue;
            layer.recurrent = true;
            layers.push_back(layer);
            continue;
        } else if (!childAs<torch::nn::LinearImpl>(model, i)) {
            continue;
        }
        std::size_t next = i + 1;
        if (layer.convolution && next < model->size() &&
            childAs<SyncableBatchNorm2dImpl>(model, next))
            layer.batchNorm = next++;
        if (next < model->size()) {
            if (childAs<torch::nn::ReLUImpl>(model, next))
                layer.reluModule = next;
            else if (const auto pool = childAs<MaxPoolImpl>(model, next))
                layer.reluInPool = layer.convolution && pool->activation() == Activation::Relu;
        }
        layers.push_back(layer);
    }
    return layers;
}

Calibration calibrate(const torch::nn::Sequential &model, const std::vector<torch::Tensor> &batches,
                      ObserverKind kind, double percentile)
{
    if (batches.empty())
        throw ConfigError("static quantisation needs at least one calibration batch");
    const std::vector<QuantizableLayer> layers = quantizableLayers(model, QuantMode::Static);
    std::map<std::size_t, const QuantizableLayer *> byIndex;
    std::map<std::string, std::unique_ptr<QuantObserver>> inputs;
    std::map<std::string, std::unique_ptr<QuantObserver>> outputs;
    for (const QuantizableLayer &layer : layers) {
        byIndex[layer.index] = &layer;
        inputs[layer.name] = makeObserver(kind, percentile);
        outputs[layer.name] = makeObserver(kind, percentile);
    }
    torch::nn::Sequential sequential = model;
    const bool wasTraining = sequential->is_training();
    sequential->eval();
    {
        torch::NoGradGuard noGrad;
        for (const torch::Tensor &batch : batches) {
            torch::Tensor x = batch;
            for (std::size_t i = 0; i < model->size(); ++i) {
                const auto found = byIndex.find(i);
                if (found == byIndex.end()) {
                    x = sequential->begin()[i].forward(x);
                    continue;
                }
                const QuantizableLayer &layer = *found->second;
                inputs[layer.name]->observe(x);
                x = sequential->begin()[i].forward(x);
                if (layer.batchNorm)
                    x = sequential->begin()[*layer.batchNorm].forward(x);
                if (layer.fusesRelu())
                    x = torch::relu(x);
                outputs[layer.name]->observe(x);
                i = layer.reluModule ? *layer.reluModule : layer.batchNorm ? *layer.batchNorm : i;
            }
        }
    }
    sequential->train(wasTraining);
    Calibration calibration;
    for (const QuantizableLayer &layer : layers) {
        calibration.input[layer.name] = inputs[layer.name]->params();
        calibration.output[layer.name] = outputs[layer.name]->params();
    }
    return calibration;
}

QuantizedSequentialImpl::QuantizedSequentialImpl(const torch::nn::Sequential &source,
                                                 QuantMode mode, const std::set<std::string> &int8,
                                                 const Calibration &calibration)
    : m_int8(int8), m_mode(mode)
{
    const std::vector<QuantizableLayer> layers = quantizableLayers(source, mode);
    for (const std::string &name : int8)
        if (std::none_of(layers.begin(), layers.end(),
                         [&](const QuantizableLayer &l) { return l.name == name; }))
            throw ConfigError("\"" + name + "\" is not a layer this model can run in int8");

    torch::nn::Sequential sequential = source;
    m_steps.resize(source->size());
    const auto names = source->named_children();
    for (std::size_t i = 0; i < source->size(); ++i) {
        m_steps[i].module = sequential->begin()[i];
        m_steps[i].kind = isDropout(source, i) ? StepKind::Skip : StepKind::Float;
        if (childAs<torch::nn::FlattenImpl>(source, i))
            m_steps[i].kind = StepKind::Flatten;
        if (const auto pool = childAs<MaxPoolImpl>(source, i)) {
            m_steps[i].kind = StepKind::Pool;
            m_steps[i].poolSize = pool->size();
        }
    }
    for (const QuantizableLayer &layer : layers) {
        if (int8.count(layer.name) == 0)
            continue;
        Step &step = m_steps[layer.index];
        const bool isStatic = mode == QuantMode::Static;
        if (isStatic &&
            (calibration.input.count(layer.name) == 0 || calibration.output.count(layer.name) == 0))
            throw ConfigError("layer " + layer.name + " has no calibration for static int8");
        if (layer.recurrent) {
            step.kind = StepKind::Int8Recurrent;
            step.recurrent =
                QuantizedRecurrentEncoder(*childAs<RecurrentEncoderImpl>(source, layer.index));
            register_module(layer.name, step.recurrent);
        } else if (layer.convolution) {
            step.kind = StepKind::Int8Conv;
            step.conv =
                quantizeConv2d(foldedConvolution(source, layer), calibration.input.at(layer.name),
                               calibration.output.at(layer.name), layer.fusesRelu());
            register_module(layer.name, step.conv);
        } else {
            const auto linear =
                torch::nn::Linear(childAs<torch::nn::LinearImpl>(source, layer.index));
            step.kind = StepKind::Int8Linear;
            step.linear = isStatic ? quantizeLinearStatic(linear, calibration.input.at(layer.name),
                                                          calibration.output.at(layer.name),
                                                          layer.fusesRelu())
                                   : quantizeLinearDynamic(linear, QuantGranularity::PerChannel,
                                                           layer.fusesRelu());
            register_module(layer.name, step.linear);
        }
        if (layer.batchNorm)
            m_steps[*layer.batchNorm].kind = StepKind::Skip;
        if (layer.reluModule)
            m_steps[*layer.reluModule].kind = StepKind::Skip;
        if (layer.reluInPool)
            m_steps[layer.index + 1 + (layer.batchNorm ? 1 : 0)].poolOnInt8 = true;
    }
    for (std::size_t i = 0; i < source->size(); ++i)
        if (m_steps[i].kind == StepKind::Float || m_steps[i].kind == StepKind::Pool)
            register_module(names[i].key(), source->ptr(i));
}

torch::Tensor QuantizedSequentialImpl::forward(const torch::Tensor &input)
{
    const auto toFloat = [](const torch::Tensor &x) {
        return x.is_quantized() ? x.dequantize() : x;
    };
    torch::Tensor x = input;
    // A quint8 channels-last activation that a Flatten step left 4-D for the static int8 linear
    // layer after it, which reads it in its storage order (no reorder to NCHW).
    bool flattenPending = false;
    const auto settle = [&] {
        if (flattenPending)
            x = x.contiguous().flatten(1);
        flattenPending = false;
    };
    for (Step &step : m_steps) {
        if (step.kind != StepKind::Skip &&
            !(step.kind == StepKind::Int8Linear && m_mode == QuantMode::Static))
            settle();
        switch (step.kind) {
        case StepKind::Skip:
            break;
        case StepKind::Float:
            x = step.module.forward(toFloat(x));
            break;
        case StepKind::Flatten:
            if (x.is_quantized() && x.dim() == 4 && !x.is_contiguous() &&
                x.is_contiguous(torch::MemoryFormat::ChannelsLast))
                flattenPending = true;
            else
                x = x.is_quantized() ? x.contiguous().flatten(1) : step.module.forward(x);
            break;
        case StepKind::Pool:
            x = step.poolOnInt8 && x.is_quantized() ? QuantMaxPool::pool(x, step.poolSize)
                                                    : step.module.forward(toFloat(x));
            break;
        case StepKind::Int8Conv:
            x = step.conv->forwardQuantized(x.is_quantized() ? x : step.conv->quantizeInput(x));
            break;
        case StepKind::Int8Recurrent:
            x = step.recurrent->forward(x);
            break;
        case StepKind::Int8Linear:
            if (flattenPending) {
                x = step.linear->forwardQuantizedChannelsLast(x);
                flattenPending = false;
            } else if (m_mode == QuantMode::Static)
                x = step.linear->forwardQuantized(x.is_quantized() ? x
                                                                   : step.linear->quantizeInput(x));
            else
                x = step.linear->forward(toFloat(x));
            break;
        }
    }
    settle();
    return toFloat(x);
}

std::vector<torch::Tensor> QuantizedSequentialImpl::weights() const
{
    std::vector<torch::Tensor> tensors;
    for (const Step &step : m_steps) {
        if (step.kind == StepKind::Int8Conv) {
            tensors.push_back(step.conv->state().weight);
            if (step.conv->state().bias.defined())
                tensors.push_back(step.conv->state().bias);
        } else if (step.kind == StepKind::Int8Recurrent) {
            for (const torch::Tensor &tensor : step.recurrent->weights())
                tensors.push_back(tensor);
        } else if (step.kind == StepKind::Int8Linear) {
            tensors.push_back(step.linear->state().weight);
            if (step.linear->state().bias.defined())
                tensors.push_back(step.linear->state().bias);
        } else if (step.kind == StepKind::Float || step.kind == StepKind::Pool) {
            for (const torch::Tensor &parameter : step.module.ptr()->parameters())
                tensors.push_back(parameter);
            for (const torch::Tensor &buffer : step.module.ptr()->buffers())
                tensors.push_back(buffer);
        }
    }
    return tensors;
}

} // namespace mf
