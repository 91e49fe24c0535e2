#pragma once
// Model spec JSON understood by buildModel(). Keys common to every type:
//   "type":       "mlp" | "cnn" | "resnet"                     (required)
//   "activation": "relu" | "sigmoid" | "tanh" | "gelu"          (default "relu")
//   "dropout":    number in [0, 1)                              (default 0)
//   "init":       {"scheme": "default" | "uniform" | "gaussian" | "xavier" | "kaiming",
//                  "a": positive number (default 1)}            (default {"scheme": "default"})
// mlp:    "hidden": [256, 128]   widths of the hidden layers; the input is flattened first.
//         Each hidden layer is linear -> activation -> [dropout]; then linear to the classes.
// cnn:    "conv": [32, 64]       output channels of each conv block (at least one)
//         "kernel": 3            square kernel size
//         "padding": 1           default kernel / 2
//         "batch_norm": false
//         "pool": 2              max-pool size after each block; 0 or 1 = no pooling
//         "fc": [128]            hidden fully-connected widths after flattening
//         Block = conv -> [batchnorm] -> activation -> [maxpool]; then flatten ->
//         (linear -> activation -> [dropout]) per fc entry -> linear to the classes.
//         Needs a {C,H,W} input.
// resnet: "channels": [16, 32, 64]  channels of each stage (at least one)
//         "blocks": 1                residual blocks per stage
//         Stem conv3x3-bn-act; stages of basic blocks (stride 2 at the first block of every
//         stage after the first); global average pool; flatten; [dropout]; linear.
//         Needs a {C,H,W} input.
// Unknown keys, wrong types, out-of-range values or a spec that shrinks the spatial size to
// zero throw mf::ConfigError naming the key (or layer).

#include "core/models/initscheme.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// Every value of a model spec, validated; building then only has to check the input shape.
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

/// Reads and checks every key, type and range of `spec` that does not depend on the input
/// shape; throws mf::ConfigError naming the key.
ModelSpec parseModelSpec(const nlohmann::json &spec);

/// parseModelSpec() for its checks only.
void validateModelSpec(const nlohmann::json &spec);

/// The spec of each built-in type with every key spelled out ("mlp", "cnn", "resnet").
nlohmann::json defaultModelSpec(const std::string &type);

/// Whether `name` is one of relu, sigmoid, tanh, gelu.
bool isKnownActivation(const std::string &name);

} // namespace mf
