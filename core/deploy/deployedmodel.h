#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/deploy/modelbundlemeta.h"
#include "core/train/trainevents.h"

#include <torch/torch.h>

#include <functional>
#include <string>

namespace mf {

struct Dataset;

/// A model loaded from a bundle (ModelBundle), ready for inference on the CPU.
class DeployedModel
{
public:
    /// DataError naming `path` when it is no ModelForge model bundle, a newer format, or its
    /// weights do not fit the network it describes.
    static DeployedModel load(const std::string &path);
    /// The same from bundle bytes; `name` stands for the file in errors.
    static DeployedModel fromBytes(const std::string &bytes, const std::string &name);

    const ModelBundleMeta &meta() const { return m_meta; }

    /// Class probabilities [N, classes] for raw inputs as a dataset holds them (uint8 images
    /// [N, C, H, W] or float features [N, F]), normalised as the run was. ConfigError when
    /// their shape is not the model's.
    torch::Tensor probabilities(const torch::Tensor &raw) const;

    /// Evaluates on every sample of `dataset` as `modelforge-cli eval` reports a run. ConfigError
    /// when the dataset's samples or classes do not fit the model.
    EvalReport evaluate(const Dataset &dataset) const;

private:
    ModelBundleMeta m_meta;
    std::function<torch::Tensor(const torch::Tensor &)> m_forward;
    std::string m_loss;
};

} // namespace mf
