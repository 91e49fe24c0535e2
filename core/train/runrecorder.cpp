#include "core/train/runrecorder.h"

#include "core/util/sha256.h"

#include <filesystem>

namespace mf {

RunRecorder::RunRecorder(RunStore &store, std::int64_t runId,
                         std::chrono::milliseconds flushInterval)
    : m_store(store), m_runId(runId), m_writer(store, runId), m_flushInterval(flushInterval),
      m_lastFlush(std::chrono::steady_clock::now())
{
}

RunRecorder::~RunRecorder() = default; // MetricWriter's destructor flushes

void RunRecorder::log(const std::string &key, double value, std::int64_t step, int epoch,
                      double wallSeconds)
{
    MetricPoint point;
    point.key = key;
    point.step = step;
    point.epoch = epoch;
    point.wallSeconds = wallSeconds + m_wallOffset;
    point.value = value;
    m_lastWall = point.wallSeconds;
    m_writer.add(std::move(point));
}

void RunRecorder::onStep(const StepMetrics &step)
{
    log("train_loss", step.loss, step.step, step.epoch, step.wallSeconds);
    log("lr", step.learningRate, step.step, step.epoch, step.wallSeconds);
    if (step.step % kThroughputEvery == 0)
        log("samples_per_second", step.samplesPerSecond, step.step, step.epoch, step.wallSeconds);
    flushIfDue();
}

void RunRecorder::onKernelsChosen(const KernelChoice &choice)
{
    std::string measurement;
    for (const KernelOpChoice &op : choice.ops)
        measurement += (measurement.empty() ? "" : "; ") + op.op + " on " + op.shape + ": " +
                       op.decision.summary();
    m_store.setParams(m_runId,
                      {{"kernels.plan", choice.plan},
                       {"kernels.measurement",
                        measurement.empty() ? "the only way this model runs" : measurement},
                       {"kernels.machine", choice.processor + ", " + choice.capability + ", " +
                                               std::to_string(choice.threads) + " thread(s)"}});
}

void RunRecorder::onEpoch(const EpochMetrics &epoch)
{
    log("epoch_train_loss", epoch.trainLoss, epoch.step, epoch.epoch, epoch.wallSeconds);
    log("train_accuracy", epoch.trainAccuracy, epoch.step, epoch.epoch, epoch.wallSeconds);
    log("val_loss", epoch.valLoss, epoch.step, epoch.epoch, epoch.wallSeconds);
    log("val_accuracy", epoch.valAccuracy, epoch.step, epoch.epoch, epoch.wallSeconds);
    log("epoch_seconds", epoch.epochSeconds, epoch.step, epoch.epoch, epoch.wallSeconds);
    flush();
}

void RunRecorder::onCheckpoint(const std::string &path, int epoch)
{
    Artifact artifact;
    artifact.runId = m_runId;
    artifact.kind = "checkpoint";
    artifact.path = path;
    artifact.sizeBytes = static_cast<std::int64_t>(std::filesystem::file_size(path));
    artifact.sha256 = sha256OfFile(path);
    artifact.epoch = epoch;
    artifact.createdAtMs = RunStore::nowMs();
    m_store.addArtifact(artifact);
}

void RunRecorder::onCheckpointRemoved(const std::string &path, int)
{
    m_store.deleteArtifact(m_runId, path);
}

void RunRecorder::flush()
{
    m_writer.flush();
    m_lastFlush = std::chrono::steady_clock::now();
}

void RunRecorder::flushIfDue()
{
    if (std::chrono::steady_clock::now() - m_lastFlush >= m_flushInterval)
        flush();
}

} // namespace mf
