#pragma once

#include "core/roi/measuredrun.h"

#include <QList>
#include <QObject>
#include <QString>

#include <vector>

class QThread;

namespace mf {

/// Measures runs for "Fill from run" (measureRun(): training time, latency, throughput and the
/// confusion matrix) on a thread of its own, one batch at a time.
/// Threading: call from the GUI thread; the signals arrive on it.
class RunMeasurementWorker : public QObject
{
    Q_OBJECT
public:
    explicit RunMeasurementWorker(QObject *parent = nullptr);
    ~RunMeasurementWorker() override;

    bool busy() const { return m_thread != nullptr; }
    /// Measures `runIds` in order in the workspace `workspaceDir`; false while a batch runs.
    bool measure(const QList<qint64> &runIds, const QString &workspaceDir);

Q_SIGNALS:
    /// What is being measured now, in words.
    void progress(const QString &text);
    /// Every run measured, in the order asked.
    void measured(const std::vector<mf::roi::MeasuredRun> &runs);
    void failed(const QString &reason);

private:
    void finish(const std::vector<roi::MeasuredRun> &runs, const QString &reason);

    QThread *m_thread = nullptr;
};

} // namespace mf
