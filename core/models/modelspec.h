#pragma once
// Model spec JSON understood by buildModel(). Keys common to every type:
//   "type":       "mlp" | "cnn" | "resnet"                      (image and table models)
//                 "rnn" | "gru" | "lstm" | "bag" | "textcnn" | "transformer" (text models)
//                                                               (required)
//   "activation": "relu" | "sigmoid" | "tanh" | "gelu"          (default "relu"; of the text
//                                                               types only textcnn and
//                                                               transformer take it)
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
//
// Text models (isTextModelType()) take a sample shape {seq_len}; their input is a kLong tensor
// [batch, seq_len] of token ids, right-padded with Vocabulary::kPadId (0). Every text module
// derives the lengths and masks from `ids != 0` (core/models/text/textmasks.h), so padding
// never changes a sequence's logits; an all-padding row counts as one padding token. Output:
// logits [batch, classes]. The layers are "encoder" (embedding and encoder in one module, which
// reads the ids), "drop" (GeneratorDropout, when dropout > 0) and "out" (linear). "init"
// re-initialises their Linear layers only (Embedding, Conv1d, RNN keep LibTorch's defaults).
// Keys of every text type:
//   "vocab_size":    integer from 2 to 16777216                    (required: the trainer fills
//                    it in from the vocabulary; ids must be below it)
//   "embedding_dim": integer from 1 to 65536                       (default 64)
//   "dropout":       as above, before the output layer              (default 0)
// rnn | gru | lstm: embedding -> recurrent encoder (rnn: Elman, tanh) over the packed
//         sequences -> the last valid hidden state of the last layer (bidirectional: the
//         forward state at the last real token and the backward state at the first,
//         concatenated) -> [dropout] -> linear.
//         "hidden_size": integer from 1 to 65536                   (default 64)
//         "layers":      integer from 1 to 16                      (default 1)
//         "bidirectional": true | false                            (default false)
// bag:    embedding -> mean or max over the real tokens -> [dropout] -> linear.
//         "pooling":     "mean" | "max"                            (default "mean")
// textcnn: embedding -> parallel Conv1d (one per kernel size, no padding) -> activation ->
//         max over the windows that lie inside the real tokens -> concatenation ->
//         [dropout] -> linear. A sequence shorter than a kernel is padded with zero vectors up
//         to that kernel's size inside the module (it then has one window).
//         "kernel_sizes": array of integers from 1 to 64, not empty (default [3, 4, 5])
//         "filters":     integer from 1 to 65536, per kernel size  (default 64)
// transformer: token embedding + learned position embedding -> [dropout] ->
//         TransformerEncoder (post-norm layers, no dropout of their own, padding masked as
//         keys) -> mean of the outputs at the real tokens -> [dropout] -> linear.
//         "max_length":  integer from 1 to 65536                   (default 256; a longer
//                        seq_len is a ConfigError naming model.max_length)
//         "layers":      integer from 1 to 16                      (default 2)
//         "heads":       integer from 1 to 64, dividing embedding_dim (default 4)
//         "ff_dim":      integer from 1 to 262144                  (default 4 * embedding_dim)
//         "activation":  relu or gelu as LibTorch's, sigmoid or tanh as functions (default relu)
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
    // Text types (see above).
    std::int64_t vocabSize = 0;
    std::int64_t embeddingDim = 64;
    std::int64_t hiddenSize = 64;          // rnn, gru, lstm
    std::int64_t layers = 1;               // rnn, gru, lstm (1), transformer (2)
    bool bidirectional = false;            // rnn, gru, lstm
    std::string pooling = "mean";          // bag
    std::vector<std::int64_t> kernelSizes; // textcnn
    std::int64_t filters = 64;             // textcnn
    std::int64_t maxLength = 256;          // transformer
    std::int64_t heads = 4;                // transformer
    std::int64_t ffDim = 256;              // transformer
};

/// Reads and checks every key, type and range of `spec` that does not depend on the input
/// shape; throws mf::ConfigError naming the key.
ModelSpec parseModelSpec(const nlohmann::json &spec);

/// parseModelSpec() for its checks only.
void validateModelSpec(const nlohmann::json &spec);

/// The spec of each built-in type with every key spelled out ("mlp", "cnn", "resnet", "rnn",
/// "gru", "lstm", "bag", "textcnn", "transformer"). A text type's "vocab_size" is 2 (the two
/// reserved tokens): the caller puts its vocabulary's size in.
nlohmann::json defaultModelSpec(const std::string &type);

/// Whether `type` is a text model type (rnn, gru, lstm, bag, textcnn, transformer): it reads
/// token ids of shape {seq_len} rather than images or feature tables.
bool isTextModelType(const std::string &type);

/// Whether `name` is one of relu, sigmoid, tanh, gelu.
bool isKnownActivation(const std::string &name);

} // namespace mf
