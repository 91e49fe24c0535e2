#pragma once

#include "app/gui/runs/runevaluation.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace mf {

/// Evaluates a run's checkpoint (mf::TrainingSession::evaluateRun) or reads the result cached in
/// its run directory, and loads the images of the mistakes from the dataset.
/// Threading: lives on a worker thread of its own; call evaluate() only through queued
/// invocations there. It blocks that thread for the seconds an evaluation takes; requests that
/// are no longer the latest when their turn comes are skipped.
class EvaluationWorker : public QObject
{
    Q_OBJECT
public:
    explicit EvaluationWorker(std::shared_ptr<std::atomic<quint64>> latestRequest,
                              QObject *parent = nullptr);
    ~EvaluationWorker() override;

    void evaluate(quint64 requestId, qint64 runId, const QString &workspaceDir);

Q_SIGNALS:
    void finished(quint64 requestId, const mf::RunEvaluation &evaluation);
    void failed(quint64 requestId, qint64 runId, int problem, const QString &message);

private:
    std::shared_ptr<std::atomic<quint64>> m_latestRequest;
};

} // namespace mf
