#include "app/gui/train/trainworker.h"

#include "core/store/runstore.h"
#include "core/store/workspace.h"
#include "core/train/outcomestatus.h"
#include "core/train/trainconfig.h"
#include "core/train/trainingsession.h"
#include "core/util/error.h"
#include "core/util/torchthreads.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QStringList>
#include <QTemporaryFile>

#include <algorithm>
#include <cstdlib>

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

/// The run's config for the other ranks of a local job, in a file that lives as long as the job.
std::unique_ptr<QTemporaryFile> configFileFor(const QByteArray &configJson)
{
    auto file = std::make_unique<QTemporaryFile>(
        QDir::temp().filePath(QStringLiteral("modelforge-run-XXXXXX.json")));
    if (!file->open() || file->write(configJson) != configJson.size() || !file->flush())
        throw Error("cannot write the run's configuration for the other processes to " +
                    file->fileName().toStdString() + ": " + file->errorString().toStdString());
    return file;
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

void TrainWorker::startRun(const QByteArray &configJson, const QString &runName,
                           const ParallelLaunch &launch)
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
    std::unique_ptr<QTemporaryFile> configFile;
    std::unique_ptr<LocalTrainingJob> job;
    try {
        if (launch.parallel()) {
            // Checked here, before any worker starts, so that bad input fails once, plainly.
            config.requireValid();
            configFile = configFileFor(configJson);
            job = std::make_unique<LocalTrainingJob>(
                launch, m_workspaceDir.toStdString(),
                std::vector<std::string>{"train", "--config", configFile->fileName().toStdString()},
                options);
        }
    } catch (const std::exception &e) {
        setSession(nullptr);
        Q_EMIT startFailed(QString::fromUtf8(e.what()));
        return;
    }
    TrainingSession session(std::move(config), std::move(options));
    setSession(&session);
    try {
        session.prepare();
    } catch (const std::exception &e) {
        setSession(nullptr);
        if (job)
            job->finish(true);
        Q_EMIT startFailed(QString::fromUtf8(e.what()));
        return;
    }
    Q_EMIT processesChosen(launch.processes);
    execute(session, job.get());
}

void TrainWorker::resumeRun(qint64 runId, qint64 timeoutMs)
{
    std::unique_ptr<TrainingSession> session;
    std::unique_ptr<LocalTrainingJob> job;
    QVector<HistoryPoint> points;
    ParallelLaunch launch;
    try {
        SessionOptions options;
        options.workspaceDir = m_workspaceDir.toStdString();
        const RunStore store(Workspace{m_workspaceDir.toStdString()}.databasePath());
        // As it trained: as many processes, the same pipeline (its workers read it too).
        const StoredParallelism trained = storedParallelism(store.params(runId));
        launch.processes = trained.processes;
        launch.mode = trained.mode;
        launch.microBatches = trained.microBatches;
        launch.schedule = trained.schedule;
        launch.timeout = std::chrono::milliseconds(std::max<qint64>(1000, timeoutMs));
        if (launch.parallel())
            job = std::make_unique<LocalTrainingJob>(
                launch, m_workspaceDir.toStdString(),
                std::vector<std::string>{"resume", std::to_string(runId)}, options);
        else
            launch.processes = 1;
        session = std::make_unique<TrainingSession>(TrainingSession::resume(runId, options));
        points = storedHistory(store, runId);
    } catch (const std::exception &e) {
        setSession(nullptr);
        if (job)
            job->finish(true);
        Q_EMIT startFailed(QString::fromUtf8(e.what()));
        return;
    }
    setSession(session.get());
    Q_EMIT history(points);
    Q_EMIT processesChosen(launch.processes);
    execute(*session, job.get());
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

void TrainWorker::execute(TrainingSession &session, LocalTrainingJob *job)
{
    int threads = session.config().threads;
    if (job && threads <= 0) // the workers share the cores, as modelforge-cli's do
        threads = LocalWorkers::threadsPerWorker(job->processes());
    setTorchThreads(threads);
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
    if (job)
        finishJob(*job, report);
    setSession(nullptr);
    Q_EMIT runEnded(report);
}

void TrainWorker::finishJob(LocalTrainingJob &job, TrainOutcomeReport &report)
{
    std::string cleanup;
    const std::string failure = job.finish(report.status == RunStatus::Failed, &cleanup);
    if (failure.empty() && cleanup.empty())
        return;
    // The worker that failed first is the cause; rank 0's own message follows it.
    QStringList parts;
    if (!failure.empty())
        parts << QString::fromStdString(failure);
    if (!report.message.isEmpty())
        parts << (failure.empty() ? report.message : tr("rank 0: %1").arg(report.message));
    if (!cleanup.empty())
        parts << QString::fromStdString(cleanup);
    report.status = RunStatus::Failed;
    report.message = parts.join(QStringLiteral("; "));
    try {
        RunStore store(Workspace{m_workspaceDir.toStdString()}.databasePath());
        store.setStatus(report.runId, RunStatus::Failed, report.message.toStdString());
    } catch (const std::exception &e) {
        report.message += tr(" (not recorded in the store: %1)").arg(QString::fromUtf8(e.what()));
    }
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
