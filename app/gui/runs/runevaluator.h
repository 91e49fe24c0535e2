#pragma once

#include "app/gui/runs/runevaluation.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

namespace mf {

class EvaluationWorker;

/// Evaluates runs on a worker thread of its own (an evaluation takes seconds and must not hold
/// up the store reads). Only the answer to the latest request is delivered.
/// Threading: GUI thread only; signals are emitted on the GUI thread.
class RunEvaluator : public QObject
{
    Q_OBJECT
public:
    explicit RunEvaluator(QObject *parent = nullptr);
    /// Waits for an evaluation in progress to end.
    ~RunEvaluator() override;

    /// Evaluates the run of the workspace in `workspaceDir`, or reads its cached evaluation.
    void evaluate(qint64 runId, const QString &workspaceDir);
    /// Forgets the pending request: its answer will not be delivered.
    void cancelPending();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void finished(const mf::RunEvaluation &evaluation);
    void failed(qint64 runId, mf::EvaluationProblem problem, const QString &message);

private:
    QThread m_thread;
    EvaluationWorker *m_worker;
    std::shared_ptr<std::atomic<quint64>> m_latestRequest;
    quint64 m_nextRequest = 1;
    bool m_busy = false;
};

} // namespace mf
