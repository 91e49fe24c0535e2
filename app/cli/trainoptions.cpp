#include "app/cli/trainoptions.h"

#include "core/models/modelspec.h"
#include "core/util/atomicfile.h"
#include "core/util/error.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace mf::cli {

namespace {

const char *kConfigGroup = "Training";
const char *kModelGroup = "Model";
const char *kOptimizerGroup = "Optimiser and schedule";
const char *kTextGroup = "Text datasets";

} // namespace

// Each flag keeps its own value; `apply` copies it into the config only when the flag was given.
template <typename T, typename Apply>
void TrainOptions::flag(CLI::App &command, const std::string &names, const std::string &help,
                        Apply apply)
{
    auto value = std::make_shared<T>();
    CLI::Option *option = nullptr;
    if constexpr (std::is_same_v<T, bool>)
        option = command.add_flag(names, *value, help);
    else
        option = command.add_option(names, *value, help);
    if constexpr (std::is_same_v<T, std::vector<std::int64_t>>)
        option->delimiter(',');
    option->group(kConfigGroup);
    if constexpr (std::is_invocable_v<Apply, TrainConfig &, const T &>) {
        m_overrides.push_back([option, value, apply](TrainConfig &config) {
            if (option->count() > 0)
                apply(config, *value);
        });
    } else {
        option->group(kModelGroup);
        m_modelOverrides.push_back([option, value, apply](nlohmann::json &spec) {
            if (option->count() > 0)
                apply(spec, *value);
        });
    }
}

TrainOptions::TrainOptions(CLI::App &command)
{
    command.add_option("--config", m_configFile, "Read the run configuration from a JSON file")
        ->check(CLI::ExistingFile);
    command.add_option("--name", m_runName, "A name for the run (default: generated)");

    flag<std::string>(command, "--dataset", "Dataset file or directory",
                      [](TrainConfig &c, const std::string &v) { c.dataset = v; });
    command
        .add_option("--model", m_modelType,
                    "Model type: mlp, cnn or resnet; for text: rnn, gru, lstm, bag, textcnn or "
                    "transformer")
        ->check(CLI::IsMember(
            {"mlp", "cnn", "resnet", "rnn", "gru", "lstm", "bag", "textcnn", "transformer"}))
        ->group(kModelGroup);
    flag<std::vector<std::int64_t>>(
        command, "--hidden", "MLP hidden layer widths, e.g. 256,128",
        [](nlohmann::json &s, const std::vector<std::int64_t> &v) { s["hidden"] = v; });
    flag<std::vector<std::int64_t>>(
        command, "--conv", "CNN conv block channels, e.g. 32,64",
        [](nlohmann::json &s, const std::vector<std::int64_t> &v) { s["conv"] = v; });
    flag<std::vector<std::int64_t>>(
        command, "--fc", "Fully connected widths after the conv blocks, e.g. 128",
        [](nlohmann::json &s, const std::vector<std::int64_t> &v) { s["fc"] = v; });
    flag<std::vector<std::int64_t>>(
        command, "--channels", "ResNet stage channels, e.g. 16,32,64",
        [](nlohmann::json &s, const std::vector<std::int64_t> &v) { s["channels"] = v; });
    flag<std::int64_t>(command, "--blocks", "ResNet residual blocks per stage",
                       [](nlohmann::json &s, const std::int64_t &v) { s["blocks"] = v; });
    flag<std::int64_t>(command, "--kernel", "CNN kernel size",
                       [](nlohmann::json &s, const std::int64_t &v) { s["kernel"] = v; });
    flag<std::int64_t>(command, "--pool", "CNN max-pool size after each block (0: none)",
                       [](nlohmann::json &s, const std::int64_t &v) { s["pool"] = v; });
    flag<bool>(command, "--batch-norm", "CNN: batch normalisation in each conv block",
               [](nlohmann::json &s, const bool &v) { s["batch_norm"] = v; });
    flag<std::int64_t>(command, "--embedding-dim", "Text models: width of the token embedding",
                       [](nlohmann::json &s, const std::int64_t &v) { s["embedding_dim"] = v; });
    flag<std::int64_t>(command, "--hidden-size", "rnn, gru, lstm: hidden state width",
                       [](nlohmann::json &s, const std::int64_t &v) { s["hidden_size"] = v; });
    flag<std::int64_t>(command, "--layers", "rnn, gru, lstm, transformer: stacked layers",
                       [](nlohmann::json &s, const std::int64_t &v) { s["layers"] = v; });
    flag<bool>(command, "--bidirectional", "rnn, gru, lstm: read the text in both directions",
               [](nlohmann::json &s, const bool &v) { s["bidirectional"] = v; });
    flag<std::string>(command, "--pooling", "bag: mean or max",
                      [](nlohmann::json &s, const std::string &v) { s["pooling"] = v; });
    flag<std::vector<std::int64_t>>(
        command, "--kernel-sizes", "textcnn: kernel widths, e.g. 3,4,5",
        [](nlohmann::json &s, const std::vector<std::int64_t> &v) { s["kernel_sizes"] = v; });
    flag<std::int64_t>(command, "--filters", "textcnn: filters per kernel width",
                       [](nlohmann::json &s, const std::int64_t &v) { s["filters"] = v; });
    flag<std::int64_t>(command, "--heads", "transformer: attention heads",
                       [](nlohmann::json &s, const std::int64_t &v) { s["heads"] = v; });
    flag<std::int64_t>(command, "--ff-dim", "transformer: feed-forward width",
                       [](nlohmann::json &s, const std::int64_t &v) { s["ff_dim"] = v; });
    flag<std::int64_t>(command, "--max-length", "transformer: positions it has embeddings for",
                       [](nlohmann::json &s, const std::int64_t &v) { s["max_length"] = v; });
    flag<std::string>(command, "--activation", "relu, sigmoid, tanh or gelu",
                      [](nlohmann::json &s, const std::string &v) { s["activation"] = v; });
    flag<double>(command, "--dropout", "Dropout probability",
                 [](nlohmann::json &s, const double &v) { s["dropout"] = v; });
    flag<std::string>(command, "--init",
                      "Weight initialisation: default, uniform, gaussian, xavier, kaiming",
                      [](nlohmann::json &s, const std::string &v) { s["init"]["scheme"] = v; });
    flag<double>(command, "--init-gain",
                 "The 'a' of uniform U(-a/sqrt(n), a/sqrt(n)) and N(0, a^2/n)",
                 [](nlohmann::json &s, const double &v) { s["init"]["a"] = v; });

    flag<std::string>(command, "--loss", "cross_entropy, mse or bce",
                      [](TrainConfig &c, const std::string &v) { c.loss = v; });
    flag<std::string>(command, "--optimizer",
                      "sgd, momentum, nesterov, adagrad, adam, adamw or rmsprop",
                      [](TrainConfig &c, const std::string &v) { c.optimizer.name = v; });
    flag<double>(command, "--lr", "Learning rate",
                 [](TrainConfig &c, const double &v) { c.optimizer.learningRate = v; });
    flag<double>(command, "--momentum", "Momentum (SGD variants, RMSprop)",
                 [](TrainConfig &c, const double &v) { c.optimizer.momentum = v; });
    flag<double>(command, "--beta1", "Adam/AdamW beta1",
                 [](TrainConfig &c, const double &v) { c.optimizer.beta1 = v; });
    flag<double>(command, "--beta2", "Adam/AdamW beta2",
                 [](TrainConfig &c, const double &v) { c.optimizer.beta2 = v; });
    flag<double>(command, "--eps", "Optimiser epsilon",
                 [](TrainConfig &c, const double &v) { c.optimizer.epsilon = v; });
    flag<double>(command, "--alpha", "RMSprop smoothing constant",
                 [](TrainConfig &c, const double &v) { c.optimizer.alpha = v; });
    flag<double>(command, "--weight-decay", "Optimiser weight decay (decoupled for AdamW)",
                 [](TrainConfig &c, const double &v) { c.optimizer.weightDecay = v; });
    flag<std::string>(command, "--schedule", "constant, step, cosine, warmup or onecycle",
                      [](TrainConfig &c, const std::string &v) { c.schedule.name = v; });
    flag<std::int64_t>(command, "--step-epochs", "Step schedule: decay every N epochs",
                       [](TrainConfig &c, const std::int64_t &v) { c.schedule.stepEpochs = v; });
    flag<double>(command, "--gamma", "Step schedule: decay factor",
                 [](TrainConfig &c, const double &v) { c.schedule.gamma = v; });
    flag<std::int64_t>(command, "--warmup-steps", "Linear warm-up steps",
                       [](TrainConfig &c, const std::int64_t &v) { c.schedule.warmupSteps = v; });
    flag<double>(command, "--min-lr", "Cosine schedule floor",
                 [](TrainConfig &c, const double &v) { c.schedule.minLearningRate = v; });
    flag<double>(command, "--max-lr", "One-cycle peak (0: 10x --lr)",
                 [](TrainConfig &c, const double &v) { c.schedule.maxLearningRate = v; });
    flag<double>(command, "--pct-start", "One-cycle: fraction of steps spent rising",
                 [](TrainConfig &c, const double &v) { c.schedule.pctStart = v; });
    for (const char *name : {"--optimizer", "--lr", "--momentum", "--beta1", "--beta2", "--eps",
                             "--alpha", "--weight-decay", "--schedule", "--step-epochs", "--gamma",
                             "--warmup-steps", "--min-lr", "--max-lr", "--pct-start"})
        command.get_option(name)->group(kOptimizerGroup);

    flag<double>(command, "--l1", "L1 penalty weight",
                 [](TrainConfig &c, const double &v) { c.l1 = v; });
    flag<double>(command, "--l2", "L2 penalty weight",
                 [](TrainConfig &c, const double &v) { c.l2 = v; });
    flag<double>(command, "--clip-grad-norm", "Clip the gradient norm to this value (0: off)",
                 [](TrainConfig &c, const double &v) { c.clipGradNorm = v; });
    flag<int>(command, "--epochs", "Epochs to train",
              [](TrainConfig &c, const int &v) { c.epochs = v; });
    flag<int>(command, "--batch-size", "Samples per batch",
              [](TrainConfig &c, const int &v) { c.batchSize = v; });
    flag<double>(command, "--val-fraction", "Fraction of the training data held out",
                 [](TrainConfig &c, const double &v) { c.validationFraction = v; });
    flag<int>(command, "--early-stopping-patience", "Stop after N epochs without improvement",
              [](TrainConfig &c, const int &v) { c.earlyStoppingPatience = v; });
    flag<std::string>(command, "--early-stopping-metric", "val_accuracy or val_loss",
                      [](TrainConfig &c, const std::string &v) { c.earlyStoppingMetric = v; });
    flag<std::uint64_t>(command, "--seed", "Random seed",
                        [](TrainConfig &c, const std::uint64_t &v) { c.seed = v; });
    flag<int>(command, "--threads", "CPU threads (0: all cores)",
              [](TrainConfig &c, const int &v) { c.threads = v; });
    flag<std::string>(command, "--device", "cpu, cuda or cuda:N",
                      [](TrainConfig &c, const std::string &v) { c.device = v; });
    flag<std::string>(command, "--amp",
                      "Mixed precision: off, bf16 (CUDA or CPU autocast) or fp16 (CUDA, with "
                      "gradient scaling)",
                      [](TrainConfig &c, const std::string &v) { c.amp = v; });
    flag<bool>(command, "--cudnn-benchmark,!--no-cudnn-benchmark",
               "On CUDA, let cuDNN pick the fastest convolution algorithms by timing them "
               "(default off)",
               [](TrainConfig &c, const bool &v) { c.cudnnBenchmark = v; });
    flag<bool>(command, "--sync-batch-norm,!--no-sync-batch-norm",
               "Data-parallel: batch norm's statistics over every worker's batch, not each "
               "worker's own (default off)",
               [](TrainConfig &c, const bool &v) { c.syncBatchNorm = v; });
    flag<bool>(command, "--normalize,!--no-normalize",
               "Normalise inputs with the training split's mean/std (default on)",
               [](TrainConfig &c, const bool &v) { c.normalize = v; });
    flag<std::string>(command, "--augmentation",
                      "Augmentation pipeline JSON file (as the Augment page saves it), applied "
                      "to training batches",
                      [](TrainConfig &c, const std::string &v) { c.augmentation = v; });

    flag<std::int64_t>(command, "--max-vocab",
                       "Text: vocabulary entries at most, <pad> and <unk> included (0: no limit)",
                       [](TrainConfig &c, const std::int64_t &v) { c.text.maxVocab = v; });
    flag<std::int64_t>(command, "--min-frequency",
                       "Text: occurrences a word needs in the training split to get its own id",
                       [](TrainConfig &c, const std::int64_t &v) { c.text.minFrequency = v; });
    flag<std::int64_t>(command, "--sequence-length",
                       "Text: tokens per document; longer ones are truncated",
                       [](TrainConfig &c, const std::int64_t &v) { c.text.sequenceLength = v; });
    flag<std::string>(command, "--tokenizer",
                      "Text: words (CJK one token per character) or icu_words (ICU dictionary)",
                      [](TrainConfig &c, const std::string &v) { c.text.tokenizer = v; });
    flag<bool>(command, "--lower-case,!--no-lower-case", "Text: case-fold tokens (default on)",
               [](TrainConfig &c, const bool &v) { c.text.lowerCase = v; });
    flag<bool>(command, "--nfkc", "Text: NFKC-normalise before tokenising",
               [](TrainConfig &c, const bool &v) { c.text.nfkc = v; });
    flag<bool>(command, "--punctuation",
               "Text: each punctuation mark or symbol is a token too (default: they only "
               "separate words)",
               [](TrainConfig &c, const bool &v) { c.text.punctuation = v; });
    flag<std::string>(command, "--objective",
                      "Text: classify (default), or pre-train the encoder on the text alone, "
                      "labels unused: masked_tokens (transformer, bidirectional rnn/gru/lstm) or "
                      "next_token (unidirectional rnn/gru/lstm)",
                      [](TrainConfig &c, const std::string &v) { c.objective = v; });
    flag<std::string>(command, "--word-vectors",
                      "Text: initialise the embedding from a GloVe/word2vec text file (its "
                      "width must be the model's embedding_dim)",
                      [](TrainConfig &c, const std::string &v) { c.text.wordVectors = v; });
    for (const char *name :
         {"--max-vocab", "--min-frequency", "--sequence-length", "--tokenizer", "--lower-case",
          "--nfkc", "--punctuation", "--word-vectors", "--objective"})
        command.get_option(name)->group(kTextGroup);

    flag<std::int64_t>(command, "--init-from",
                       "Fine-tune from run: start from that run's best checkpoint, parameters "
                       "matched by name and shape (a text run reuses its vocabulary)",
                       [](TrainConfig &c, const std::int64_t &v) { c.initFromRun = v; });
    flag<int>(command, "--freeze-epochs",
              "With --init-from: epochs during which the loaded parameters stay frozen",
              [](TrainConfig &c, const int &v) { c.freezeEpochs = v; });
}

TrainConfig TrainOptions::resolve() const
{
    TrainConfig config;
    if (!m_configFile.empty()) {
        nlohmann::json document;
        try {
            document = nlohmann::json::parse(readWholeFile(m_configFile));
        } catch (const nlohmann::json::parse_error &error) {
            throw DataError(m_configFile, "byte " + std::to_string(error.byte), "not valid JSON");
        }
        try {
            config = document.get<TrainConfig>();
        } catch (const ConfigError &error) {
            throw DataError(m_configFile, "", error.what());
        }
    }
    if (!m_modelType.empty())
        config.model = defaultModelSpec(m_modelType);
    for (const auto &apply : m_overrides)
        apply(config);
    for (const auto &apply : m_modelOverrides)
        apply(config.model);
    return config;
}

} // namespace mf::cli
