#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/data/dataset.h"
#include "core/text/textdataset.h"
#include "core/text/tokenizer.h"
#include "core/text/vocabulary.h"
#include "core/train/trainconfig.h"

#include <memory>
#include <optional>
#include <string>

namespace mf {

class RunStore;
struct Workspace;

/// The artifact kind of a text run's vocabulary file (<run dir>/vocabulary.json).
extern const char *const kVocabularyArtifact;

/// True when `config` trains on a text dataset (isTextDatasetPath of its dataset).
bool isTextRun(const TrainConfig &config);

/// Throws mf::ConfigError before anything is loaded when the model type does not take the
/// dataset's kind (an image model on text, a text model on images or tables).
void checkModelFitsDataset(const TrainConfig &config);

/// A text run's augmentation: reads and checks the text pipeline file config.augmentation names
/// (core/text/textpipelinefile.h) and returns its JSON, or null JSON when it names none. Throws
/// mf::ConfigError "augmentation: <file>: <key>: <reason>", saying when the file holds an image
/// pipeline instead.
nlohmann::json readTextAugmentation(const TrainConfig &config);

TokenizerOptions tokenizerOptions(const TextConfig &config);

/// `texts` as a DatasetKind::Text dataset: int64 [N, sequence_length], each row the ids of the
/// document's first sequence_length tokens (the rest is cut off), right-padded with kPadId.
Dataset encodeTextDataset(const TextDataset &texts, const Vocabulary &vocabulary,
                          const TextConfig &config);

/// A text dataset made ready for training: split, vocabulary, id tensors.
struct TextRunData
{
    Dataset train;
    Dataset validation;
    std::optional<Dataset> test;
    torch::Tensor trainIndices; ///< each training document's index in the loaded training part
    Vocabulary vocabulary;
    /// The raw documents of the loaded training part, by index (what text augmentation reads).
    std::shared_ptr<const std::vector<std::string>> trainTexts;
};

/// Loads config.dataset, splits off the validation documents exactly as splitDataset() splits
/// images (same seed, same documents), and encodes every part with `stored` or, without it, with
/// a vocabulary built from the training split alone: validation and test words never seen in
/// training become <unk>, so validation measures what the model does on unseen text.
TextRunData loadTextRunData(const TrainConfig &config, const Vocabulary *stored = nullptr);

/// Writes <run dir>/vocabulary.json atomically and records it as the run's artifact.
void saveRunVocabulary(RunStore &store, const Workspace &workspace, std::int64_t runId,
                       const Vocabulary &vocabulary);

/// The vocabulary stored with run `runId`. Throws mf::DataError naming the file when it is
/// missing, changed since it was written (sha256), or not a valid vocabulary, and naming the
/// store when the run has no vocabulary artifact.
Vocabulary readRunVocabulary(const RunStore &store, std::int64_t runId);

/// The vocabulary run `runId`'s model reads: readRunVocabulary() of the run, or, for a variant
/// stored without one (an int8 variant), of its parent (kParentRunParam).
Vocabulary modelVocabulary(const RunStore &store, std::int64_t runId);

} // namespace mf
