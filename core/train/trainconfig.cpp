#include "core/train/trainconfig.h"

#include "core/augment/pipelinefile.h"
#include "core/models/modelspec.h"
#include "core/models/specreader.h"
#include "core/train/devicename.h"
#include "core/train/losses.h"
#include "core/train/lrschedule.h"
#include "core/train/optimizerfactory.h"
#include "core/util/error.h"

#include <limits>

namespace mf {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::int64_t kIntMin = std::numeric_limits<int>::min();
constexpr std::int64_t kIntMax = std::numeric_limits<int>::max();
constexpr std::int64_t kMaxSequenceLength = 1 << 20;

// Types only: ranges are validate()'s business, so a loaded config can be shown and fixed.
double anyNumber(const SpecReader &r, const char *key, double fallback)
{
    return r.number(key, fallback, -kInf, kInf);
}

int anyInt(const SpecReader &r, const char *key, int fallback)
{
    return static_cast<int>(r.integer(key, fallback, kIntMin, kIntMax));
}

void readOptimizer(const nlohmann::json &j, const std::string &prefix, OptimizerConfig &c)
{
    const SpecReader r(j, prefix);
    r.rejectUnknown({"name", "learning_rate", "momentum", "beta1", "beta2", "epsilon", "alpha",
                     "weight_decay"});
    c.name = r.text("name", c.name);
    c.learningRate = anyNumber(r, "learning_rate", c.learningRate);
    if (r.has("momentum"))
        c.momentum = anyNumber(r, "momentum", 0.0);
    c.beta1 = anyNumber(r, "beta1", c.beta1);
    c.beta2 = anyNumber(r, "beta2", c.beta2);
    c.epsilon = anyNumber(r, "epsilon", c.epsilon);
    c.alpha = anyNumber(r, "alpha", c.alpha);
    c.weightDecay = anyNumber(r, "weight_decay", c.weightDecay);
}

void readSchedule(const nlohmann::json &j, const std::string &prefix, ScheduleConfig &c)
{
    const SpecReader r(j, prefix);
    r.rejectUnknown({"name", "step_epochs", "gamma", "warmup_steps", "min_learning_rate",
                     "max_learning_rate", "pct_start"});
    c.name = r.text("name", c.name);
    c.stepEpochs = r.integer("step_epochs", c.stepEpochs, std::numeric_limits<std::int64_t>::min(),
                             std::numeric_limits<std::int64_t>::max());
    c.gamma = anyNumber(r, "gamma", c.gamma);
    c.warmupSteps =
        r.integer("warmup_steps", c.warmupSteps, std::numeric_limits<std::int64_t>::min(),
                  std::numeric_limits<std::int64_t>::max());
    c.minLearningRate = anyNumber(r, "min_learning_rate", c.minLearningRate);
    c.maxLearningRate = anyNumber(r, "max_learning_rate", c.maxLearningRate);
    c.pctStart = anyNumber(r, "pct_start", c.pctStart);
}

void readText(const nlohmann::json &j, const std::string &prefix, TextConfig &c)
{
    const SpecReader r(j, prefix);
    r.rejectUnknown({"max_vocab", "min_frequency", "sequence_length", "tokenizer", "lower_case",
                     "nfkc", "punctuation", "word_vectors"});
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    c.maxVocab = r.integer("max_vocab", c.maxVocab, kMin, kMax);
    c.minFrequency = r.integer("min_frequency", c.minFrequency, kMin, kMax);
    c.sequenceLength = r.integer("sequence_length", c.sequenceLength, kMin, kMax);
    c.tokenizer = r.text("tokenizer", c.tokenizer);
    c.lowerCase = r.boolean("lower_case", c.lowerCase);
    c.nfkc = r.boolean("nfkc", c.nfkc);
    c.punctuation = r.boolean("punctuation", c.punctuation);
    c.wordVectors = r.text("word_vectors", c.wordVectors);
}

void checkText(const TextConfig &t, std::vector<std::string> &problems)
{
    if (t.maxVocab != 0 && t.maxVocab < 2)
        problems.push_back("text.max_vocab must be at least 2 (<pad> and <unk>) or 0 for no limit");
    if (t.minFrequency < 1)
        problems.push_back("text.min_frequency must be at least 1");
    if (t.sequenceLength < 1 || t.sequenceLength > kMaxSequenceLength)
        problems.push_back("text.sequence_length must be between 1 and " +
                           std::to_string(kMaxSequenceLength));
    if (t.tokenizer != "words" && t.tokenizer != "icu_words")
        problems.push_back("text.tokenizer \"" + t.tokenizer +
                           "\" is unknown (use words or icu_words)");
}

void checkObjective(const TrainConfig &c, std::vector<std::string> &problems)
{
    if (c.initFromRun < 0)
        problems.push_back("init_from_run must be a run id (0: start from a fresh model)");
    if (c.freezeEpochs < 0)
        problems.push_back("freeze_epochs must not be negative");
    else if (c.freezeEpochs > 0 && c.initFromRun == 0)
        problems.push_back("freeze_epochs needs init_from_run: only parameters loaded from "
                           "another run are frozen");
    else if (c.freezeEpochs > c.epochs)
        problems.push_back("freeze_epochs must not exceed epochs");
    if (c.objective == "classify")
        return;
    if (c.objective != "masked_tokens" && c.objective != "next_token") {
        problems.push_back("objective \"" + c.objective +
                           "\" is unknown (use classify, masked_tokens or next_token)");
        return;
    }
    if (c.loss != "cross_entropy")
        problems.push_back("objective " + c.objective +
                           " predicts tokens with cross_entropy; loss must be cross_entropy");
    const std::string type =
        c.model.is_object() && c.model.contains("type") && c.model["type"].is_string()
            ? c.model["type"].get<std::string>()
            : std::string();
    const bool recurrent = type == "rnn" || type == "gru" || type == "lstm";
    const bool bidirectional = recurrent && c.model.contains("bidirectional") &&
                               c.model["bidirectional"].is_boolean() &&
                               c.model["bidirectional"].get<bool>();
    if (c.objective == "masked_tokens" && !(type == "transformer" || bidirectional))
        problems.push_back("objective masked_tokens pre-trains a transformer or a bidirectional "
                           "rnn, gru or lstm (each token sees both sides), not model type \"" +
                           type + "\"" + (recurrent ? " with bidirectional false" : ""));
    if (c.objective == "next_token" && !(recurrent && !bidirectional))
        problems.push_back("objective next_token pre-trains a unidirectional rnn, gru or lstm (a "
                           "token may only see the ones before it), not model type \"" +
                           type + "\"" + (bidirectional ? " with bidirectional true" : ""));
}

void checkOptimizer(const OptimizerConfig &o, std::vector<std::string> &problems)
{
    if (!isKnownOptimizer(o.name))
        problems.push_back("optimizer.name \"" + o.name +
                           "\" is unknown (use sgd, momentum, nesterov, adagrad, adam, adamw or "
                           "rmsprop)");
    if (!(o.learningRate > 0.0))
        problems.push_back("optimizer.learning_rate must be greater than 0");
    if (!(o.effectiveMomentum() >= 0.0))
        problems.push_back("optimizer.momentum must not be negative");
    else if (o.name == "nesterov" && o.effectiveMomentum() == 0.0)
        problems.push_back("optimizer.momentum must be greater than 0 for nesterov");
    if (!(o.beta1 >= 0.0 && o.beta1 < 1.0))
        problems.push_back("optimizer.beta1 must be at least 0 and below 1");
    if (!(o.beta2 >= 0.0 && o.beta2 < 1.0))
        problems.push_back("optimizer.beta2 must be at least 0 and below 1");
    if (!(o.epsilon >= 0.0))
        problems.push_back("optimizer.epsilon must not be negative");
    if (!(o.alpha >= 0.0 && o.alpha <= 1.0))
        problems.push_back("optimizer.alpha must be between 0 and 1");
    if (!(o.weightDecay >= 0.0))
        problems.push_back("optimizer.weight_decay must not be negative");
}

void checkSchedule(const ScheduleConfig &s, double baseRate, std::vector<std::string> &problems)
{
    if (!isKnownSchedule(s.name))
        problems.push_back("schedule.name \"" + s.name +
                           "\" is unknown (use constant, step, cosine, warmup or onecycle)");
    if (s.stepEpochs < 1)
        problems.push_back("schedule.step_epochs must be at least 1");
    if (!(s.gamma > 0.0))
        problems.push_back("schedule.gamma must be greater than 0");
    if (s.warmupSteps < 0)
        problems.push_back("schedule.warmup_steps must not be negative");
    if (!(s.minLearningRate >= 0.0))
        problems.push_back("schedule.min_learning_rate must not be negative");
    else if (s.name == "cosine" && s.minLearningRate > baseRate)
        problems.push_back("schedule.min_learning_rate must not exceed optimizer.learning_rate");
    if (!(s.maxLearningRate >= 0.0))
        problems.push_back("schedule.max_learning_rate must not be negative (0 means 10 times "
                           "the learning rate)");
    if (!(s.pctStart > 0.0 && s.pctStart < 1.0))
        problems.push_back("schedule.pct_start must be between 0 and 1 (exclusive)");
}

} // namespace

double OptimizerConfig::effectiveMomentum() const
{
    if (momentum)
        return *momentum;
    return name == "rmsprop" ? 0.0 : 0.9;
}

void to_json(nlohmann::json &j, const OptimizerConfig &c)
{
    j = nlohmann::json{{"name", c.name},
                       {"learning_rate", c.learningRate},
                       {"momentum", c.effectiveMomentum()},
                       {"beta1", c.beta1},
                       {"beta2", c.beta2},
                       {"epsilon", c.epsilon},
                       {"alpha", c.alpha},
                       {"weight_decay", c.weightDecay}};
}

void from_json(const nlohmann::json &j, OptimizerConfig &c)
{
    readOptimizer(j, "", c);
}

void to_json(nlohmann::json &j, const ScheduleConfig &c)
{
    j = nlohmann::json{{"name", c.name},
                       {"step_epochs", c.stepEpochs},
                       {"gamma", c.gamma},
                       {"warmup_steps", c.warmupSteps},
                       {"min_learning_rate", c.minLearningRate},
                       {"max_learning_rate", c.maxLearningRate},
                       {"pct_start", c.pctStart}};
}

void from_json(const nlohmann::json &j, ScheduleConfig &c)
{
    readSchedule(j, "", c);
}

void to_json(nlohmann::json &j, const TextConfig &c)
{
    j = nlohmann::json{{"max_vocab", c.maxVocab},
                       {"min_frequency", c.minFrequency},
                       {"sequence_length", c.sequenceLength},
                       {"tokenizer", c.tokenizer},
                       {"lower_case", c.lowerCase},
                       {"nfkc", c.nfkc},
                       {"punctuation", c.punctuation},
                       {"word_vectors", c.wordVectors}};
}

void from_json(const nlohmann::json &j, TextConfig &c)
{
    readText(j, "", c);
}

void to_json(nlohmann::json &j, const TrainConfig &c)
{
    j = nlohmann::json{{"dataset", c.dataset},
                       {"model", c.model},
                       {"loss", c.loss},
                       {"optimizer", c.optimizer},
                       {"schedule", c.schedule},
                       {"l1", c.l1},
                       {"l2", c.l2},
                       {"clip_grad_norm", c.clipGradNorm},
                       {"epochs", c.epochs},
                       {"batch_size", c.batchSize},
                       {"validation_fraction", c.validationFraction},
                       {"early_stopping_patience", c.earlyStoppingPatience},
                       {"early_stopping_metric", c.earlyStoppingMetric},
                       {"seed", c.seed},
                       {"threads", c.threads},
                       {"device", c.device},
                       {"amp", c.amp},
                       {"cudnn_benchmark", c.cudnnBenchmark},
                       {"sync_batch_norm", c.syncBatchNorm},
                       {"normalize", c.normalize},
                       {"augmentation", c.augmentation},
                       {"text", c.text},
                       {"objective", c.objective},
                       {"init_from_run", c.initFromRun},
                       {"freeze_epochs", c.freezeEpochs}};
}

void from_json(const nlohmann::json &j, TrainConfig &c)
{
    const SpecReader r(j, "");
    r.rejectUnknown({"dataset",
                     "model",
                     "loss",
                     "optimizer",
                     "schedule",
                     "l1",
                     "l2",
                     "clip_grad_norm",
                     "epochs",
                     "batch_size",
                     "validation_fraction",
                     "early_stopping_patience",
                     "early_stopping_metric",
                     "seed",
                     "threads",
                     "device",
                     "amp",
                     "cudnn_benchmark",
                     "sync_batch_norm",
                     "normalize",
                     "augmentation",
                     "text",
                     "objective",
                     "init_from_run",
                     "freeze_epochs"});
    c.dataset = r.text("dataset", c.dataset);
    if (r.has("model")) {
        if (!r.value("model").is_object())
            r.fail("model", "must be a JSON object");
        c.model = r.value("model");
    }
    c.loss = r.text("loss", c.loss);
    if (r.has("optimizer"))
        readOptimizer(r.value("optimizer"), "optimizer.", c.optimizer);
    if (r.has("schedule"))
        readSchedule(r.value("schedule"), "schedule.", c.schedule);
    c.l1 = anyNumber(r, "l1", c.l1);
    c.l2 = anyNumber(r, "l2", c.l2);
    c.clipGradNorm = anyNumber(r, "clip_grad_norm", c.clipGradNorm);
    c.epochs = anyInt(r, "epochs", c.epochs);
    c.batchSize = anyInt(r, "batch_size", c.batchSize);
    c.validationFraction = anyNumber(r, "validation_fraction", c.validationFraction);
    c.earlyStoppingPatience = anyInt(r, "early_stopping_patience", c.earlyStoppingPatience);
    c.earlyStoppingMetric = r.text("early_stopping_metric", c.earlyStoppingMetric);
    c.seed = r.unsignedInteger("seed", c.seed);
    c.threads = anyInt(r, "threads", c.threads);
    c.device = r.text("device", c.device);
    c.amp = r.text("amp", c.amp);
    c.cudnnBenchmark = r.boolean("cudnn_benchmark", c.cudnnBenchmark);
    c.syncBatchNorm = r.boolean("sync_batch_norm", c.syncBatchNorm);
    c.normalize = r.boolean("normalize", c.normalize);
    c.augmentation = r.text("augmentation", c.augmentation);
    if (r.has("text"))
        readText(r.value("text"), "text.", c.text);
    c.objective = r.text("objective", c.objective);
    c.initFromRun =
        r.integer("init_from_run", c.initFromRun, 0, std::numeric_limits<std::int64_t>::max());
    c.freezeEpochs = anyInt(r, "freeze_epochs", c.freezeEpochs);
}

nlohmann::json readAugmentation(const TrainConfig &config)
{
    if (config.augmentation.empty())
        return nullptr;
    try {
        return loadAugmentPipeline(config.augmentation).toJson();
    } catch (const ConfigError &error) {
        throw ConfigError(std::string("augmentation: ") + error.what());
    }
}

std::vector<std::string> TrainConfig::validate() const
{
    std::vector<std::string> problems;
    if (dataset.empty())
        problems.push_back("dataset must name a file or directory");
    try {
        nlohmann::json spec = model;
        // A text model's vocab_size comes from the run's vocabulary when the run starts.
        if (spec.is_object() && spec.contains("type") && spec["type"].is_string() &&
            isTextModelType(spec["type"].get<std::string>()) && !spec.contains("vocab_size"))
            spec["vocab_size"] = 2;
        validateModelSpec(spec);
    } catch (const ConfigError &error) {
        problems.push_back(error.what());
    }
    if (!isKnownLoss(loss))
        problems.push_back("loss \"" + loss + "\" is unknown (use cross_entropy, mse or bce)");
    checkOptimizer(optimizer, problems);
    checkSchedule(schedule, optimizer.learningRate, problems);
    if (!(l1 >= 0.0))
        problems.push_back("l1 must not be negative");
    if (!(l2 >= 0.0))
        problems.push_back("l2 must not be negative");
    if (!(clipGradNorm >= 0.0))
        problems.push_back("clip_grad_norm must not be negative (0 disables clipping)");
    if (epochs < 1)
        problems.push_back("epochs must be at least 1");
    if (batchSize < 1)
        problems.push_back("batch_size must be at least 1");
    // Without a validation split there is no best epoch, no early stopping and nothing to
    // store as validation accuracy, so 0 is refused rather than half supported.
    if (!(validationFraction > 0.0 && validationFraction < 1.0))
        problems.push_back("validation_fraction must be above 0 and below 1 (the best epoch and "
                           "early stopping are judged on the validation split)");
    if (earlyStoppingPatience < 0)
        problems.push_back("early_stopping_patience must not be negative (0 disables it)");
    if (earlyStoppingMetric != "val_accuracy" && earlyStoppingMetric != "val_loss")
        problems.push_back("early_stopping_metric \"" + earlyStoppingMetric +
                           "\" is unknown (use val_accuracy or val_loss)");
    if (threads < 0)
        problems.push_back("threads must not be negative (0 uses all cores)");
    checkText(text, problems);
    checkObjective(*this, problems);
    if (!parseDeviceName(device))
        problems.push_back("device \"" + device + "\" is unknown (use cpu, cuda or cuda:N)");
    if (amp != "off" && amp != "bf16" && amp != "fp16")
        problems.push_back("amp \"" + amp + "\" is unknown (use off, bf16 or fp16)");
    else if (amp == "fp16" && device.rfind("cuda", 0) != 0)
        problems.push_back("amp fp16 needs a CUDA device (its gradient scaling guards float16's "
                           "range); on the CPU use bf16");
    return problems;
}

void TrainConfig::requireValid() const
{
    const std::vector<std::string> problems = validate();
    if (problems.empty())
        return;
    std::string text = "Invalid training configuration:";
    for (std::size_t i = 0; i < problems.size(); ++i)
        text += (i == 0 ? " " : "; ") + problems[i];
    throw ConfigError(text);
}

} // namespace mf
