#include "core/models/modelspec.h"

#include "core/models/specreader.h"
#include "core/util/error.h"

#include <limits>

namespace mf {

namespace {

constexpr std::int64_t kMaxWidth = 1 << 16;
constexpr std::int64_t kMaxSize = 64;

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

} // namespace

bool isKnownActivation(const std::string &name)
{
    return name == "relu" || name == "sigmoid" || name == "tanh" || name == "gelu";
}

ModelSpec parseModelSpec(const nlohmann::json &json)
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

void validateModelSpec(const nlohmann::json &spec)
{
    parseModelSpec(spec);
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

} // namespace mf
