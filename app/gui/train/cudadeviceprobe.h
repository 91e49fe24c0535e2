#pragma once

#include <QObject>

#include <functional>

class QThread;

namespace mf {

/// Counts the CUDA devices on a thread of its own: on a CUDA build the first query initialises
/// the driver, which can take seconds, and must not freeze the window while it does.
class CudaDeviceProbe : public QObject
{
    Q_OBJECT
public:
    /// `count` defaults to LibTorch's device count (tests pass their own).
    explicit CudaDeviceProbe(std::function<int()> count = {}, QObject *parent = nullptr);
    /// Waits for a count in progress.
    ~CudaDeviceProbe() override;

    /// Starts counting once; counted() follows on this object's thread.
    void start();
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void counted(int devices);

private:
    std::function<int()> m_count;
    QThread *m_thread = nullptr;
    bool m_finished = false;
};

} // namespace mf
