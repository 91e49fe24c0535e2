#include "app/gui/compress/compresscontroller.h"

#include "app/gui/compress/compressworker.h"

namespace mf {

CompressController::CompressController(const QString &workspaceDir, QObject *parent)
    : QObject(parent), m_workspaceDir(workspaceDir)
{
    qRegisterMetaType<mf::CompressSettings>();
    qRegisterMetaType<mf::SharedReport>();
    qRegisterMetaType<mf::StepMetrics>();
    qRegisterMetaType<mf::EpochMetrics>();
    qRegisterMetaType<QVector<mf::StepMetrics>>();
    qRegisterMetaType<QVector<qint64>>();
    m_thread.setObjectName(QStringLiteral("ModelForge compression"));
    createWorker();
    m_thread.start();
}

CompressController::~CompressController()
{
    if (m_worker)
        m_worker->requestStop();
    m_thread.quit();
    m_thread.wait();
}

void CompressController::createWorker()
{
    m_worker = new CompressWorker(m_workspaceDir);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &CompressWorker::variantStarted, this, &CompressController::variantStarted);
    connect(m_worker, &CompressWorker::steps, this, &CompressController::steps);
    connect(m_worker, &CompressWorker::epochEnded, this, &CompressController::epochEnded);
    connect(m_worker, &CompressWorker::measuring, this, &CompressController::measuring);
    connect(m_worker, &CompressWorker::finished, this,
            [this](const mf::SharedReport &report, const QVector<qint64> &runs, bool stopped) {
                setBusy(false);
                Q_EMIT finished(report, runs, stopped);
            });
    connect(m_worker, &CompressWorker::failed, this, [this](const QString &reason) {
        setBusy(false);
        Q_EMIT failed(reason);
    });
    connect(m_worker, &CompressWorker::studentSuggested, this,
            &CompressController::studentSuggested);
    connect(m_worker, &CompressWorker::suggestionFailed, this,
            &CompressController::suggestionFailed);
}

bool CompressController::setWorkspaceDir(const QString &dir)
{
    if (m_busy)
        return false;
    if (dir == m_workspaceDir)
        return true;
    m_workspaceDir = dir;
    // A pending suggestion finishes first; its answer names its run, so a stale one is ignored.
    m_thread.quit();
    m_thread.wait();
    createWorker();
    m_thread.start();
    return true;
}

bool CompressController::start(const CompressSettings &settings)
{
    if (m_busy)
        return false;
    setBusy(true);
    m_worker->expectJob();
    QMetaObject::invokeMethod(m_worker, "run", Qt::QueuedConnection,
                              Q_ARG(mf::CompressSettings, settings));
    return true;
}

void CompressController::stop()
{
    if (!m_busy || m_stopping)
        return;
    m_stopping = true;
    m_worker->requestStop();
}

void CompressController::suggestStudent(qint64 runId)
{
    QMetaObject::invokeMethod(m_worker, "suggestStudent", Qt::QueuedConnection,
                              Q_ARG(qint64, runId));
}

void CompressController::setBusy(bool busy)
{
    m_stopping = false;
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace mf
