#include "samplestore.h"

#include <algorithm>
#include <cmath>
#include <locale>
#include <sstream>
#include <string>
#include <vector>

namespace mf::sample {

namespace {

constexpr std::int64_t minuteMs = 60 * 1000;

struct Spec
{
    const char *name;
    RunStatus status;
    const char *dataset;
    const char *model;
    std::int64_t startedMinutesAgo;
    std::int64_t ranMinutes; ///< until the end (finished) or the last heartbeat
    const char *failureReason;
    std::vector<double> valAccuracy; ///< one per epoch
    double learningRate = 0.001;
};

constexpr std::int64_t stepsPerEpoch = 100;
constexpr std::int64_t loggedEvery = 10; ///< per-step points: every 10th step, as a thinned log

std::string numberText(double value)
{
    std::ostringstream text;
    text.imbue(std::locale::classic());
    text << value;
    return text.str();
}

/// A complete training configuration, as the Train page and the CLI store it.
std::string configJsonOf(const Spec &spec)
{
    const std::string model = spec.model;
    std::string layers = "\"hidden\": [256, 128]";
    if (model == "cnn")
        layers = "\"conv\": [32, 64], \"kernel\": 3, \"padding\": 1, \"batch_norm\": false, "
                 "\"pool\": 2, \"fc\": [128]";
    else if (model == "resnet")
        layers = "\"channels\": [16, 32, 64], \"blocks\": 1";
    std::ostringstream json;
    json.imbue(std::locale::classic());
    json << "{\"dataset\": \"" << spec.dataset << "\", \"model\": {\"type\": \"" << model << "\", "
         << layers
         << ", \"activation\": \"relu\", \"dropout\": 0, \"init\": {\"scheme\": \"default\", "
            "\"a\": 1}}, \"optimizer\": {\"name\": \"adam\", \"learning_rate\": "
         << spec.learningRate << "}, \"batch_size\": 64, \"epochs\": "
         << std::max<std::size_t>(1, spec.valAccuracy.size()) << "}";
    return json.str();
}

std::int64_t addRun(RunStore &store, const Spec &spec, std::int64_t pid)
{
    const std::int64_t now = RunStore::nowMs();
    RunRecord run;
    run.name = spec.name;
    run.status = spec.status;
    run.dataset = spec.dataset;
    run.model = spec.model;
    run.startedAtMs = now - spec.startedMinutesAgo * minuteMs;
    const std::int64_t lastAlive = run.startedAtMs + spec.ranMinutes * minuteMs;
    run.heartbeatAtMs = spec.status == RunStatus::Running ? now : lastAlive;
    run.endedAtMs = spec.status == RunStatus::Running ? 0 : lastAlive;
    run.device = "cpu";
    run.versions = "modelforge 0.1.0; libtorch 1.13.1";
    run.pid = pid;
    run.failureReason = spec.failureReason;
    run.configJson = configJsonOf(spec);
    const std::int64_t id = store.createRun(run);

    store.setParams(id, {{"model", spec.model},
                         {"optimizer", "adam"},
                         {"lr", numberText(spec.learningRate)},
                         {"batch_size", "64"},
                         {"epochs", std::to_string(spec.valAccuracy.size())}});
    // Per step: train_loss falling from the previous epoch's level towards this epoch's, and a
    // constant lr; per epoch: val_accuracy and val_loss at the epoch's last step.
    const double lr = spec.learningRate;
    std::vector<MetricPoint> points;
    double previousAccuracy = 0.1;
    for (std::size_t epoch = 0; epoch < spec.valAccuracy.size(); ++epoch) {
        const int epochNumber = int(epoch + 1);
        const double accuracy = spec.valAccuracy[epoch];
        for (std::int64_t s = loggedEvery; s <= stepsPerEpoch; s += loggedEvery) {
            const std::int64_t step = std::int64_t(epoch) * stepsPerEpoch + s;
            const double progress = double(s) / double(stepsPerEpoch);
            const double level = previousAccuracy + (accuracy - previousAccuracy) * progress;
            const double wiggle = 0.04 * std::sin(double(step) * 0.7);
            const double seconds = double(step) * 0.3;
            points.push_back(
                {"train_loss", step, epochNumber, seconds, 2.3 * (1.0 - level) + wiggle});
            points.push_back({"lr", step, epochNumber, seconds, lr});
            points.push_back({"samples_per_second", step, epochNumber, seconds,
                              1200.0 + 80.0 * std::cos(double(step) * 0.3)});
        }
        const std::int64_t end = std::int64_t(epochNumber) * stepsPerEpoch;
        const double seconds = double(end) * 0.3;
        points.push_back({"val_accuracy", end, epochNumber, seconds, accuracy});
        points.push_back({"val_loss", end, epochNumber, seconds, 2.1 * (1.0 - accuracy) + 0.05});
        previousAccuracy = accuracy;
    }
    if (!points.empty())
        store.appendMetrics(id, points);
    return id;
}

} // namespace

RunIds fill(RunStore &store, std::int64_t runningPid)
{
    const char *fashion = "/usr/share/datasets/fashion-mnist";
    RunIds ids;
    ids.finishedMlp = addRun(
        store,
        {"mlp-baseline", RunStatus::Finished, fashion, "mlp", 180, 25, "", {0.71, 0.79, 0.8123}},
        0);
    ids.finishedCnn = addRun(store,
                             {"cnn-small",
                              RunStatus::Finished,
                              fashion,
                              "cnn",
                              150,
                              94,
                              "",
                              {0.88, 0.905, 0.899},
                              0.0005},
                             0);
    ids.failed = addRun(store,
                        {"resnet-high-lr",
                         RunStatus::Failed,
                         "cifar-10-batches-bin",
                         "resnet",
                         120,
                         3,
                         "The loss became NaN at epoch 2, step 431; lower the learning rate or "
                         "enable gradient clipping.",
                         {0.095},
                         0.5},
                        0);
    ids.stopped = addRun(
        store, {"cnn-lr-sweep-3", RunStatus::Stopped, fashion, "cnn", 60, 1, "", {0.1}, 0.003}, 0);
    ids.running = addRun(store, {"mlp-wide", RunStatus::Running, fashion, "mlp", 7, 7, "", {0.42}},
                         runningPid);
    ids.interrupted = addRun(
        store, {"cnn-augment", RunStatus::Interrupted, "/data/digits.csv", "cnn", 30, 2, "", {}},
        0);
    return ids;
}

} // namespace mf::sample
