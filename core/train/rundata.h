#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/data/dataset.h"
#include "core/text/vocabulary.h"
#include "core/train/trainconfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mf {

class RunStore;

/// A run's dataset made ready for its model: the training and validation splits (split by
/// the run's seed), the test part when the dataset has one, and for a text run its vocabulary.
struct RunData
{
    Dataset train;
    Dataset validation;
    std::optional<Dataset> test;
    torch::Tensor trainIndices;           ///< each training sample's index in the loaded part
    std::optional<Vocabulary> vocabulary; ///< text runs only
    std::shared_ptr<const std::vector<std::string>> trainTexts; ///< text runs only
};

/// Loads config.dataset for a new run: a text run's documents are encoded with
/// `storedVocabulary` when given, else with a vocabulary built from its training split
/// (core/train/textrundata.h). mf::ConfigError when the validation split would be empty.
RunData loadRunData(const TrainConfig &config, const Vocabulary *storedVocabulary = nullptr);

/// The data of stored run `runId`: a text run is encoded with the vocabulary stored with it, or,
/// for a variant stored without one (an int8 variant), with its parent's (kParentRunParam).
RunData loadStoredRunData(const RunStore &store, std::int64_t runId, const TrainConfig &config);

} // namespace mf
