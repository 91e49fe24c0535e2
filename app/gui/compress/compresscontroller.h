#pragma once

#include "app/gui/compress/compresssettings.h"
#include "app/gui/train/trainworker.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QVector>

namespace mf {

class CompressWorker;

/// Runs compression off the GUI thread: one QThread whose CompressWorker drives the core
/// CompressionJob and measures the report. Every call returns at once; results arrive as queued
/// signals carrying plain values.
class CompressController : public QObject
{
    Q_OBJECT
public:
    explicit CompressController(const QString &workspaceDir, QObject *parent = nullptr);
    ~CompressController() override; ///< stops a job in progress and waits for the thread

    QString workspaceDir() const { return m_workspaceDir; }
    /// Only while idle.
    bool setWorkspaceDir(const QString &dir);
    bool isBusy() const { return m_busy; }
    bool isStopping() const { return m_stopping; }

    /// False (and nothing happens) while a job runs.
    bool start(const CompressSettings &settings);
    void stop();
    void suggestStudent(qint64 runId);

Q_SIGNALS:
    void busyChanged(bool busy);
    void variantStarted(int index, int count, const QString &technique);
    void steps(const QVector<mf::StepMetrics> &steps);
    void epochEnded(const mf::EpochMetrics &epoch);
    void measuring();
    void finished(const mf::SharedReport &report, const QVector<qint64> &variantRuns, bool stopped);
    void failed(const QString &reason);
    void studentSuggested(qint64 runId, const QByteArray &spec, qint64 teacherParameters,
                          qint64 studentParameters);
    void suggestionFailed(qint64 runId, const QString &reason);

private:
    void createWorker();
    void setBusy(bool busy);

    QString m_workspaceDir;
    QThread m_thread;
    CompressWorker *m_worker = nullptr;
    bool m_busy = false;
    bool m_stopping = false;
};

} // namespace mf
