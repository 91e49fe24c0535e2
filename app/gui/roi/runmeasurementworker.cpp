#include "app/gui/roi/runmeasurementworker.h"

#include "core/deploy/runmeasurement.h"

#include <QPointer>
#include <QThread>

namespace mf {

RunMeasurementWorker::RunMeasurementWorker(QObject *parent) : QObject(parent) {}

RunMeasurementWorker::~RunMeasurementWorker()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool RunMeasurementWorker::measure(const QList<qint64> &runIds, const QString &workspaceDir)
{
    if (m_thread || runIds.isEmpty())
        return false;
    QPointer<RunMeasurementWorker> self(this);
    m_thread = QThread::create([self, runIds, workspaceDir] {
        std::vector<roi::MeasuredRun> runs;
        QString reason;
        SessionOptions options;
        options.workspaceDir = workspaceDir.toStdString();
        for (int i = 0; i < runIds.size() && reason.isEmpty(); ++i) {
            const QString text = tr("Measuring run #%1 (%2 of %3): training time, latency, "
                                    "throughput and the confusion matrix…")
                                     .arg(runIds[i])
                                     .arg(i + 1)
                                     .arg(runIds.size());
            // The destructor waits for this thread, so `self` is alive; queued to its thread.
            QMetaObject::invokeMethod(
                self.data(),
                [self, text] {
                    if (self)
                        Q_EMIT self->progress(text);
                },
                Qt::QueuedConnection);
            try {
                runs.push_back(measureRun(runIds[i], options));
            } catch (const std::exception &error) {
                reason = tr("Run #%1 could not be measured: %2")
                             .arg(runIds[i])
                             .arg(QString::fromUtf8(error.what()));
            }
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, runs, reason] {
                if (self)
                    self->finish(runs, reason);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("roi-run-measurement"));
    m_thread->start();
    return true;
}

void RunMeasurementWorker::finish(const std::vector<roi::MeasuredRun> &runs, const QString &reason)
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    if (reason.isEmpty())
        Q_EMIT measured(runs);
    else
        Q_EMIT failed(reason);
}

} // namespace mf
