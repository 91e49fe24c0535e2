#include "app/gui/augment/previewworker.h"

#include "app/gui/augment/previewrendering.h"

namespace mf {

PreviewWorker::PreviewWorker(QObject *parent) : QObject(parent) {}

PreviewWorker::~PreviewWorker() = default;

void PreviewWorker::submit(PreviewRequest request)
{
    if (m_mailbox.put(std::move(request)))
        QMetaObject::invokeMethod(this, &PreviewWorker::renderPending, Qt::QueuedConnection);
}

void PreviewWorker::renderPending()
{
    while (std::optional<PreviewRequest> request = m_mailbox.take())
        Q_EMIT rendered(renderPreview(*request));
}

} // namespace mf
