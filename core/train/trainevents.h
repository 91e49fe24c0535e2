#pragma once

#include "core/kernels/kerneldecision.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mf {

/// Plain values the Trainer reports; safe to copy across threads.
struct StepMetrics
{
    std::int64_t step = 0;         ///< global optimiser step, from 1
    int epoch = 0;                 ///< from 1
    std::int64_t batchInEpoch = 0; ///< from 1
    std::int64_t batchesPerEpoch = 0;
    double loss = 0.0; ///< training loss of this batch (penalties included)
    double learningRate = 0.0;
    double samplesPerSecond = 0.0; ///< over the current epoch so far
    double wallSeconds = 0.0;      ///< since the run (or resumed run) started
};

struct EpochMetrics
{
    int epoch = 0;
    std::int64_t step = 0;
    double trainLoss = 0.0;
    double trainAccuracy = 0.0;
    double valLoss = 0.0;
    double valAccuracy = 0.0;
    double learningRate = 0.0;
    double samplesPerSecond = 0.0; ///< training samples over this epoch's training time
    double epochSeconds = 0.0;
    double wallSeconds = 0.0;
};

/// A wrong prediction of an evaluation.
struct Misclassification
{
    std::int64_t index = 0; ///< the sample's position in the evaluated dataset
    std::int64_t trueLabel = 0;
    std::int64_t predicted = 0;
    double confidence = 0.0; ///< softmax probability of the predicted class
};

/// Classification quality on one dataset.
struct EvalReport
{
    /// The most confident mistakes an evaluation keeps.
    static constexpr std::size_t kMaxMistakes = 500;

    double loss = 0.0;
    double accuracy = 0.0;
    std::int64_t samples = 0;
    std::vector<double> precision; ///< per class
    std::vector<double> recall;
    std::vector<double> f1;
    std::vector<std::vector<std::int64_t>> confusion; ///< [true][predicted]
    std::vector<std::string> classNames;              ///< of the evaluated dataset
    /// Up to kMaxMistakes wrong predictions, most confident first (ties: lower index first).
    std::vector<Misclassification> mistakes;
    /// A pre-training run's evaluation (TrainConfig::objective, "masked_tokens" or
    /// "next_token"): loss and accuracy are per predicted token and there are no per-class
    /// figures. Empty for a classifier.
    std::string tokenObjective;
};

enum class TrainOutcome
{
    Finished,
    EarlyStopped,
    Stopped,
    Failed
};

/// Where a run's training steps spent their time, summed over the steps it took. On a GPU the
/// phases measure what the host waited for, not what the device computed.
struct StepPhaseTimes
{
    std::int64_t steps = 0;
    double data = 0.0;      ///< seconds assembling batches (index, augment, normalise)
    double forward = 0.0;   ///< model and loss
    double backward = 0.0;  ///< gradients
    double optimizer = 0.0; ///< clipping, learning rate and the optimiser's step
    double recording = 0.0; ///< reading the loss, counting hits, observers (curves, store)

    double total() const { return data + forward + backward + optimizer + recording; }
};

/// One kernel decision of a run: for the layout of the whole model ("layout") or for one layer
/// ("conv1", "pool2"), on the shape it runs on.
struct KernelOpChoice
{
    std::string op;
    std::string shape;       ///< the input it was measured on: "64x32x14x14 nhwc"
    KernelDecision decision; ///< chosen, with each candidate's forward+backward time
};

/// The kernels a run trains with and how they were chosen (core/kernels/kernelplanner.h).
struct KernelChoice
{
    /// "nhwc, conv1 im2col_gemm, pool1 aten, conv2 aten, pool2 aten"
    std::string plan;
    std::vector<KernelOpChoice> ops; ///< only where there was more than one way to run
    std::string processor;           ///< processorModel()
    std::string capability;          ///< ATen's vector code: "AVX2"
    int threads = 0;
    double measureSeconds = 0.0; ///< spent measuring in this run; 0 when the cache answered all
    std::string note;            ///< a problem with the cache file, as a sentence; usually empty
};

struct TrainResult
{
    TrainOutcome outcome = TrainOutcome::Finished;
    std::string failureReason;
    int epochsCompleted = 0;
    std::int64_t steps = 0;
    EpochMetrics last;
    double bestValAccuracy = 0.0;
    int bestEpoch = 0;
    double samplesPerSecond = 0.0; ///< training samples over training time, whole run
    std::string lastCheckpoint;    ///< path of the newest good checkpoint, if any
    /// The global step lastCheckpoint holds: `steps` after a stop that wrote (or needed no)
    /// stop checkpoint, so that a resumed run continues from exactly there.
    std::int64_t lastCheckpointStep = 0;
    StepPhaseTimes phases; ///< of the steps this run() took
    /// A pipeline-parallel run's stages: "layers 0-3 | 4-7 (balanced by measured time: ...)".
    std::string pipelineStages;
    KernelChoice kernels;
};

/// Receives progress from the Trainer, on the thread that runs Trainer::run().
class TrainerObserver
{
public:
    virtual ~TrainerObserver() = default;
    virtual void onStep(const StepMetrics &) {}
    virtual void onEpoch(const EpochMetrics &) {}
    /// A checkpoint for `epoch` is complete on disk at `path`. For the checkpoint a stop writes
    /// inside an epoch, `epoch` is the epoch in progress.
    virtual void onCheckpoint(const std::string & /*path*/, int /*epoch*/) {}
    /// Retention is about to delete the checkpoint of `epoch` at `path`.
    virtual void onCheckpointRemoved(const std::string & /*path*/, int /*epoch*/) {}
    /// The kernels were chosen, before the first step of run().
    virtual void onKernelsChosen(const KernelChoice &) {}
};

} // namespace mf
