#include "app/gui/augment/previewworker.h"

#include "app/gui/augment/previewrendering.h"

#include <QMutexLocker>

namespace mf {

PreviewWorker::PreviewWorker(QObject *parent) : QObject(parent) {}

PreviewWorker::~PreviewWorker() = default;

void PreviewWorker::submit(PreviewRequest request)
{
    QMutexLocker locker(&m_mutex);
    m_pending = std::move(request);
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &PreviewWorker::renderPending, Qt::QueuedConnection);
}

void PreviewWorker::renderPending()
{
    for (;;) {
        PreviewRequest request;
        {
            QMutexLocker locker(&m_mutex);
            if (!m_pending) {
                m_scheduled = false;
                return;
            }
            request = std::move(*m_pending);
            m_pending.reset();
        }
        Q_EMIT rendered(renderPreview(request));
    }
}

} // namespace mf
