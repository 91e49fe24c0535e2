#pragma once

#include "app/gui/train/trainworker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QThread>

namespace mf {

/// Runs training off the GUI thread: owns one QThread whose TrainWorker drives the core
/// TrainingSession. Every call here returns at once; progress arrives as queued signals carrying
/// value structs. Pause and stop reach the trainer through atomic flags it checks every batch.
class TrainController : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,      ///< nothing started yet, or the last run ended
        Preparing, ///< loading the dataset, creating the run
        Running,
        Paused,
        Stopping
    };
    Q_ENUM(State)

    explicit TrainController(const QString &workspaceDir, QObject *parent = nullptr);
    ~TrainController() override; ///< stops a run in progress and waits for the thread

    QString workspaceDir() const { return m_workspaceDir; }
    /// Only while idle; the worker then records into the new workspace.
    bool setWorkspaceDir(const QString &dir);

    State state() const { return m_state; }
    bool isBusy() const { return m_state != State::Idle; }
    qint64 runId() const { return m_runId; }

    /// `configJson` is a TrainConfig as JSON. False (and nothing happens) unless idle. With
    /// `launch.processes` > 1 the run trains on that many local processes.
    bool start(const QByteArray &configJson, const QString &runName = QString(),
               const ParallelLaunch &launch = {});
    /// Continues a stored INTERRUPTED, STOPPED or FAILED run from its newest checkpoint. A run of
    /// several processes gives each `timeoutMs` to wait for the others (ParallelLaunch::timeout).
    bool resumeRun(qint64 runId, qint64 timeoutMs = 120000);
    /// Reads a stored run for display (storedRun or loadFailed follow); works only while idle.
    bool loadRun(qint64 runId);
    /// The processes the current (or last) run trains on.
    int processes() const { return m_processes; }
    /// A run of several processes cannot pause: its other processes would wait for this one
    /// until their timeout failed the job.
    bool canPause() const { return m_processes <= 1; }
    /// Holds the running run after the current batch; unpause() lets it go on.
    void pause();
    void unpause();
    void stop();

Q_SIGNALS:
    void stateChanged(mf::TrainController::State state);
    void runPrepared(qint64 runId, const QByteArray &configJson, int epochs);
    void history(const QVector<mf::HistoryPoint> &points);
    void storedRun(qint64 runId, const QString &name, mf::RunStatus status,
                   const QByteArray &configJson, const QVector<mf::HistoryPoint> &points);
    void loadFailed(qint64 runId, const QString &reason);
    void steps(const QVector<mf::StepMetrics> &steps);
    void epochEnded(const mf::EpochMetrics &epoch);
    void runEnded(const mf::TrainOutcomeReport &report);
    void startFailed(const QString &reason);

private:
    void setState(State state);
    void createWorker();

    QString m_workspaceDir;
    QThread m_thread;
    TrainWorker *m_worker = nullptr;
    State m_state = State::Idle;
    qint64 m_runId = 0;
    bool m_prepared = false; ///< the current run exists in the store
    int m_processes = 1;
};

} // namespace mf
