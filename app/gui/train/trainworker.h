#pragma once

#include "app/gui/train/localtrainingjob.h"
#include "app/gui/train/stepbatcher.h"
#include "core/store/runrecord.h"
#include "core/train/trainevents.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QVector>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>

namespace mf {

class TrainingSession;
struct TrainConfig;

/// A finished run as the Train page reports it.
struct TrainOutcomeReport
{
    qint64 runId = 0;
    RunStatus status = RunStatus::Failed; ///< Finished, Stopped or Failed
    QString message;                      ///< failure reason, or a one-line summary
    double testAccuracy = -1.0;
    double samplesPerSecond = 0.0;
    qint64 steps = 0;           ///< optimiser steps of the run when it ended
    bool hasCheckpoint = false; ///< the run has a checkpoint to resume from
    qint64 checkpointStep = 0;  ///< the step that checkpoint holds (steps after a stop)
};

/// One stored metric of a resumed run, for the charts.
struct HistoryPoint
{
    QString key;
    qint64 step = 0;
    int epoch = 0;
    double wallSeconds = 0.0;
    double value = 0.0;
};

/// Lives on the controller's training thread and drives one TrainingSession at a time. Step
/// metrics are batched and sent at most every `kEmitIntervalMs`, so the GUI gets 5 updates per
/// second however fast the steps come: every wake-up and repaint of the GUI thread is CPU taken
/// from the trainer's threads on a small machine, and the charts pace themselves lower still.
class TrainWorker : public QObject, private TrainerObserver
{
    Q_OBJECT
public:
    static constexpr int kEmitIntervalMs = 200;

    explicit TrainWorker(QString workspaceDir);
    ~TrainWorker() override;

    /// Thread-safe: reach the running session from the GUI thread. A request made while no
    /// run is running or expected (a click that arrives after the run ended) is dropped, so
    /// that it never stops or pauses the next run.
    void requestStop();
    void setPaused(bool paused);
    /// Thread-safe; the controller calls it before it queues startRun or resumeRun, so that a
    /// Stop or Pause clicked while that run loads its data applies to it.
    void expectRun();

public Q_SLOTS:
    /// `configJson` is a TrainConfig as JSON; `runName` may be empty. With `launch.processes` > 1
    /// the run trains on that many local processes (LocalTrainingJob).
    void startRun(const QByteArray &configJson, const QString &runName,
                  const mf::ParallelLaunch &launch = {});
    /// A run trained on several processes resumes on as many, data-parallel or as the same
    /// pipeline; each waits up to `timeoutMs` for the others.
    void resumeRun(qint64 runId, qint64 timeoutMs = 120000);
    /// Reads a stored run's config and metrics for display; emits storedRun or loadFailed.
    void loadRun(qint64 runId);

Q_SIGNALS:
    /// Before runPrepared: the number of processes the run trains on (1: this one alone).
    void processesChosen(int processes);
    /// The dataset is loaded and the run exists in the store.
    void runPrepared(qint64 runId, const QByteArray &configJson, int epochs);
    /// The metrics a resumed run had logged before this session.
    void history(const QVector<mf::HistoryPoint> &points);
    void storedRun(qint64 runId, const QString &name, mf::RunStatus status,
                   const QByteArray &configJson, const QVector<mf::HistoryPoint> &points);
    void loadFailed(qint64 runId, const QString &reason);
    void steps(const QVector<mf::StepMetrics> &steps);
    void epochEnded(const mf::EpochMetrics &epoch);
    void runEnded(const mf::TrainOutcomeReport &report);
    /// Nothing started: bad config, unreadable data, unknown run.
    void startFailed(const QString &reason);

private:
    void onStep(const StepMetrics &step) override;
    void onEpoch(const EpochMetrics &epoch) override;
    /// Trains `session`; `job` is the other ranks' processes, or null.
    void execute(TrainingSession &session, LocalTrainingJob *job);
    /// Waits for the other ranks of a job and puts the first failure among them, or the workers
    /// that had to be killed, in `report` and the run's record.
    void finishJob(LocalTrainingJob &job, TrainOutcomeReport &report);
    void setSession(TrainingSession *session);

    QString m_workspaceDir;
    StepBatcher m_steps{[this](const QVector<StepMetrics> &batch) { Q_EMIT steps(batch); },
                        std::chrono::milliseconds(kEmitIntervalMs)};
    std::mutex m_sessionMutex; // guards m_session against the GUI thread's stop/pause
    TrainingSession *m_session = nullptr;
    bool m_runExpected = false; // a start or resume is queued or loading
    bool m_stopRequested = false;
    bool m_paused = false;
};

} // namespace mf

Q_DECLARE_METATYPE(mf::StepMetrics)
Q_DECLARE_METATYPE(mf::EpochMetrics)
Q_DECLARE_METATYPE(mf::TrainOutcomeReport)
Q_DECLARE_METATYPE(mf::HistoryPoint)
Q_DECLARE_METATYPE(mf::RunStatus)
Q_DECLARE_METATYPE(mf::ParallelLaunch)
