#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/compress/channelpruning.h"
#include "core/compress/pruningmasks.h"
#include "core/compress/quantizationplanner.h"
#include "core/data/dataset.h"
#include "core/data/datasetstats.h"
#include "core/train/trainevents.h"
#include "core/train/trainingsession.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace mf {

/// What to make of a trained run; each technique set makes one variant.
struct CompressionRequest
{
    std::int64_t sourceRun = 0;

    std::optional<QuantMode> quantize;
    int calibrationBatches = 8; ///< training batches of 64 for static calibration
    ObserverKind observer = ObserverKind::MinMax;
    double accuracyBudget = 0.5; ///< points one int8 layer alone may cost

    std::optional<double> pruneSparsity; ///< unstructured, reached gradually
    PruningScope pruneScope = PruningScope::Global;
    std::optional<double> pruneChannels; ///< structured: the fraction of channels removed
    ChannelNorm channelNorm = ChannelNorm::L1;

    /// A model spec; an empty object: suggestStudent() of the source's spec.
    std::optional<nlohmann::json> distillStudent;
    double temperature = 2.0;
    double alpha = 0.5;
    /// Also train the student on the labels alone (same spec, seed, data order and epochs): the
    /// control that shows what the teacher added, a variant of its own ("student alone").
    bool distillControl = false;

    /// Epochs of fine-tuning after pruning, and of the student's training.
    int epochs = 2;
};

/// One compressed model, kept as a run of its own whose kParentRunParam is the source.
struct CompressionVariant
{
    std::string technique; ///< "int8 static", "channels 0.5", "sparsity 0.8", "distilled"
    std::int64_t runId = 0;
    /// The model file a deployment ships: the weights alone ("model" artifact of the run), or
    /// the int8 model ("int8-model"); empty for a variant that was stopped.
    std::string file;
    EvalReport test; ///< on the test part of the dataset (its validation split without one)
    std::vector<torch::Tensor> tensors;     ///< what the model keeps (parameters, int8 weights)
    std::vector<QuantLayerDecision> layers; ///< int8: each layer's precision and why
    std::string engine;                     ///< int8: the engine measured fastest
    std::vector<std::string> notes;
    /// The model for inference (eval mode): what the report measures.
    std::function<torch::Tensor(const torch::Tensor &)> forward;
};

struct CompressionResult
{
    std::int64_t sourceRun = 0;
    /// The source model's weights alone, in a temporary file removed with the last copy of
    /// this pointer: a checkpoint also holds the optimiser's state, which no deployment ships.
    std::shared_ptr<const std::string> sourceFile;
    EvalReport sourceTest;
    std::vector<torch::Tensor> sourceTensors;
    std::function<torch::Tensor(const torch::Tensor &)> sourceForward;
    std::vector<std::int64_t> sampleShape;
    /// What the variants were evaluated on (the test part, or the validation split without
    /// one), with the source run's normalisation: what a report measures them on again.
    Dataset evaluated;
    ChannelStats normalization;
    std::vector<CompressionVariant> variants;
};

/// Makes the variants `request` asks for from a finished run, one after the other: the
/// training ones (pruning with fine-tuning, distillation) through TrainingSession, so that
/// their curves reach the observers and they are stored like any run; the int8 one as a run
/// holding the int8 model file. Every variant run records kParentRunParam and
/// kCompressionParam. A stop ends the variant in training (its run STOPPED) and makes no more.
///
/// Bad input is a ConfigError before anything is written: an unknown or unfinished run, a run
/// without a checkpoint, a sparsity or fraction out of range, a model with nothing to
/// quantise, a student spec that does not fit the data.
class CompressionJob
{
public:
    CompressionJob(CompressionRequest request, SessionOptions options);
    /// Observers of the training variants (not owned); called on the thread in run().
    void addObserver(TrainerObserver *observer);
    /// From any thread.
    void requestStop();
    CompressionResult run();

private:
    CompressionRequest m_request;
    SessionOptions m_options;
    std::vector<TrainerObserver *> m_observers;
    std::mutex m_mutex; ///< guards m_stop and m_session
    bool m_stop = false;
    TrainingSession *m_session = nullptr; ///< the variant in training, if any
};

} // namespace mf
