#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/compress/quantizedsequential.h"
#include "core/data/datasetstats.h"
#include "core/train/trainingsession.h"

#include <map>
#include <string>

namespace mf {

/// The run param that holds an int8 variant's input normalisation (its source's), as JSON
/// {"mean": [...], "std": [...]}: the int8 model file holds the network only.
inline constexpr const char *kInt8NormalizationParam = "compression.normalization";
/// The run param listing the layers an int8 variant runs in int8, comma-separated.
inline constexpr const char *kInt8LayersParam = "compression.int8_layers";
/// The artifact kind of an int8 variant's model file.
inline constexpr const char *kInt8ModelArtifact = "int8-model";

/// Whether `runId` is an int8 variant (it has an int8 model file).
bool isInt8Variant(std::int64_t runId, const SessionOptions &options);

/// The input normalisation an int8 variant's `params` hold (empty when none); DataError naming
/// `file` and `where` when the param is malformed.
ChannelStats int8Normalization(const std::map<std::string, std::string> &params,
                               const std::string &file, const std::string &where);

/// Evaluates an int8 variant run as TrainingSession::evaluateRun() does a trained one: its int8
/// model file (sha256 checked against the store's) rebuilt on the int8 engine selected now, on
/// the test part or the validation split of its source's dataset, normalised as its source was.
/// ConfigError for a run that is no int8 variant; DataError for a file that changed or is
/// unreadable.
EvalReport evaluateInt8Variant(std::int64_t runId, const SessionOptions &options,
                               EvalSplit which = EvalSplit::Test);

/// Reads an int8 model file written for `source` (a network of the spec the variant was made
/// from) with `params` (its run's: technique and int8 layers). DataError naming the file when it
/// does not hold that model.
QuantizedSequential loadInt8Model(const torch::nn::Sequential &source,
                                  const std::map<std::string, std::string> &params,
                                  const std::string &path);
/// The same from an archive holding the model (a model bundle's); `file` names it in errors.
QuantizedSequential loadInt8Model(const torch::nn::Sequential &source,
                                  const std::map<std::string, std::string> &params,
                                  torch::serialize::InputArchive &archive, const std::string &file);

} // namespace mf
