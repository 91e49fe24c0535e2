#include "app/gui/train/stepbatcher.h"

namespace mf {

StepBatcher::StepBatcher(Send send, std::chrono::milliseconds interval)
    : m_send(std::move(send)), m_interval(interval), m_lastSend(std::chrono::steady_clock::now())
{
}

void StepBatcher::reset()
{
    m_pending.clear();
    m_lastSend = std::chrono::steady_clock::now();
}

void StepBatcher::add(const StepMetrics &step)
{
    m_pending.append(step);
    if (std::chrono::steady_clock::now() - m_lastSend >= m_interval)
        flush();
}

void StepBatcher::flush()
{
    m_lastSend = std::chrono::steady_clock::now();
    if (m_pending.isEmpty())
        return;
    m_send(m_pending);
    m_pending.clear();
}

} // namespace mf
