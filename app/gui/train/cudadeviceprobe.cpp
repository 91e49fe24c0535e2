#include "app/gui/train/cudadeviceprobe.h"

#include "core/train/environmentinfo.h"

#include <QPointer>
#include <QThread>

namespace mf {

CudaDeviceProbe::CudaDeviceProbe(std::function<int()> count, QObject *parent)
    : QObject(parent), m_count(count ? std::move(count) : std::function<int()>(cudaDeviceCount))
{
}

CudaDeviceProbe::~CudaDeviceProbe()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void CudaDeviceProbe::start()
{
    if (m_thread)
        return;
    QPointer<CudaDeviceProbe> self(this);
    m_thread = QThread::create([self, count = m_count] {
        int devices = 0;
        try {
            devices = count();
        } catch (...) {
            devices = 0; // a broken driver reads as no device; starting on CUDA then says why
        }
        // The destructor waits for this thread, so `self` is alive here; the call is queued to
        // the probe's own thread.
        QMetaObject::invokeMethod(
            self.data(),
            [self, devices] {
                if (!self)
                    return;
                self->m_finished = true;
                Q_EMIT self->counted(devices);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("cuda-device-probe"));
    m_thread->start();
}

} // namespace mf
