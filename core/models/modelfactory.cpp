#include "core/models/modelfactory.h"

#include "core/models/activation.h"
#include "core/models/maxpool.h"
#include "core/models/residualblock.h"
#include "core/models/specreader.h"
#include "core/models/weightinit.h"
#include "core/util/error.h"

#include <limits>

namespace mf {

namespace {

constexpr std::int64_t kMaxWidth = 1 << 16;
constexpr std::int64_t kMaxSize = 64;
constexpr std::int64_t kMaxInt = std::numeric_limits<std::int64_t>::max();

/// Every value of a spec, validated; building then only has to check the input shape.
struct ModelSpec
{
    std::string type;
    std::string activation = "relu";
    double dropout = 0.0;
    InitScheme scheme = InitScheme::Default;
    double initScale = 1.0;
    std::vector<std::int64_t> hidden;   // mlp
    std::vector<std::int64_t> conv;     // cnn
    std::int64_t kernel = 3;            // cnn
    std::int64_t padding = 1;           // cnn
    bool batchNorm = false;             // cnn
    std::int64_t pool = 2;              // cnn
    std::vector<std::int64_t> fc;       // cnn
    std::vector<std::int64_t> channels; // resnet
    std::int64_t blocks = 1;            // resnet
};

void readCommon(const SpecReader &reader, ModelSpec &spec)
{
    spec.activation = reader.text("activation", "relu");
    if (!isKnownActivation(spec.activation))
        reader.fail("activation", "unknown activation \"" + spec.activation +
                                      "\" (expected relu, sigmoid, tanh or gelu)");
    spec.dropout = reader.number("dropout", 0.0, 0.0, 1.0);
    if (spec.dropout >= 1.0)
        reader.fail("dropout", "must be below 1");
    if (reader.has("init")) {
        const SpecReader init(reader.value("init"), reader.keyName("init."));
        init.rejectUnknown({"scheme", "a"});
        const std::string scheme = init.text("scheme", "default");
        try {
            spec.scheme = parseInitScheme(scheme);
        } catch (const ConfigError &) {
            init.fail("scheme", "unknown initialisation scheme \"" + scheme +
                                    "\" (expected default, uniform, gaussian, xavier or kaiming)");
        }
        spec.initScale = init.number("a", 1.0, 0.0, std::numeric_limits<double>::infinity());
        if (spec.initScale <= 0.0)
            init.fail("a", "must be greater than 0");
    }
}

ModelSpec parseSpec(const nlohmann::json &json)
{
    const SpecReader reader(json, "model.");
    ModelSpec spec;
    spec.type = reader.requiredText("type");
    if (spec.type == "mlp") {
        reader.rejectUnknown({"type", "activation", "dropout", "init", "hidden"});
        spec.hidden = reader.integers("hidden", {256, 128}, 1, kMaxWidth, true);
    } else if (spec.type == "cnn") {
        reader.rejectUnknown({"type", "activation", "dropout", "init", "conv", "kernel", "padding",
                              "batch_norm", "pool", "fc"});
        spec.conv = reader.integers("conv", {32, 64}, 1, kMaxWidth, false);
        spec.kernel = reader.integer("kernel", 3, 1, kMaxSize);
        spec.padding = reader.integer("padding", spec.kernel / 2, 0, kMaxSize);
        spec.batchNorm = reader.boolean("batch_norm", false);
        spec.pool = reader.integer("pool", 2, 0, kMaxSize);
        spec.fc = reader.integers("fc", {128}, 1, kMaxWidth, true);
    } else if (spec.type == "resnet") {
        reader.rejectUnknown({"type", "activation", "dropout", "init", "channels", "blocks"});
        spec.channels = reader.integers("channels", {16, 32, 64}, 1, kMaxWidth, false);
        spec.blocks = reader.integer("blocks", 1, 1, kMaxSize);
    } else {
        reader.fail("type",
                    "unknown model type \"" + spec.type + "\" (expected mlp, cnn or resnet)");
    }
    readCommon(reader, spec);
    return spec;
}

std::string indexed(const char *key, std::size_t i)
{
    return std::string(key) + "[" + std::to_string(i) + "]";
}

std::string layerName(const char *kind, std::size_t i)
{
    return std::string(kind) + std::to_string(i + 1);
}

std::int64_t featureCount(const std::vector<std::int64_t> &shape)
{
    std::int64_t count = 1;
    for (auto d : shape) {
        if (count > kMaxInt / d)
            throw ConfigError("input shape: too many features");
        count *= d;
    }
    return count;
}

void requireImageShape(const std::vector<std::int64_t> &shape, const std::string &type)
{
    if (shape.size() != 3)
        throw ConfigError("model.type: a " + type +
                          " needs image input {channels, height, width}, not a table of features");
}

/// hidden linear layers (each linear -> activation -> [dropout]) and the output layer.
void addClassifierHead(torch::nn::Sequential &net, const ModelSpec &spec,
                       const std::vector<std::int64_t> &hidden, std::int64_t inFeatures,
                       std::int64_t numClasses)
{
    for (std::size_t i = 0; i < hidden.size(); ++i) {
        const std::string name = layerName("fc", i);
        net->push_back(std::string(name), torch::nn::Linear(inFeatures, hidden[i]));
        net->push_back(name + "_act", makeActivation(spec.activation));
        if (spec.dropout > 0.0)
            net->push_back(name + "_drop", torch::nn::Dropout(spec.dropout));
        inFeatures = hidden[i];
    }
    net->push_back("out", torch::nn::Linear(inFeatures, numClasses));
}

torch::nn::Sequential buildMlp(const ModelSpec &spec, const std::vector<std::int64_t> &shape,
                               std::int64_t numClasses)
{
    torch::nn::Sequential net;
    net->push_back("flatten", torch::nn::Flatten());
    addClassifierHead(net, spec, spec.hidden, featureCount(shape), numClasses);
    return net;
}

torch::nn::Sequential buildCnn(const ModelSpec &spec, const std::vector<std::int64_t> &shape,
                               std::int64_t numClasses)
{
    requireImageShape(shape, "cnn");
    torch::nn::Sequential net;
    std::int64_t channels = shape[0];
    std::int64_t height = shape[1];
    std::int64_t width = shape[2];
    for (std::size_t i = 0; i < spec.conv.size(); ++i) {
        height = height + 2 * spec.padding - spec.kernel + 1;
        width = width + 2 * spec.padding - spec.kernel + 1;
        if (height < 1 || width < 1)
            throw ConfigError("model." + indexed("conv", i) + ": a " + std::to_string(spec.kernel) +
                              "x" + std::to_string(spec.kernel) + " convolution with padding " +
                              std::to_string(spec.padding) + " shrinks the image to nothing");
        net->push_back(
            layerName("conv", i),
            torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, spec.conv[i], spec.kernel)
                                  .padding(spec.padding)
                                  .bias(!spec.batchNorm)));
        if (spec.batchNorm)
            net->push_back(layerName("bn", i), torch::nn::BatchNorm2d(spec.conv[i]));
        net->push_back(layerName("act", i), makeActivation(spec.activation));
        if (spec.pool > 1) {
            height /= spec.pool;
            width /= spec.pool;
            if (height < 1 || width < 1)
                throw ConfigError("model.pool: max-pooling by " + std::to_string(spec.pool) +
                                  " after " + indexed("conv", i) + " shrinks the image to nothing");
            net->push_back(layerName("pool", i), MaxPool(spec.pool));
        }
        channels = spec.conv[i];
    }
    net->push_back("flatten", torch::nn::Flatten());
    addClassifierHead(net, spec, spec.fc, featureCount({channels, height, width}), numClasses);
    return net;
}

torch::nn::Sequential buildResnet(const ModelSpec &spec, const std::vector<std::int64_t> &shape,
                                  std::int64_t numClasses)
{
    requireImageShape(shape, "resnet");
    const auto &channels = spec.channels;
    torch::nn::Sequential net;
    net->push_back("stem_conv",
                   torch::nn::Conv2d(
                       torch::nn::Conv2dOptions(shape[0], channels[0], 3).padding(1).bias(false)));
    net->push_back("stem_bn", torch::nn::BatchNorm2d(channels[0]));
    net->push_back("stem_act", makeActivation(spec.activation));
    std::int64_t in = channels[0];
    for (std::size_t stage = 0; stage < channels.size(); ++stage) {
        for (std::int64_t b = 0; b < spec.blocks; ++b) {
            const std::int64_t stride = (stage > 0 && b == 0) ? 2 : 1;
            net->push_back("stage" + std::to_string(stage + 1) + "_block" + std::to_string(b + 1),
                           ResidualBlock(ResidualBlockOptions(in, channels[stage])
                                             .stride(stride)
                                             .activation(spec.activation)));
            in = channels[stage];
        }
    }
    net->push_back("pool", torch::nn::AdaptiveAvgPool2d(1));
    net->push_back("flatten", torch::nn::Flatten());
    if (spec.dropout > 0.0)
        net->push_back("drop", torch::nn::Dropout(spec.dropout));
    net->push_back("out", torch::nn::Linear(in, numClasses));
    return net;
}

} // namespace

void validateModelSpec(const nlohmann::json &spec)
{
    parseSpec(spec);
}

torch::nn::Sequential buildModel(const nlohmann::json &json,
                                 const std::vector<std::int64_t> &inputShape,
                                 std::int64_t numClasses)
{
    const ModelSpec spec = parseSpec(json);
    if (inputShape.size() != 1 && inputShape.size() != 3)
        throw ConfigError("input shape: expected {features} or {channels, height, width}");
    for (auto d : inputShape)
        if (d < 1)
            throw ConfigError("input shape: every dimension must be at least 1");
    if (numClasses < 1)
        throw ConfigError("classes: a model needs at least one output class");

    torch::nn::Sequential net{nullptr};
    if (spec.type == "mlp")
        net = buildMlp(spec, inputShape, numClasses);
    else if (spec.type == "cnn")
        net = buildCnn(spec, inputShape, numClasses);
    else
        net = buildResnet(spec, inputShape, numClasses);
    initializeWeights(*net, spec.scheme, spec.initScale);
    return net;
}

nlohmann::json defaultModelSpec(const std::string &type)
{
    nlohmann::json spec = {{"type", type},
                           {"activation", "relu"},
                           {"dropout", 0.0},
                           {"init", {{"scheme", "default"}, {"a", 1.0}}}};
    if (type == "mlp") {
        spec["hidden"] = {256, 128};
    } else if (type == "cnn") {
        spec["conv"] = {32, 64};
        spec["kernel"] = 3;
        spec["padding"] = 1;
        spec["batch_norm"] = false;
        spec["pool"] = 2;
        spec["fc"] = {128};
    } else if (type == "resnet") {
        spec["channels"] = {16, 32, 64};
        spec["blocks"] = 1;
    } else {
        throw ConfigError("model.type: unknown model type \"" + type +
                          "\" (expected mlp, cnn or resnet)");
    }
    return spec;
}

std::int64_t parameterCount(const torch::nn::Module &module)
{
    std::int64_t count = 0;
    for (const auto &p : module.parameters(/*recurse=*/true))
        count += p.numel();
    return count;
}

} // namespace mf
