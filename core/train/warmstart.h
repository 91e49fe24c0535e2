#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/train/trainconfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace mf {

struct Artifact;

/// What starting a model from another run's weights did, parameter by parameter.
struct WarmStartReport
{
    std::int64_t parentRun = 0;
    std::vector<std::string> loaded;  ///< parameters and buffers copied from the parent
    std::vector<std::string> fresh;   ///< this model's tensors the parent does not have
    std::vector<std::string> skipped; ///< "name: reason" for the parent's tensors not used
    /// The loaded parameters (not buffers): what TrainConfig::freezeEpochs freezes.
    std::vector<std::string> loadedParameters;
};

/// The weights of a stored run, to start another run from ("fine-tune from run",
/// TrainConfig::initFromRun). Tensors are matched by name and shape: an encoder pre-trained
/// with a token head gives a classifier its encoder, and a classifier trained on other classes
/// gives everything but its output layer.
class WarmStart
{
public:
    /// Reads `checkpoint` of run `parentRun`, trained with `parentConfig` (its sha256 checked).
    /// mf::ConfigError when the parent trained another model type than `child` names (its
    /// tensors would mean something else); mf::DataError naming the file when the checkpoint is
    /// unreadable or changed. TrainingSession finds the run and its checkpoint.
    static WarmStart fromCheckpoint(std::int64_t parentRun, const TrainConfig &parentConfig,
                                    const Artifact &checkpoint, const TrainConfig &child);

    std::int64_t parentRun() const { return m_parentRun; }
    const TrainConfig &parentConfig() const { return m_parentConfig; }

    /// Copies each matching tensor into `model` (on the model's device). mf::ConfigError,
    /// leaving `model` untouched, when no parameter matches: nothing would be fine-tuned.
    WarmStartReport apply(torch::nn::Module &model) const;

private:
    std::int64_t m_parentRun = 0;
    TrainConfig m_parentConfig;
    std::vector<std::pair<std::string, torch::Tensor>> m_tensors; ///< parameters, then buffers
    std::vector<std::string> m_parameterNames;
};

} // namespace mf
