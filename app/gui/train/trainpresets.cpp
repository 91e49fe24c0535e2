#include "app/gui/train/trainpresets.h"

#include "app/gui/samples/sampledatasets.h"
#include "core/models/modelspec.h"
#include "core/train/trainconfig.h"

#include <QCoreApplication>

namespace mf {

namespace {

QByteArray toJson(const TrainConfig &config)
{
    const nlohmann::json json = config;
    return QByteArray::fromStdString(json.dump(2));
}

/// A text model spec of `type` with `values` over its defaults; the run fills in vocab_size.
nlohmann::json textModel(const std::string &type, const nlohmann::json &values)
{
    nlohmann::json spec = defaultModelSpec(type);
    spec.erase("vocab_size");
    spec.update(values);
    return spec;
}

void appendTextPresets(QVector<TrainPreset> &presets)
{
    // The source's IMDB example: Embedding(10000, 32) -> SimpleRNN(32) -> Dense, RMSprop,
    // reviews cut to 500 words, 10 epochs of 128.
    TrainConfig recipe;
    recipe.model = textModel("rnn", {{"embedding_dim", 32}, {"hidden_size", 32}});
    recipe.text.maxVocab = 10000;
    recipe.text.sequenceLength = 500;
    recipe.optimizer.name = "rmsprop";
    recipe.optimizer.learningRate = 1e-3;
    recipe.epochs = 10;
    recipe.batchSize = 128;
    presets.append(
        {QStringLiteral("text-simplernn"),
         QCoreApplication::translate("mf::TrainPreset",
                                     "Source recipe: embedding 32 + SimpleRNN 32"),
         QCoreApplication::translate(
             "mf::TrainPreset", "The source's IMDB example: a 10,000-word vocabulary, reviews cut "
                                "to 500 tokens, RMSprop; for aclImdb-style folders of two classes "
                                "(train/neg, train/pos)."),
         toJson(recipe), DataKind::Text});

    TrainConfig gru;
    gru.model = textModel(
        "gru",
        {{"embedding_dim", 64}, {"hidden_size", 64}, {"bidirectional", true}, {"dropout", 0.3}});
    gru.text.sequenceLength = 200;
    gru.text.punctuation = true; // worth 7.5 points on fortunes (bench_text.py)
    gru.clipGradNorm = 1.0;
    gru.epochs = 5;
    presets.append(
        {QStringLiteral("text-bigru"),
         QCoreApplication::translate("mf::TrainPreset", "Bidirectional GRU"),
         QCoreApplication::translate(
             "mf::TrainPreset", "Reads each document both ways, 64 units each way, Adam 1e-3 with "
                                "clipped gradients, punctuation as tokens: a strong default for "
                                "multi-class text."),
         toJson(gru), DataKind::Text});

    TrainConfig cnn;
    cnn.model = textModel(
        "textcnn",
        {{"embedding_dim", 64}, {"kernel_sizes", {3, 4, 5}}, {"filters", 64}, {"dropout", 0.5}});
    cnn.text.sequenceLength = 200;
    cnn.text.punctuation = true;
    cnn.epochs = 5;
    presets.append(
        {QStringLiteral("text-cnn"), QCoreApplication::translate("mf::TrainPreset", "TextCNN"),
         QCoreApplication::translate(
             "mf::TrainPreset", "Kim's convolutional classifier: 64 filters each of widths 3, 4 "
                                "and 5, max over time, dropout 0.5, punctuation as tokens; fast "
                                "on multi-class text."),
         toJson(cnn), DataKind::Text});

    TrainConfig pretrain;
    pretrain.model = textModel("transformer", {{"embedding_dim", 64},
                                               {"layers", 2},
                                               {"heads", 4},
                                               {"ff_dim", 128},
                                               {"max_length", 128},
                                               {"dropout", 0.1}});
    pretrain.text.sequenceLength = 128;
    pretrain.objective = "masked_tokens";
    pretrain.optimizer.name = "adamw";
    pretrain.optimizer.learningRate = 5e-4;
    pretrain.epochs = 10;
    presets.append(
        {QStringLiteral("text-transformer-pretrain"),
         QCoreApplication::translate("mf::TrainPreset", "Pre-train Transformer (masked tokens)"),
         QCoreApplication::translate(
             "mf::TrainPreset",
             "Learns the dataset's text without its labels: 15% of the tokens "
             "are hidden and predicted. Then fine-tune it with the next preset."),
         toJson(pretrain), DataKind::Text});

    TrainConfig finetune = pretrain;
    finetune.objective = "classify";
    finetune.freezeEpochs = 1;
    finetune.optimizer.learningRate = 3e-4;
    finetune.epochs = 5;
    presets.append(
        {QStringLiteral("text-transformer-finetune"),
         QCoreApplication::translate("mf::TrainPreset", "Fine-tune the pre-trained encoder"),
         QCoreApplication::translate(
             "mf::TrainPreset", "Starts from the newest masked-token pre-training run and learns "
                                "the labels: the encoder stays frozen for the first epoch, while "
                                "the new classification layer trains."),
         toJson(finetune), DataKind::Text, true});
}

} // namespace

QVector<TrainPreset> trainPresets()
{
    QVector<TrainPreset> presets;

    TrainConfig cnn;
    cnn.dataset = fashionMnistPath().toStdString();
    cnn.model = defaultModelSpec("cnn");
    cnn.optimizer.name = "adam";
    cnn.optimizer.learningRate = 1e-3;
    cnn.epochs = 5;
    cnn.batchSize = 64;
    presets.append({QStringLiteral("fashion-mnist-cnn"),
                    QCoreApplication::translate("mf::TrainPreset", "Fashion-MNIST CNN (2 conv)"),
                    QCoreApplication::translate(
                        "mf::TrainPreset",
                        "Two 3x3 conv blocks with max pooling and a 128-unit dense layer, Adam "
                        "1e-3: above 90% test accuracy after two epochs."),
                    toJson(cnn)});

    TrainConfig mlp = cnn;
    mlp.model = defaultModelSpec("mlp");
    mlp.model["dropout"] = 0.2;
    mlp.epochs = 10;
    mlp.batchSize = 128;
    presets.append(
        {QStringLiteral("fashion-mnist-mlp"),
         QCoreApplication::translate("mf::TrainPreset", "Fashion-MNIST MLP (256-128)"),
         QCoreApplication::translate(
             "mf::TrainPreset", "Two hidden layers with dropout: a fast baseline around 88% test "
                                "accuracy."),
         toJson(mlp)});

    TrainConfig resnet;
    resnet.model = defaultModelSpec("resnet");
    resnet.optimizer.name = "momentum";
    resnet.optimizer.learningRate = 0.1;
    resnet.optimizer.weightDecay = 5e-4;
    resnet.schedule.name = "cosine";
    resnet.epochs = 30;
    resnet.batchSize = 128;
    presets.append({QStringLiteral("cifar10-resnet"),
                    QCoreApplication::translate("mf::TrainPreset", "CIFAR-10 ResNet (3 stages)"),
                    QCoreApplication::translate(
                        "mf::TrainPreset",
                        "A small residual network with SGD momentum and a cosine schedule; choose "
                        "the CIFAR-10 folder (cifar-10-batches-bin)."),
                    toJson(resnet)});

    TrainConfig table;
    table.model = {{"type", "mlp"},
                   {"hidden", {64, 32}},
                   {"activation", "relu"},
                   {"dropout", 0.0},
                   {"init", {{"scheme", "default"}, {"a", 1.0}}}};
    table.epochs = 50;
    table.batchSize = 32;
    table.validationFraction = 0.2;
    presets.append({QStringLiteral("table-mlp"),
                    QCoreApplication::translate("mf::TrainPreset", "Table MLP (CSV)"),
                    QCoreApplication::translate(
                        "mf::TrainPreset", "A small MLP for a CSV table with a \"label\" column."),
                    toJson(table)});
    appendTextPresets(presets);
    return presets;
}

const FineTuneSource *newestPretrainedEncoder(const FineTuneSources &sources)
{
    for (const FineTuneSource &source : sources)
        if (source.objective == QLatin1String("masked_tokens") &&
            source.modelType == QLatin1String("transformer"))
            return &source;
    return nullptr;
}

QByteArray withPretrainedEncoder(const QByteArray &configJson, const FineTuneSource &source)
{
    nlohmann::json config = nlohmann::json::parse(configJson.toStdString());
    const nlohmann::json model =
        nlohmann::json::parse(source.modelJson.toStdString(), nullptr, false);
    if (model.is_object()) {
        config["model"] = model;
        config["model"].erase("vocab_size"); // the parent's vocabulary sets it
    }
    const nlohmann::json text =
        nlohmann::json::parse(source.textJson.toStdString(), nullptr, false);
    if (text.is_object())
        config["text"] = text;
    config["init_from_run"] = source.runId;
    return QByteArray::fromStdString(config.dump(2));
}

QString presetUnavailableReason(const TrainPreset &preset, DataKind kind,
                                const FineTuneSources &sources)
{
    const bool namesItsData = !nlohmann::json::parse(preset.configJson.toStdString())
                                   .value("dataset", std::string())
                                   .empty();
    if (!namesItsData && kind != DataKind::Unknown && kind != preset.data)
        return preset.data == DataKind::Text
                   ? QCoreApplication::translate(
                         "mf::TrainPreset",
                         "Trains on text, but the chosen dataset holds images or a table. "
                         "Choose a text dataset first: a .csv with a \"text\" column, a "
                         ".tsv, a .jsonl or an aclImdb-style folder.")
                   : QCoreApplication::translate(
                         "mf::TrainPreset",
                         "Trains on images or tables, but the chosen dataset is text.");
    if (preset.fineTunesPretrained && !newestPretrainedEncoder(sources))
        return QCoreApplication::translate(
            "mf::TrainPreset",
            "Needs a finished run of \"Pre-train Transformer (masked tokens)\" in "
            "this workspace: train that preset first.");
    return QString();
}

} // namespace mf
