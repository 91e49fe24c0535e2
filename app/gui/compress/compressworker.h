#pragma once

#include "app/gui/compress/compresssettings.h"
#include "app/gui/train/trainworker.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QVector>

#include <chrono>
#include <mutex>

namespace mf {

class CompressionJob;

/// Lives on the CompressController's thread: runs one CompressionJob, then measures the source
/// and every variant for the report, all off the GUI thread. Training steps of the variants are
/// batched as TrainWorker batches them.
class CompressWorker : public QObject, private TrainerObserver
{
    Q_OBJECT
public:
    static constexpr int kEmitIntervalMs = 200;

    explicit CompressWorker(QString workspaceDir);
    ~CompressWorker() override;

    /// Thread-safe. Stops the variant in training; a request while nothing runs is dropped.
    void requestStop();
    /// Thread-safe; called before run() is queued so that a Cancel during loading applies.
    void expectJob();

public Q_SLOTS:
    void run(const mf::CompressSettings &settings);
    /// A student model spec of about an eighth of `runId`'s parameters (studentSuggested).
    void suggestStudent(qint64 runId);

Q_SIGNALS:
    /// A training variant began (`index` counts every variant from 0, of `count`).
    void variantStarted(int index, int count, const QString &technique);
    void steps(const QVector<mf::StepMetrics> &steps);
    void epochEnded(const mf::EpochMetrics &epoch);
    /// The variants exist; the models are being timed and evaluated for the report.
    void measuring();
    /// `report` measures the source and the completed variants; `variantRuns` are the runs made (a
    /// stopped one included); `stopped`: a Cancel ended the variant in training.
    void finished(const mf::SharedReport &report, const QVector<qint64> &variantRuns, bool stopped);
    void failed(const QString &reason);
    void studentSuggested(qint64 runId, const QByteArray &spec, qint64 teacherParameters,
                          qint64 studentParameters);
    void suggestionFailed(qint64 runId, const QString &reason);

private:
    void onStep(const StepMetrics &step) override;
    void onEpoch(const EpochMetrics &epoch) override;
    void setJob(CompressionJob *job);

    QString m_workspaceDir;
    StepBatcher m_steps{[this](const QVector<StepMetrics> &batch) { Q_EMIT steps(batch); },
                        std::chrono::milliseconds(kEmitIntervalMs)};
    QStringList m_training; ///< the training variants, in the order the job makes them
    int m_variantCount = 0;
    int m_trainingIndex = -1;
    std::mutex m_mutex; // guards the three below against the GUI thread's stop
    CompressionJob *m_job = nullptr;
    bool m_expected = false;
    bool m_stopRequested = false;
};

} // namespace mf
