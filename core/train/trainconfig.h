#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mf {

struct OptimizerConfig
{
    std::string name = "adam"; ///< sgd, momentum, nesterov, adagrad, adam, adamw, rmsprop
    double learningRate = 1e-3;
    /// sgd with momentum / nesterov, rmsprop; unset: the optimiser's own default
    std::optional<double> momentum;
    double beta1 = 0.9;       ///< adam, adamw
    double beta2 = 0.999;     ///< adam, adamw
    double epsilon = 1e-8;    ///< adam, adamw, adagrad, rmsprop
    double alpha = 0.99;      ///< rmsprop smoothing
    double weightDecay = 0.0; ///< the optimiser's own decay (decoupled for adamw)

    /// `momentum`, or the default of `name` when it is unset: 0.9 for momentum and nesterov,
    /// 0 for rmsprop (PyTorch's default, which RMSprop's published rule assumes).
    double effectiveMomentum() const;
};

struct ScheduleConfig
{
    std::string name = "constant"; ///< constant, step, cosine, warmup, onecycle
    std::int64_t stepEpochs = 1;   ///< step: decay every N epochs
    double gamma = 0.1;            ///< step: multiplier
    std::int64_t warmupSteps = 0;  ///< warmup (and a linear ramp before any schedule)
    double minLearningRate = 0.0;  ///< cosine floor
    double maxLearningRate = 0.0;  ///< onecycle peak; 0 means 10x the base rate
    double pctStart = 0.3;         ///< onecycle: fraction of steps spent rising
};

/// How a text dataset becomes token ids (used only when `TrainConfig::dataset` is a text
/// dataset, core/text/textdataset.h). The vocabulary is built from the training split alone and
/// stored with the run; evaluation and resume load that copy instead of rebuilding it.
struct TextConfig
{
    std::int64_t maxVocab = 20000;     ///< entries in all, <pad> and <unk> included
    std::int64_t minFrequency = 1;     ///< a token seen fewer times becomes <unk>
    std::int64_t sequenceLength = 128; ///< tokens per document: longer ones are truncated
    std::string tokenizer = "words";   ///< words (CJK per character) or icu_words
    bool lowerCase = true;
    bool nfkc = false;
    bool punctuation = false; ///< punctuation and symbols as tokens (TokenizerOptions)
    /// A word-vector file (GloVe / word2vec text format, core/models/text/wordvectors.h) whose
    /// vectors initialise the embedding rows of the vocabulary's words; empty: none. The run
    /// records how many words had a vector and how many did not.
    std::string wordVectors;
};

/// Everything that defines a training run; round-trips through JSON with every field named.
struct TrainConfig
{
    std::string dataset;                      ///< path to a file or directory
    nlohmann::json model = {{"type", "cnn"}}; ///< see core/models/modelspec.h
    std::string loss = "cross_entropy";       ///< cross_entropy, mse, bce
    OptimizerConfig optimizer;
    ScheduleConfig schedule;
    double l1 = 0.0;           ///< L1 penalty added to the loss
    double l2 = 0.0;           ///< L2 penalty added to the loss (0.5 * l2 * sum w^2)
    double clipGradNorm = 0.0; ///< 0 disables clipping
    int epochs = 10;
    int batchSize = 64;
    double validationFraction = 0.1;
    int earlyStoppingPatience = 0;                    ///< epochs without improvement; 0 disables
    std::string earlyStoppingMetric = "val_accuracy"; ///< val_accuracy or val_loss
    std::uint64_t seed = 42;
    int threads = 0;            ///< 0: all cores
    std::string device = "cpu"; ///< cpu, cuda, cuda:N
    /// Automatic mixed precision of the forward pass and loss (core/train/autocastscope.h):
    /// "off", "bf16" (CUDA, or the CPU's bf16 autocast) or "fp16" (CUDA only, with gradient
    /// scaling, core/train/gradscaler.h).
    std::string amp = "off";
    /// On CUDA, let cuDNN time its convolution algorithms for each new input shape and keep the
    /// fastest (torch.backends.cudnn.benchmark): faster steps for fixed shapes, at the price of
    /// run-to-run bit-exactness and a slower first step. No effect on the CPU.
    bool cudnnBenchmark = false;
    /// In a data-parallel job, batch norm's training statistics span every rank's batch
    /// (PyTorch's SyncBatchNorm): one more all-reduce per batch-norm layer forward and backward,
    /// and a step that equals one process's on the job's whole batch. Off: each rank normalises
    /// by its own batch, as DDP does by default. No effect on one process.
    bool syncBatchNorm = false;
    bool normalize = true; ///< per-channel mean/std from the training split
    /// Path to an augmentation pipeline saved as JSON (core/augment/pipelinefile.h), applied to
    /// every training batch on the training device, never to validation or test inputs; empty:
    /// none. A run stores the pipeline itself in its params ("augmentation_pipeline") and a
    /// resumed run uses that copy, whatever became of the file since.
    ///
    /// Draws are those of the Augment page's preview for (seed, epoch, sample index): the run
    /// seed, the epoch counted from 1, and the sample's index in the training part of the
    /// dataset as loaded, before the validation split.
    ///
    /// Normalisation happens once. When the pipeline has an enabled normalize step, training
    /// batches leave the pipeline normalised and the trainer adds nothing, while validation and
    /// test inputs are normalised with that step's mean and std (several steps compose), whatever
    /// `normalize` says. Otherwise the trainer normalises the augmented batches as it does
    /// unaugmented ones: with the training split's statistics when `normalize` is set.
    std::string augmentation;
    TextConfig text;
    /// What the run learns: "classify" (the labels), or self-supervised pre-training of a text
    /// encoder on the dataset's text alone, labels unused (core/train/pretraining.h):
    /// "masked_tokens" (BERT's masked-token prediction; bidirectional recurrent or transformer
    /// encoders) or "next_token" (a unidirectional recurrent encoder predicts each next token).
    std::string objective = "classify";
    /// Fine-tune from run: the model starts from this run's best checkpoint (its newest when the
    /// best was pruned), parameters matched by name and shape (core/train/warmstart.h); a text
    /// run reuses that run's vocabulary, so token ids mean the same words. 0: a fresh model.
    std::int64_t initFromRun = 0;
    /// With initFromRun: the parameters loaded from that run stay frozen for this many epochs
    /// (only the new ones, such as a classification head, train), then all train.
    int freezeEpochs = 0;

    bool pretraining() const { return objective != "classify"; }

    /// Human-readable problems ("epochs must be at least 1"); empty when the config is usable.
    std::vector<std::string> validate() const;
    /// Throws mf::ConfigError "Invalid training configuration: <problem>; <problem>" listing
    /// every problem validate() finds; returns when there is none.
    void requireValid() const;
};

void to_json(nlohmann::json &j, const OptimizerConfig &c);
void from_json(const nlohmann::json &j, OptimizerConfig &c);
void to_json(nlohmann::json &j, const ScheduleConfig &c);
void from_json(const nlohmann::json &j, ScheduleConfig &c);
void to_json(nlohmann::json &j, const TextConfig &c);
void from_json(const nlohmann::json &j, TextConfig &c);
void to_json(nlohmann::json &j, const TrainConfig &c);
/// Missing keys keep their defaults; unknown keys or wrong types throw mf::ConfigError.
void from_json(const nlohmann::json &j, TrainConfig &c);

/// Reads and checks the pipeline file `config.augmentation` names; returns its JSON with every
/// parameter written out, or null JSON when the config names none. Throws mf::ConfigError
/// "augmentation: <file>: <key>: <reason>" (e.g. "augmentation: /p/flip.json:
/// operations[1].probability: must be ..."). Separate from validate(), which reads no files: a
/// resumed run uses the copy stored with the run.
nlohmann::json readAugmentation(const TrainConfig &config);

} // namespace mf
