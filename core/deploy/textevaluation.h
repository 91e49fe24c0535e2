#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/deploy/deployedmodel.h"
#include "core/text/textdataset.h"
#include "core/train/trainconfig.h"
#include "core/train/trainingsession.h"

#include <string>

namespace mf {

/// A text model's file evaluated on `bundle`, the text dataset at `path`: its test part, or the
/// validation documents its run held out (those splitDataset() leaves for validation with the
/// run's seed and validation fraction, from `config`). mf::ConfigError for a test split of a
/// dataset without one.
EvalReport evaluateTextSplit(const DeployedModel &model, const TrainConfig &config,
                             const TextDatasetBundle &bundle, const std::string &path,
                             EvalSplit split);

} // namespace mf
