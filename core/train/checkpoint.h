#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/data/datasetstats.h"
#include "core/train/trainconfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// Where training stands, after an epoch or, for a checkpoint written when a run was stopped,
/// inside one: what a resumed run needs besides the weights.
struct TrainingState
{
    int epoch = 0;                ///< epochs completed
    std::int64_t globalStep = 0;  ///< optimiser steps taken
    double bestMetric = 0.0;      ///< best value of the config's earlyStoppingMetric
    int bestEpoch = 0;            ///< epoch that reached bestMetric; 0 before the first
    double bestValAccuracy = 0.0; ///< highest validation accuracy so far
    int epochsWithoutImprovement = 0;

    /// Batches of epoch `epoch + 1` trained already; 0 at an epoch boundary. A run resumed from
    /// a state with batchInEpoch > 0 continues that epoch with batch batchInEpoch + 1 of the
    /// same shuffled order. The fields below describe those batches, so that the epoch's
    /// figures come out as they would have without the stop.
    std::int64_t batchInEpoch = 0;
    double epochLossSum = 0.0;     ///< sum over those batches of loss * batch size
    std::int64_t epochSamples = 0; ///< samples in them
    std::int64_t epochCorrect = 0; ///< of which predicted right (pre-training: tokens)
    /// Pre-training runs: the tokens predicted in those batches (epochCorrect counts the right
    /// ones among them); 0 otherwise.
    std::int64_t epochTokens = 0;
    double epochTrainSeconds = 0.0; ///< training time they took

    bool insideEpoch() const { return batchInEpoch > 0; }
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
    /// The state of the run's dropout generator (uint8, CPU) where the state is insideEpoch();
    /// undefined at an epoch boundary, where the generator is reseeded from (seed, epoch).
    torch::Tensor dropoutGeneratorState;
};

/// A training checkpoint: one torch archive (model parameters and buffers, optimiser state,
/// header), written atomically so a reader sees the old file or the complete new one, never a
/// half-written one.
class Checkpoint
{
public:
    /// Written by this build. Version 2 added the position inside an epoch (TrainingState's
    /// batchInEpoch and the fields after it, and the dropout generator's state); version 1
    /// files, all at epoch boundaries, are still read.
    static constexpr int kFormatVersion = 2;
    static constexpr int kOldestReadableVersion = 1;

    /// "epoch-0003.pt": the file name the Trainer gives the checkpoint of `epoch`.
    static std::string fileName(int epoch);
    /// The epoch of a fileName() name, 0 for any other name (temporary files included).
    static int epochOfFileName(const std::string &name);
    /// "epoch-0003-step-00000250.pt": the checkpoint the Trainer writes when a run is stopped
    /// inside epoch `epoch` (in progress, counted from 1) after `globalStep` steps.
    static std::string stopFileName(int epoch, std::int64_t globalStep);
    /// The global step of a stopFileName() name, 0 for any other name.
    static std::int64_t stepOfStopFileName(const std::string &name);

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
