#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/train/trainevents.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace mf {

class BatchSource;

/// Evaluates `model` on every sample of `source` in order: mean loss (`loss` as in
/// TrainConfig::loss), the confusion matrix over `numClasses` classes and the most confident
/// mistakes, in batches of at least `batchSize`. No gradients; the model is in eval mode for
/// the call and gets its training flag back afterwards. Touches no process-wide torch state
/// (seed, generator, thread count), so it may run beside a training.
EvalReport evaluateModel(torch::nn::Sequential &model, const BatchSource &source,
                         const std::string &loss, std::int64_t batchSize, std::int64_t numClasses);

} // namespace mf
