#pragma once

#include "core/train/trainevents.h"

#include <QVector>

#include <chrono>
#include <functional>

namespace mf {

/// Gathers a training thread's steps and hands them on in batches, at most once per interval,
/// so that a GUI thread gets a few updates a second however fast the steps come.
class StepBatcher
{
public:
    using Send = std::function<void(const QVector<StepMetrics> &)>;

    StepBatcher(Send send, std::chrono::milliseconds interval);
    /// Drops what is pending and starts the interval anew (a new run).
    void reset();
    /// Adds `step`, and sends the batch when the interval has passed since the last send.
    void add(const StepMetrics &step);
    /// Sends what is pending now (at an epoch's end, before the run's last word).
    void flush();

private:
    Send m_send;
    std::chrono::milliseconds m_interval;
    QVector<StepMetrics> m_pending;
    std::chrono::steady_clock::time_point m_lastSend;
};

} // namespace mf
