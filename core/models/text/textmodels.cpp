#include "core/models/text/textmodels.h"

#include "core/models/generatordropout.h"
#include "core/models/text/bagencoder.h"
#include "core/models/text/recurrentencoder.h"
#include "core/models/text/textcnnencoder.h"
#include "core/models/text/transformertextencoder.h"
#include "core/util/error.h"

namespace mf {

namespace {

RecurrentCell cellOf(const std::string &type)
{
    if (type == "rnn")
        return RecurrentCell::Elman;
    return type == "gru" ? RecurrentCell::Gru : RecurrentCell::Lstm;
}

} // namespace

torch::nn::Sequential buildTextModel(const ModelSpec &spec,
                                     const std::vector<std::int64_t> &inputShape,
                                     std::int64_t numClasses, ModelHead head)
{
    const bool perToken = head == ModelHead::Tokens;
    if (perToken && (spec.type == "bag" || spec.type == "textcnn"))
        throw ConfigError("model.type: a " + spec.type +
                          " model pools its tokens at once and cannot predict each token; "
                          "pre-train an rnn, gru, lstm or transformer");
    if (inputShape.size() != 1)
        throw ConfigError("model.type: a " + spec.type +
                          " model reads token ids of shape {seq_len}, not images or other " +
                          std::to_string(inputShape.size()) + "-d samples");
    const std::int64_t length = inputShape[0];
    torch::nn::Sequential net;
    std::int64_t features = 0;
    if (spec.type == "rnn" || spec.type == "gru" || spec.type == "lstm") {
        RecurrentEncoder encoder(RecurrentEncoderOptions(cellOf(spec.type), spec.vocabSize,
                                                         spec.embeddingDim, spec.hiddenSize)
                                     .layers(spec.layers)
                                     .bidirectional(spec.bidirectional)
                                     .perToken(perToken));
        features = encoder->outputSize();
        net->push_back("encoder", encoder);
    } else if (spec.type == "bag") {
        net->push_back(
            "encoder",
            BagEncoder(BagEncoderOptions(spec.vocabSize, spec.embeddingDim)
                           .pooling(spec.pooling == "max" ? BagPooling::Max : BagPooling::Mean)));
        features = spec.embeddingDim;
    } else if (spec.type == "textcnn") {
        TextCnnEncoder encoder(TextCnnEncoderOptions(spec.vocabSize, spec.embeddingDim)
                                   .kernelSizes(spec.kernelSizes)
                                   .filters(spec.filters)
                                   .activation(spec.activation));
        features = encoder->outputSize();
        net->push_back("encoder", encoder);
    } else if (spec.type == "transformer") {
        if (length > spec.maxLength)
            throw ConfigError("model.max_length: the samples have " + std::to_string(length) +
                              " tokens (text.sequence_length), more than max_length (" +
                              std::to_string(spec.maxLength) +
                              "): raise max_length or lower the sequence length");
        net->push_back("encoder", TransformerTextEncoder(TransformerTextEncoderOptions(
                                                             spec.vocabSize, spec.embeddingDim)
                                                             .maxLength(spec.maxLength)
                                                             .layers(spec.layers)
                                                             .heads(spec.heads)
                                                             .ffDim(spec.ffDim)
                                                             .activation(spec.activation)
                                                             .dropout(spec.dropout)
                                                             .perToken(perToken)));
        features = spec.embeddingDim;
    } else {
        throw ConfigError("model.type: \"" + spec.type + "\" is not a text model type");
    }
    if (spec.dropout > 0.0)
        net->push_back("drop", GeneratorDropout(spec.dropout));
    net->push_back(perToken ? "token_head" : "out", torch::nn::Linear(features, numClasses));
    return net;
}

} // namespace mf
