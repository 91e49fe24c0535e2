#include "core/compress/channelpruning.h"

#include "core/models/modelfactory.h"
#include "core/models/modelspec.h"
#include "core/util/error.h"

#include <cmath>
#include <optional>

namespace mf {

namespace {

/// A layer whose weight's dim 0 is its output channels (neurons) and dim 1 its inputs.
struct Layer
{
    std::string name;
    std::optional<std::string> batchNorm; ///< the batch norm after it, if any
    bool prunable = true;                 ///< false for the output layer
    bool afterFlatten = false;            ///< the first linear layer after convolutions
};

std::vector<Layer> layersOf(const ModelSpec &spec)
{
    std::vector<Layer> layers;
    const auto numbered = [](const char *kind, std::size_t i) {
        return std::string(kind) + std::to_string(i + 1);
    };
    for (std::size_t i = 0; i < spec.conv.size(); ++i)
        layers.push_back({numbered("conv", i),
                          spec.batchNorm ? std::optional(numbered("bn", i)) : std::nullopt});
    const std::vector<std::int64_t> &hidden = spec.type == "cnn" ? spec.fc : spec.hidden;
    for (std::size_t i = 0; i < hidden.size(); ++i)
        layers.push_back({numbered("fc", i), std::nullopt});
    layers.push_back({"out", std::nullopt, false});
    if (!spec.conv.empty())
        layers[spec.conv.size()].afterFlatten = true;
    return layers;
}

torch::Tensor parameter(const torch::nn::Module &model, const std::string &name)
{
    const auto parameters = model.named_parameters();
    if (const torch::Tensor *found = parameters.find(name))
        return *found;
    const auto buffers = model.named_buffers();
    if (const torch::Tensor *found = buffers.find(name))
        return *found;
    throw ConfigError("the model has no \"" + name + "\": it was not built from its spec");
}

/// The `keep` channels of largest norm, ascending; the earlier channel wins a tie.
std::vector<std::int64_t> strongest(const torch::Tensor &weight, std::int64_t keep,
                                    ChannelNorm norm)
{
    const torch::Tensor rows = weight.detach().flatten(1);
    const torch::Tensor scores =
        norm == ChannelNorm::L1 ? rows.abs().sum(1) : rows.pow(2).sum(1).sqrt();
    torch::Tensor order =
        std::get<1>(torch::sort(scores, /*stable=*/true, /*dim=*/0, /*descending=*/true));
    order = std::get<0>(torch::sort(order.slice(0, 0, keep)));
    return {order.data_ptr<std::int64_t>(), order.data_ptr<std::int64_t>() + keep};
}

torch::Tensor indexTensor(const std::vector<std::int64_t> &indices)
{
    return torch::tensor(indices, torch::kLong);
}

/// `channels` (of `count`) as the feature indices they become after flattening: each channel
/// holds `count` / features consecutive features.
std::vector<std::int64_t> flattenedFeatures(const std::vector<std::int64_t> &channels,
                                            std::int64_t count, std::int64_t features)
{
    const std::int64_t perChannel = features / count;
    std::vector<std::int64_t> result;
    for (std::int64_t channel : channels)
        for (std::int64_t f = 0; f < perChannel; ++f)
            result.push_back(channel * perChannel + f);
    return result;
}

std::vector<std::int64_t> everyIndex(std::int64_t count)
{
    std::vector<std::int64_t> all(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i)
        all[static_cast<std::size_t>(i)] = i;
    return all;
}

/// The inputs of `layers[i]` that remain: the kept channels of the layer before it.
std::vector<std::int64_t> keptInputs(const std::vector<Layer> &layers, std::size_t i,
                                     const std::vector<std::vector<std::int64_t>> &kept,
                                     const torch::Tensor &weight,
                                     const torch::Tensor &previousWeight)
{
    if (i == 0)
        return everyIndex(weight.size(1));
    if (layers[i].afterFlatten)
        return flattenedFeatures(kept[i - 1], previousWeight.size(0), weight.size(1));
    return kept[i - 1];
}

} // namespace

ChannelPruned pruneChannels(const torch::nn::Sequential &model, const nlohmann::json &spec,
                            const std::vector<std::int64_t> &inputShape, std::int64_t numClasses,
                            double fraction, ChannelNorm norm)
{
    const ModelSpec parsed = parseModelSpec(spec);
    if (parsed.type != "cnn" && parsed.type != "mlp")
        throw ConfigError("channel pruning rebuilds mlp and cnn models, not a " + parsed.type +
                          ": its residual additions tie the widths of its layers together");
    if (!(fraction >= 0.0 && fraction < 1.0))
        throw ConfigError("channel pruning fraction " + std::to_string(fraction) +
                          ": it must be at least 0 and less than 1");

    const std::vector<Layer> layers = layersOf(parsed);
    ChannelPruned result;
    std::vector<std::int64_t> convWidths;
    std::vector<std::int64_t> fcWidths;
    for (const Layer &layer : layers) {
        const torch::Tensor weight = parameter(*model, layer.name + ".weight");
        const std::int64_t count = weight.size(0);
        if (!layer.prunable) {
            result.kept.push_back(everyIndex(count));
            continue;
        }
        const std::int64_t keep = count - std::llround(fraction * static_cast<double>(count));
        if (keep < 1)
            throw ConfigError("pruning " + std::to_string(fraction) + " of the " +
                              std::to_string(count) + " channels of " + layer.name +
                              " removes every one of them");
        result.kept.push_back(strongest(weight, keep, norm));
        result.widths.push_back({layer.name, count, keep});
        (layer.name.rfind("conv", 0) == 0 ? convWidths : fcWidths).push_back(keep);
    }

    result.spec = spec;
    if (parsed.type == "cnn") {
        result.spec["conv"] = convWidths;
        result.spec["fc"] = fcWidths;
    } else {
        result.spec["hidden"] = fcWidths;
    }
    result.model = buildModel(result.spec, inputShape, numClasses, 0);

    torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const Layer &layer = layers[i];
        const torch::Tensor weight = parameter(*model, layer.name + ".weight");
        const torch::Tensor previous =
            i > 0 ? parameter(*model, layers[i - 1].name + ".weight") : torch::Tensor();
        const torch::Tensor outputs = indexTensor(result.kept[i]);
        const torch::Tensor inputs =
            indexTensor(keptInputs(layers, i, result.kept, weight, previous));
        parameter(*result.model, layer.name + ".weight")
            .copy_(weight.index_select(0, outputs).index_select(1, inputs));
        const auto sourceParameters = model->named_parameters();
        if (const torch::Tensor *bias = sourceParameters.find(layer.name + ".bias"))
            parameter(*result.model, layer.name + ".bias").copy_(bias->index_select(0, outputs));
        if (layer.batchNorm) {
            for (const char *field : {"weight", "bias", "running_mean", "running_var"}) {
                const std::string name = *layer.batchNorm + "." + field;
                parameter(*result.model, name)
                    .copy_(parameter(*model, name).index_select(0, outputs));
            }
            const std::string tracked = *layer.batchNorm + ".num_batches_tracked";
            parameter(*result.model, tracked).copy_(parameter(*model, tracked));
        }
    }
    return result;
}

void zeroRemovedChannels(torch::nn::Sequential &model, const ChannelPruned &pruned)
{
    const std::vector<Layer> layers = layersOf(parseModelSpec(pruned.spec));
    torch::NoGradGuard noGrad;
    for (std::size_t i = 1; i < layers.size(); ++i) {
        torch::Tensor weight = parameter(*model, layers[i].name + ".weight");
        const torch::Tensor previous = parameter(*model, layers[i - 1].name + ".weight");
        const torch::Tensor mask = torch::zeros({weight.size(1)});
        mask.index_fill_(0, indexTensor(keptInputs(layers, i, pruned.kept, weight, previous)), 1.0);
        std::vector<std::int64_t> shape(static_cast<std::size_t>(weight.dim()), 1);
        shape[1] = weight.size(1);
        weight.mul_(mask.view(shape));
    }
}

} // namespace mf
