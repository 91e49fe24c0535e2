#include "core/models/modelfactory.h"

#include "core/models/activation.h"
#include "core/models/generatordropout.h"
#include "core/models/maxpool.h"
#include "core/models/modelspec.h"
#include "core/models/plannedconv2d.h"
#include "core/models/residualblock.h"
#include "core/models/syncablebatchnorm.h"
#include "core/models/text/textmodels.h"
#include "core/models/weightinit.h"
#include "core/util/error.h"

#include <ATen/CPUGeneratorImpl.h>

#include <limits>
#include <mutex>

namespace mf {

namespace {

constexpr std::int64_t kMaxInt = std::numeric_limits<std::int64_t>::max();

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
            net->push_back(name + "_drop", GeneratorDropout(spec.dropout));
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
        net->push_back(layerName("conv", i), PlannedConv2d(channels, spec.conv[i], spec.kernel,
                                                           spec.padding, !spec.batchNorm));
        if (spec.batchNorm)
            net->push_back(layerName("bn", i), SyncableBatchNorm2d(spec.conv[i]));
        if (spec.pool > 1) {
            height /= spec.pool;
            width /= spec.pool;
            if (height < 1 || width < 1)
                throw ConfigError("model.pool: max-pooling by " + std::to_string(spec.pool) +
                                  " after " + indexed("conv", i) + " shrinks the image to nothing");
            // One layer, so that a kernel plan can fuse the activation into the pooling.
            net->push_back(layerName("pool", i),
                           MaxPool(spec.pool, activationFromName(spec.activation)));
        } else {
            net->push_back(layerName("act", i), makeActivation(spec.activation));
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
    net->push_back("stem_bn", SyncableBatchNorm2d(channels[0]));
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
        net->push_back("drop", GeneratorDropout(spec.dropout));
    net->push_back("out", torch::nn::Linear(in, numClasses));
    return net;
}

} // namespace

torch::nn::Sequential buildModel(const nlohmann::json &json,
                                 const std::vector<std::int64_t> &inputShape,
                                 std::int64_t numClasses, ModelHead head)
{
    const ModelSpec spec = parseModelSpec(json);
    if (head == ModelHead::Tokens && !isTextModelType(spec.type))
        throw ConfigError("model.type: a \"" + spec.type +
                          "\" model cannot predict tokens; token-level pre-training takes a "
                          "text model");
    if (isTextModelType(spec.type)) {
        for (auto d : inputShape)
            if (d < 1)
                throw ConfigError("input shape: every dimension must be at least 1");
        if (numClasses < 1)
            throw ConfigError("classes: a model needs at least one output class");
        torch::nn::Sequential net = buildTextModel(spec, inputShape, numClasses, head);
        initializeWeights(*net, spec.scheme, spec.initScale);
        return net;
    }
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

torch::nn::Sequential buildModel(const nlohmann::json &spec,
                                 const std::vector<std::int64_t> &inputShape,
                                 std::int64_t numClasses, std::uint64_t seed, ModelHead head)
{
    // LibTorch's modules initialise themselves from the process-wide CPU generator and take no
    // other. Seeding it, building on the CPU and putting its state back, with every seeded
    // build of the process in turn, gives each build its seed's weights and leaves the
    // generator as another thread last left it. (Nothing else in the engine draws from it.)
    static std::mutex building;
    const std::lock_guard<std::mutex> lock(building);
    at::Generator global = at::detail::getDefaultCPUGenerator();
    at::Tensor saved;
    {
        const std::lock_guard<std::mutex> generatorLock(global.mutex());
        saved = global.get_state();
        global.set_current_seed(seed);
    }
    const auto restore = [&] {
        const std::lock_guard<std::mutex> generatorLock(global.mutex());
        global.set_state(saved);
    };
    try {
        torch::nn::Sequential net = buildModel(spec, inputShape, numClasses, head);
        restore();
        return net;
    } catch (...) {
        restore();
        throw;
    }
}

std::int64_t parameterCount(const torch::nn::Module &module)
{
    std::int64_t count = 0;
    for (const auto &p : module.parameters(/*recurse=*/true))
        count += p.numel();
    return count;
}

} // namespace mf
