#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/train/trainconfig.h"
#include "core/train/trainevents.h"

#include <torch/torch.h>

#include <cstdint>
#include <optional>

namespace mf {

class BatchSource;

/// The self-supervised objectives of TrainConfig::objective: a text encoder learns from the
/// dataset's text alone, its labels unused, through a network with ModelHead::Tokens.
enum class PretrainObjective
{
    /// BERT: predict the tokens hidden in the input (bidirectional encoders).
    MaskedTokens,
    /// GPT: predict each next token from the ones before it (unidirectional recurrent ones).
    NextToken
};

/// The objective of a pre-training config, nullopt for "classify".
std::optional<PretrainObjective> pretrainObjectiveOf(const TrainConfig &config);

/// The target of a position that is not predicted (cross_entropy's ignore_index).
constexpr std::int64_t kIgnoredToken = -100;

/// A batch of token ids made into a prediction task.
struct TokenTask
{
    torch::Tensor inputs;  ///< int64 [B, L]: what the model reads
    torch::Tensor targets; ///< int64 [B, L]: the token to predict, or kIgnoredToken
};

/// BERT's masking of `ids` ([B, L], right-padded with 0): each real token is chosen with
/// probability 0.15 (at least one per batch that has any); of the chosen, 80 % are replaced by
/// `maskId`, 10 % by a random token id in [2, maskId) (neither padding nor <unk>) and 10 % are
/// kept. The targets hold the original ids at the chosen positions. Draws from `generator`
/// alone (a CPU generator; the ids may live on any device).
TokenTask maskTokens(const torch::Tensor &ids, std::int64_t maskId, at::Generator &generator);

/// Next-token prediction: the inputs are `ids`; the target at position t is the token at t + 1
/// where that is a real token.
TokenTask nextTokenTask(const torch::Tensor &ids);

/// The task of batch `batch` of `epoch` for a model whose vocabulary has `vocabSize` entries,
/// the last of them the [MASK] token (core/train/textrundata.h). Masking draws from a generator
/// seeded from (seed, epoch, batch), so a resumed run masks as the uninterrupted one did and
/// every validation (epoch 0) asks the same questions.
TokenTask tokenTask(PretrainObjective objective, const torch::Tensor &ids, std::int64_t vocabSize,
                    std::uint64_t seed, int epoch, std::int64_t batch);

/// The logits [M, V] of the M predicted positions of `task` (targets not kIgnoredToken) and
/// their targets [M]: `model` (encoder, ..., token head) runs up to its last layer on all the
/// tokens and the head only where a token is predicted, 15 % of them when masking, instead of
/// a [B, L, V] product that is mostly thrown away.
std::pair<torch::Tensor, torch::Tensor> predictTokens(torch::nn::Sequential &model,
                                                      const TokenTask &task);

/// Mean cross-entropy of `logits` ([B, L, V] or [M, V]) over the predicted positions of
/// `targets`.
torch::Tensor tokenLoss(const torch::Tensor &logits, const torch::Tensor &targets);

/// {right, predicted}: int64 scalars on the logits' device.
std::pair<torch::Tensor, torch::Tensor> tokenHits(const torch::Tensor &logits,
                                                  const torch::Tensor &targets);

/// The objective's loss and accuracy over the predicted tokens of every sample of `source`,
/// in eval mode without gradients; the tasks are those of tokenTask() for epoch 0, so each
/// evaluation of a run asks the same questions. The report's samples are the documents; it
/// names no classes and keeps no mistakes.
EvalReport evaluatePretraining(torch::nn::Sequential &model, const BatchSource &source,
                               PretrainObjective objective, std::int64_t vocabSize,
                               std::int64_t batchSize, std::uint64_t seed);

} // namespace mf
