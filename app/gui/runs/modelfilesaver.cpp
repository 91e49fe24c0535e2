#include "app/gui/runs/modelfilesaver.h"

#include "core/deploy/modelbundle.h"

#include <QFileInfo>
#include <QPointer>
#include <QThread>

namespace mf {

ModelFileSaver::ModelFileSaver(QObject *parent) : QObject(parent) {}

ModelFileSaver::~ModelFileSaver()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool ModelFileSaver::save(qint64 runId, const QString &workspaceDir, const QString &path)
{
    if (m_thread)
        return false;
    QPointer<ModelFileSaver> self(this);
    m_thread = QThread::create([self, runId, workspaceDir, path] {
        QString precision, reason;
        try {
            SessionOptions options;
            options.workspaceDir = workspaceDir.toStdString();
            precision = QString::fromStdString(
                ModelBundle::exportRunTo(runId, options, path.toStdString()).precision);
        } catch (const std::exception &error) {
            reason = QString::fromUtf8(error.what());
        }
        const qint64 bytes = reason.isEmpty() ? QFileInfo(path).size() : 0;
        // The destructor waits for this thread, so `self` is alive here; the call is queued to
        // the saver's own thread.
        QMetaObject::invokeMethod(
            self.data(),
            [self, runId, path, precision, reason, bytes] {
                if (!self)
                    return;
                self->m_thread->wait();
                delete self->m_thread;
                self->m_thread = nullptr;
                if (reason.isEmpty())
                    Q_EMIT self->saved(runId, path, precision, bytes);
                else
                    Q_EMIT self->failed(runId, path, reason);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("model-file-saver"));
    m_thread->start();
    return true;
}

} // namespace mf
