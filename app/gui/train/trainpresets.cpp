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
    return presets;
}

} // namespace mf
