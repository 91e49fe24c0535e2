#pragma once

#include "core/store/metricwriter.h"
#include "core/store/runstore.h"
#include "core/train/trainevents.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace mf {

/// Records one run's progress in the run store: the Trainer observer that is the run's single
/// metric writer.
///
/// Logged keys: every step "train_loss" and "lr"; every kThroughputEvery steps
/// "samples_per_second"; every epoch "epoch_train_loss", "train_accuracy", "val_loss",
/// "val_accuracy", "epoch_seconds". Each checkpoint becomes an artifact with its size and
/// sha256, and stops being one when retention deletes it.
///
/// Durability: points are buffered and written in one transaction at least every
/// `flushInterval` of wall time (checked at each step; 1 s by default), at every epoch end and
/// on destruction, so a process killed mid-training loses at most about one interval of
/// metrics. Each flush also refreshes the run's heartbeat.
///
/// Threading: lives on the training thread, like the RunStore connection it writes through.
class RunRecorder : public TrainerObserver
{
public:
    static constexpr std::int64_t kThroughputEvery = 50;

    RunRecorder(RunStore &store, std::int64_t runId,
                std::chrono::milliseconds flushInterval = std::chrono::seconds(1));
    ~RunRecorder() override;
    RunRecorder(const RunRecorder &) = delete;
    RunRecorder &operator=(const RunRecorder &) = delete;

    /// Added to every logged wallSeconds: a resumed run continues its time axis.
    void setWallOffset(double seconds) { m_wallOffset = seconds; }

    void onStep(const StepMetrics &step) override;
    void onEpoch(const EpochMetrics &epoch) override;
    void onCheckpoint(const std::string &path, int epoch) override;
    void onCheckpointRemoved(const std::string &path, int epoch) override;
    /// Stores the plan as the run's params "kernels.plan", "kernels.measurement" (each
    /// candidate's time, or that the cache answered) and "kernels.machine" (processor, vector
    /// code, threads), replacing those of an earlier run() of the same run.
    void onKernelsChosen(const KernelChoice &choice) override;

    /// Buffers one point of any key (test metrics, for instance), wallSeconds offset as above.
    void log(const std::string &key, double value, std::int64_t step, int epoch,
             double wallSeconds);
    /// Writes everything buffered now.
    void flush();
    /// Wall seconds (offset included) of the latest point logged.
    double lastWallSeconds() const { return m_lastWall; }

private:
    void flushIfDue();

    RunStore &m_store;
    std::int64_t m_runId;
    MetricWriter m_writer;
    std::chrono::milliseconds m_flushInterval;
    std::chrono::steady_clock::time_point m_lastFlush;
    double m_wallOffset = 0.0;
    double m_lastWall = 0.0;
};

} // namespace mf
