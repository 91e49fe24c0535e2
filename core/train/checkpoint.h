#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/data/datasetstats.h"
#include "core/train/trainconfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// Where training stands after an epoch: what a resumed run needs besides the weights.
struct TrainingState
{
    int epoch = 0;                ///< epochs completed
    std::int64_t globalStep = 0;  ///< optimiser steps taken
    double bestMetric = 0.0;      ///< best value of the config's earlyStoppingMetric
    int bestEpoch = 0;            ///< epoch that reached bestMetric; 0 before the first
    double bestValAccuracy = 0.0; ///< highest validation accuracy so far
    int epochsWithoutImprovement = 0;
};

/// Everything in a checkpoint except the tensors of the model and the optimiser.
struct CheckpointHeader
{
    int formatVersion = 0;
    TrainingState state;
    ChannelStats normalization; ///< empty when the run does not normalise
    std::string configJson;
    std::vector<std::int64_t> sampleShape;
    std::int64_t numClasses = 0;
};

/// A training checkpoint: one torch archive (model parameters and buffers, optimiser state,
/// header), written atomically so a reader sees the old file or the complete new one, never a
/// half-written one.
class Checkpoint
{
public:
    static constexpr int kFormatVersion = 1;

    /// "epoch-0003.pt": the file name the Trainer gives the checkpoint of `epoch`.
    static std::string fileName(int epoch);
    /// The epoch of a fileName() name, 0 for any other name (temporary files included).
    static int epochOfFileName(const std::string &name);

    /// Writes model, optimiser and header (formatVersion is set to kFormatVersion).
    /// Throws mf::Error when the file cannot be written.
    static void save(const std::string &path, const CheckpointHeader &header,
                     const torch::nn::Module &model, const torch::optim::Optimizer &optimizer);

    /// Reads and validates the header only. Throws mf::DataError naming the file and the
    /// reason for a missing, truncated, corrupt or unknown-version file.
    static CheckpointHeader readHeader(const std::string &path);

    /// Restores `model` and, when given, `optimizer` (tensors are placed on `device`) after
    /// checking that the checkpoint was made for the same model spec, optimiser and dataset
    /// shape as `config`, `sampleShape` and `numClasses`. Throws mf::DataError naming the file
    /// and the reason otherwise; `model` is left untouched unless every tensor matched.
    /// With `expectedSha256`, the bytes read are checked against it first (the file is read
    /// once for both), and a file that changed since it was recorded is a DataError.
    static CheckpointHeader load(const std::string &path, const TrainConfig &config,
                                 const std::vector<std::int64_t> &sampleShape,
                                 std::int64_t numClasses, torch::nn::Module &model,
                                 torch::optim::Optimizer *optimizer, torch::Device device,
                                 const std::string &expectedSha256 = {});
};

} // namespace mf
