#pragma once
// Core-only header (includes torch). The input convention of every text model
// (core/models/modelspec.h): a kLong tensor [batch, seq_len] of token ids, each row the ids of
// one text followed by Vocabulary::kPadId (0) up to seq_len. Lengths and masks come from
// `ids != 0` alone, so the modules need no second input and sit in a torch::nn::Sequential.

#include <torch/torch.h>

#include <cstdint>

namespace mf {

/// The padding id of text model inputs (Vocabulary::kPadId).
constexpr std::int64_t kTextPadId = 0;

/// Throws mf::ConfigError unless `ids` is a 2-D integer tensor [batch, seq_len] with
/// seq_len >= 1; `module` names the caller in the message.
void checkTokenIds(const torch::Tensor &ids, const char *module);

/// Bool [batch, seq_len]: true at the real tokens (ids != kTextPadId).
torch::Tensor tokenMask(const torch::Tensor &ids);

/// kLong [batch]: the number of real tokens of each row, at least 1 (an all-padding row counts
/// as one padding token, so that every row has something to pool or to pack).
torch::Tensor tokenLengths(const torch::Tensor &ids);

/// tokenMask() with the first position of all-padding rows set: true exactly at the
/// positions [0, tokenLengths()) of each right-padded row.
torch::Tensor validMask(const torch::Tensor &ids);

} // namespace mf
