#include "samplestore.h"

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
};

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
    run.configJson = std::string("{\"model\":{\"type\":\"") + spec.model + "\"}}";
    const std::int64_t id = store.createRun(run);

    store.setParams(id, {{"model", spec.model},
                         {"optimizer", "adam"},
                         {"lr", "0.001"},
                         {"batch_size", "64"},
                         {"epochs", std::to_string(spec.valAccuracy.size())}});
    std::vector<MetricPoint> points;
    for (std::size_t epoch = 0; epoch < spec.valAccuracy.size(); ++epoch) {
        const std::int64_t step = std::int64_t(epoch + 1) * 100;
        const double seconds = double(epoch + 1) * 30.0;
        const double accuracy = spec.valAccuracy[epoch];
        points.push_back({"val_accuracy", step, int(epoch + 1), seconds, accuracy});
        points.push_back({"train_loss", step, int(epoch + 1), seconds, 2.3 * (1.0 - accuracy)});
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
    ids.finishedCnn = addRun(
        store,
        {"cnn-small", RunStatus::Finished, fashion, "cnn", 150, 94, "", {0.88, 0.905, 0.899}}, 0);
    ids.failed = addRun(store,
                        {"resnet-high-lr",
                         RunStatus::Failed,
                         "cifar-10-batches-bin",
                         "resnet",
                         120,
                         3,
                         "The loss became NaN at epoch 2, step 431; lower the learning rate or "
                         "enable gradient clipping.",
                         {0.095}},
                        0);
    ids.stopped =
        addRun(store, {"cnn-lr-sweep-3", RunStatus::Stopped, fashion, "cnn", 60, 1, "", {0.1}}, 0);
    ids.running = addRun(store, {"mlp-wide", RunStatus::Running, fashion, "mlp", 7, 7, "", {0.42}},
                         runningPid);
    ids.interrupted = addRun(
        store, {"cnn-augment", RunStatus::Interrupted, "/data/digits.csv", "cnn", 30, 2, "", {}},
        0);
    return ids;
}

} // namespace mf::sample
