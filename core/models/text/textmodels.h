#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/models/modelfactory.h"
#include "core/models/modelspec.h"

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace mf {

/// The text model (isTextModelType(spec.type)) for samples of shape {seq_len}: layers
/// "encoder" (RecurrentEncoder, BagEncoder, TextCnnEncoder or TransformerTextEncoder, which
/// reads the token ids), "drop" (GeneratorDropout, when spec.dropout > 0) and "out" (linear to
/// `numClasses`). mf::ConfigError for any other shape (naming model.type) or a seq_len above a
/// transformer's max_length (naming model.max_length). Does not apply spec's "init".
/// ModelHead::Tokens: the encoder per token and "token_head" (linear to `numClasses`, the
/// vocabulary) instead of "out"; mf::ConfigError for bag and textcnn, which keep no per-token
/// states.
torch::nn::Sequential buildTextModel(const ModelSpec &spec,
                                     const std::vector<std::int64_t> &inputShape,
                                     std::int64_t numClasses, ModelHead head = ModelHead::Classes);

} // namespace mf
