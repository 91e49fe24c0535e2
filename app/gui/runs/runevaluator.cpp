#include "app/gui/runs/runevaluator.h"

#include "app/gui/runs/evaluationworker.h"

namespace mf {

RunEvaluator::RunEvaluator(QObject *parent)
    : QObject(parent), m_latestRequest(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<mf::RunEvaluation>();
    m_worker = new EvaluationWorker(m_latestRequest);
    m_thread.setObjectName(QStringLiteral("RunEvaluator"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &EvaluationWorker::finished, this,
            [this](quint64 requestId, const RunEvaluation &evaluation) {
                if (requestId != m_latestRequest->load())
                    return;
                m_busy = false;
                Q_EMIT finished(evaluation);
            });
    connect(m_worker, &EvaluationWorker::failed, this,
            [this](quint64 requestId, qint64 runId, int problem, const QString &message) {
                if (requestId != m_latestRequest->load())
                    return;
                m_busy = false;
                Q_EMIT failed(runId, EvaluationProblem(problem), message);
            });
    m_thread.start();
}

RunEvaluator::~RunEvaluator()
{
    cancelPending();
    m_thread.quit();
    m_thread.wait();
}

void RunEvaluator::evaluate(qint64 runId, const QString &workspaceDir)
{
    const quint64 requestId = m_nextRequest++;
    m_latestRequest->store(requestId);
    m_busy = true;
    EvaluationWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, requestId, runId, workspaceDir] {
            worker->evaluate(requestId, runId, workspaceDir);
        },
        Qt::QueuedConnection);
}

void RunEvaluator::cancelPending()
{
    m_latestRequest->store(0);
    m_busy = false;
}

} // namespace mf
