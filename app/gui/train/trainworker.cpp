#include "app/gui/train/trainworker.h"

#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/train/outcomestatus.h"
#include "core/train/trainconfig.h"
#include "core/train/trainingsession.h"
#include "core/util/torchthreads.h"

#include <nlohmann/json.hpp>

namespace mf {

namespace {

QVector<HistoryPoint> storedHistory(const RunStore &store, qint64 runId)
{
    QVector<HistoryPoint> points;
    for (const MetricPoint &p : store.metrics(runId)) {
        points.append(
            HistoryPoint{QString::fromStdString(p.key), p.step, p.epoch, p.wallSeconds, p.value});
    }
    return points;
}

} // namespace

TrainWorker::TrainWorker(QString workspaceDir) : m_workspaceDir(std::move(workspaceDir)) {}

TrainWorker::~TrainWorker() = default;

void TrainWorker::requestStop()
{
    std::lock_guard<std::mutex> lock(m_sessionMutex);
    if (m_session)
        m_session->requestStop();
    else if (m_runExpected)
        m_stopRequested = true;
}

void TrainWorker::setPaused(bool paused)
{
    std::lock_guard<std::mutex> lock(m_sessionMutex);
    if (m_session)
        m_session->setPaused(paused);
    if (m_session || m_runExpected)
        m_paused = paused;
}

void TrainWorker::expectRun()
{
    std::lock_guard<std::mutex> lock(m_sessionMutex);
    m_runExpected = true;
    m_stopRequested = false;
    m_paused = false;
}

void TrainWorker::setSession(TrainingSession *session)
{
    std::lock_guard<std::mutex> lock(m_sessionMutex);
    m_session = session;
    m_runExpected = false;
    if (!session) {
        m_stopRequested = false;
        m_paused = false;
        return;
    }
    if (m_paused)
        session->setPaused(true);
    if (m_stopRequested)
        session->requestStop();
}

void TrainWorker::startRun(const QByteArray &configJson, const QString &runName)
{
    TrainConfig config;
    try {
        config = nlohmann::json::parse(configJson.toStdString()).get<TrainConfig>();
    } catch (const std::exception &e) {
        setSession(nullptr);
        Q_EMIT startFailed(QString::fromUtf8(e.what()));
        return;
    }
    SessionOptions options;
    options.workspaceDir = m_workspaceDir.toStdString();
    options.runName = runName.toStdString();
    TrainingSession session(std::move(config), std::move(options));
    setSession(&session);
    try {
        session.prepare();
    } catch (const std::exception &e) {
        setSession(nullptr);
        Q_EMIT startFailed(QString::fromUtf8(e.what()));
        return;
    }
    execute(session);
}

void TrainWorker::resumeRun(qint64 runId)
{
    std::unique_ptr<TrainingSession> session;
    QVector<HistoryPoint> points;
    try {
        SessionOptions options;
        options.workspaceDir = m_workspaceDir.toStdString();
        session = std::make_unique<TrainingSession>(TrainingSession::resume(runId, options));
        const RunStore store(Workspace{m_workspaceDir.toStdString()}.databasePath());
        points = storedHistory(store, runId);
    } catch (const std::exception &e) {
        setSession(nullptr);
        Q_EMIT startFailed(QString::fromUtf8(e.what()));
        return;
    }
    setSession(session.get());
    Q_EMIT history(points);
    execute(*session);
}

void TrainWorker::loadRun(qint64 runId)
{
    try {
        const RunStore store(Workspace{m_workspaceDir.toStdString()}.databasePath());
        const std::optional<RunRecord> record = store.run(runId);
        if (!record) {
            Q_EMIT loadFailed(runId, tr("There is no run %1 in %2")
                                         .arg(runId)
                                         .arg(QString::fromStdString(store.path())));
            return;
        }
        Q_EMIT storedRun(runId, QString::fromStdString(record->name), record->status,
                         QByteArray::fromStdString(record->configJson),
                         storedHistory(store, runId));
    } catch (const std::exception &e) {
        Q_EMIT loadFailed(runId, QString::fromUtf8(e.what()));
    }
}

void TrainWorker::execute(TrainingSession &session)
{
    setTorchThreads(session.config().threads);
    const nlohmann::json configJson = session.config();
    Q_EMIT runPrepared(session.runId(), QByteArray::fromStdString(configJson.dump()),
                       session.config().epochs);
    session.addObserver(this);
    m_steps.reset();

    TrainOutcomeReport report;
    report.runId = session.runId();
    try {
        const SessionResult result = session.run();
        m_steps.flush();
        report.status = runStatusOf(result.train.outcome);
        report.message = QString::fromStdString(result.train.failureReason);
        report.samplesPerSecond = result.train.samplesPerSecond;
        report.steps = result.train.steps;
        report.hasCheckpoint = !result.train.lastCheckpoint.empty();
        report.checkpointStep = result.train.lastCheckpointStep;
        if (result.test)
            report.testAccuracy = result.test->accuracy;
    } catch (const std::exception &e) {
        m_steps.flush();
        report.status = RunStatus::Failed;
        report.message = QString::fromUtf8(e.what());
    }
    setSession(nullptr);
    Q_EMIT runEnded(report);
}

void TrainWorker::onStep(const StepMetrics &step)
{
    m_steps.add(step);
}

void TrainWorker::onEpoch(const EpochMetrics &epoch)
{
    m_steps.flush();
    Q_EMIT epochEnded(epoch);
}

} // namespace mf
