#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/deploy/modelbundlemeta.h"
#include "core/train/trainingsession.h"

#include <cstdint>
#include <string>

namespace mf {

/// A run's model as one file to ship, the file that `modelforge-cli eval` and `predict` load
/// (".mfmodel"): a torch archive holding "meta" (ModelBundleMeta as JSON) and "model" (the
/// weights in the run's own precision: fp32, the bitmask format of an unstructured-pruned run,
/// or the int8 layers of a quantised variant), and for a text model "vocabulary" (the run's
/// Vocabulary as JSON). It needs no run store and no dataset to use.
class ModelBundle
{
public:
    /// The bytes of the bundle of run `runId`: its evaluation checkpoint (a trained run), its
    /// sparse model file (a pruned variant) or its int8 model file (an int8 variant). The
    /// dataset is read for the class names when it still exists. A text run's bundle carries
    /// its stored vocabulary and text settings. ConfigError for a run with no model and for a
    /// pre-training run (it predicts tokens, not classes); DataError for a model or vocabulary
    /// file that changed or cannot be read.
    static std::string exportRun(std::int64_t runId, const SessionOptions &options);

    /// exportRun() written to `path` atomically; returns what it wrote.
    static ModelBundleMeta exportRunTo(std::int64_t runId, const SessionOptions &options,
                                       const std::string &path);
};

} // namespace mf
