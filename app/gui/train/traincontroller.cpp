#include "app/gui/train/traincontroller.h"

#include <algorithm>

namespace mf {

TrainController::TrainController(const QString &workspaceDir, QObject *parent)
    : QObject(parent), m_workspaceDir(workspaceDir)
{
    qRegisterMetaType<mf::StepMetrics>();
    qRegisterMetaType<mf::EpochMetrics>();
    qRegisterMetaType<mf::TrainOutcomeReport>();
    qRegisterMetaType<mf::HistoryPoint>();
    qRegisterMetaType<mf::RunStatus>();
    qRegisterMetaType<mf::ParallelLaunch>();
    qRegisterMetaType<QVector<mf::StepMetrics>>();
    qRegisterMetaType<QVector<mf::HistoryPoint>>();
    m_thread.setObjectName(QStringLiteral("ModelForge training"));
    createWorker();
    m_thread.start();
}

TrainController::~TrainController()
{
    if (m_worker)
        m_worker->requestStop();
    m_thread.quit();
    m_thread.wait();
}

void TrainController::createWorker()
{
    m_worker = new TrainWorker(m_workspaceDir);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &TrainWorker::runPrepared, this,
            [this](qint64 runId, const QByteArray &configJson, int epochs) {
                m_runId = runId;
                m_prepared = true;
                if (m_state == State::Preparing)
                    setState(State::Running);
                Q_EMIT runPrepared(runId, configJson, epochs);
            });
    connect(m_worker, &TrainWorker::processesChosen, this, [this](int processes) {
        m_processes = processes;
        if (!canPause() && m_state == State::Paused) {
            m_worker->setPaused(false);
            setState(m_prepared ? State::Running : State::Preparing);
        }
    });
    connect(m_worker, &TrainWorker::history, this, &TrainController::history);
    connect(m_worker, &TrainWorker::storedRun, this, &TrainController::storedRun);
    connect(m_worker, &TrainWorker::loadFailed, this, &TrainController::loadFailed);
    connect(m_worker, &TrainWorker::steps, this, &TrainController::steps);
    connect(m_worker, &TrainWorker::epochEnded, this, &TrainController::epochEnded);
    connect(m_worker, &TrainWorker::runEnded, this, [this](const TrainOutcomeReport &report) {
        setState(State::Idle);
        Q_EMIT runEnded(report);
    });
    connect(m_worker, &TrainWorker::startFailed, this, [this](const QString &reason) {
        setState(State::Idle);
        Q_EMIT startFailed(reason);
    });
}

bool TrainController::setWorkspaceDir(const QString &dir)
{
    if (isBusy())
        return false;
    if (dir == m_workspaceDir)
        return true;
    m_workspaceDir = dir;
    m_thread.quit();
    m_thread.wait(); // idle: the worker's event loop has nothing to finish
    createWorker();
    m_thread.start();
    return true;
}

bool TrainController::start(const QByteArray &configJson, const QString &runName,
                            const ParallelLaunch &launch)
{
    if (isBusy())
        return false;
    m_runId = 0;
    m_prepared = false;
    m_processes = std::max(1, launch.processes);
    setState(State::Preparing);
    m_worker->expectRun();
    QMetaObject::invokeMethod(m_worker, "startRun", Qt::QueuedConnection,
                              Q_ARG(QByteArray, configJson), Q_ARG(QString, runName),
                              Q_ARG(mf::ParallelLaunch, launch));
    return true;
}

bool TrainController::resumeRun(qint64 runId, qint64 timeoutMs)
{
    if (isBusy())
        return false;
    m_runId = runId;
    m_prepared = false;
    m_processes = 1; // until the worker has read how the run was trained
    setState(State::Preparing);
    m_worker->expectRun();
    QMetaObject::invokeMethod(m_worker, "resumeRun", Qt::QueuedConnection, Q_ARG(qint64, runId),
                              Q_ARG(qint64, timeoutMs));
    return true;
}

bool TrainController::loadRun(qint64 runId)
{
    if (isBusy())
        return false;
    QMetaObject::invokeMethod(m_worker, "loadRun", Qt::QueuedConnection, Q_ARG(qint64, runId));
    return true;
}

void TrainController::pause()
{
    if ((m_state != State::Running && m_state != State::Preparing) || !canPause())
        return;
    m_worker->setPaused(true);
    setState(State::Paused);
}

void TrainController::unpause()
{
    if (m_state != State::Paused)
        return;
    m_worker->setPaused(false);
    setState(m_prepared ? State::Running : State::Preparing);
}

void TrainController::stop()
{
    if (m_state == State::Idle || m_state == State::Stopping)
        return;
    m_worker->requestStop();
    setState(State::Stopping);
}

void TrainController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace mf
