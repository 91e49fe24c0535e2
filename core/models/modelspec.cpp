#include "core/models/modelspec.h"

#include "core/models/specreader.h"
#include "core/util/error.h"

#include <limits>

namespace mf {

namespace {

constexpr std::int64_t kMaxWidth = 1 << 16;
constexpr std::int64_t kMaxSize = 64;
constexpr std::int64_t kMaxVocabulary = std::int64_t{1} << 24;
constexpr std::int64_t kMaxLayers = 16;
constexpr const char *kTypes = "mlp, cnn, resnet, rnn, gru, lstm, bag, textcnn or transformer";

void readTextCommon(const SpecReader &reader, ModelSpec &spec)
{
    if (!reader.has("vocab_size"))
        reader.fail("vocab_size", "is required for a text model (the size of its vocabulary)");
    spec.vocabSize = reader.integer("vocab_size", 0, 2, kMaxVocabulary);
    spec.embeddingDim = reader.integer("embedding_dim", 64, 1, kMaxWidth);
}

void readTextSpec(const SpecReader &reader, ModelSpec &spec)
{
    const std::string &type = spec.type;
    if (type == "rnn" || type == "gru" || type == "lstm") {
        reader.rejectUnknown({"type", "dropout", "init", "vocab_size", "embedding_dim",
                              "hidden_size", "layers", "bidirectional"});
        readTextCommon(reader, spec);
        spec.hiddenSize = reader.integer("hidden_size", 64, 1, kMaxWidth);
        spec.layers = reader.integer("layers", 1, 1, kMaxLayers);
        spec.bidirectional = reader.boolean("bidirectional", false);
    } else if (type == "bag") {
        reader.rejectUnknown({"type", "dropout", "init", "vocab_size", "embedding_dim", "pooling"});
        readTextCommon(reader, spec);
        spec.pooling = reader.text("pooling", "mean");
        if (spec.pooling != "mean" && spec.pooling != "max")
            reader.fail("pooling",
                        "unknown pooling \"" + spec.pooling + "\" (expected mean or max)");
    } else if (type == "textcnn") {
        reader.rejectUnknown({"type", "activation", "dropout", "init", "vocab_size",
                              "embedding_dim", "kernel_sizes", "filters"});
        readTextCommon(reader, spec);
        spec.kernelSizes = reader.integers("kernel_sizes", {3, 4, 5}, 1, kMaxSize, false);
        spec.filters = reader.integer("filters", 64, 1, kMaxWidth);
    } else {
        reader.rejectUnknown({"type", "activation", "dropout", "init", "vocab_size",
                              "embedding_dim", "max_length", "layers", "heads", "ff_dim"});
        readTextCommon(reader, spec);
        spec.maxLength = reader.integer("max_length", 256, 1, kMaxWidth);
        spec.layers = reader.integer("layers", 2, 1, kMaxLayers);
        spec.heads = reader.integer("heads", 4, 1, kMaxSize);
        if (spec.embeddingDim % spec.heads != 0)
            reader.fail("heads", "must divide embedding_dim (" + std::to_string(spec.embeddingDim) +
                                     ") evenly, not " + std::to_string(spec.heads));
        spec.ffDim = reader.integer("ff_dim", 4 * spec.embeddingDim, 1, 4 * kMaxWidth);
    }
}

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

bool isTextModelType(const std::string &type)
{
    return type == "rnn" || type == "gru" || type == "lstm" || type == "bag" || type == "textcnn" ||
           type == "transformer";
}

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
    } else if (isTextModelType(spec.type)) {
        readTextSpec(reader, spec);
    } else {
        reader.fail("type", "unknown model type \"" + spec.type + "\" (expected " + kTypes + ")");
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
    if (isTextModelType(type)) {
        nlohmann::json spec = {{"type", type},
                               {"vocab_size", 2},
                               {"embedding_dim", 64},
                               {"dropout", 0.0},
                               {"init", {{"scheme", "default"}, {"a", 1.0}}}};
        if (type == "bag") {
            spec["pooling"] = "mean";
        } else if (type == "textcnn") {
            spec["activation"] = "relu";
            spec["kernel_sizes"] = {3, 4, 5};
            spec["filters"] = 64;
        } else if (type == "transformer") {
            spec["activation"] = "relu";
            spec["max_length"] = 256;
            spec["layers"] = 2;
            spec["heads"] = 4;
            spec["ff_dim"] = 256;
        } else {
            spec["hidden_size"] = 64;
            spec["layers"] = 1;
            spec["bidirectional"] = false;
        }
        return spec;
    }
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
        throw ConfigError("model.type: unknown model type \"" + type + "\" (expected " + kTypes +
                          ")");
    }
    return spec;
}

} // namespace mf
