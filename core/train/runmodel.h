#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/train/trainconfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace mf {

/// The network a run trains: buildModel() of config.model for `numClasses` classes, seeded with
/// config.seed, or for a pre-training objective the same encoder with a token head over the
/// model's vocab_size (ModelHead::Tokens). mf::ConfigError as buildModel().
torch::nn::Sequential buildRunModel(const TrainConfig &config,
                                    const std::vector<std::int64_t> &sampleShape,
                                    std::int64_t numClasses);

/// The model's vocab_size for a text model spec, 0 for any other.
std::int64_t specVocabularySize(const TrainConfig &config);

} // namespace mf
