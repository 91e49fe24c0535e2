#include "app/gui/train/processusage.h"

#include <QFile>
#include <QList>
#include <QThread>

#include <unistd.h>

namespace mf {

ProcessUsage::ProcessUsage()
{
    m_haveTicks = readCpuTicks(m_lastTicks);
    m_clock.start();
}

int ProcessUsage::coreCount()
{
    return QThread::idealThreadCount();
}

ProcessUsage::Sample ProcessUsage::sample()
{
    const qint64 elapsedMs = m_clock.elapsed();
    if (elapsedMs >= kMinWindowMs || !m_haveTicks) {
        std::int64_t ticks = 0;
        const bool read = readCpuTicks(ticks);
        if (read && m_haveTicks) {
            const double seconds = double(ticks - m_lastTicks) / double(sysconf(_SC_CLK_TCK));
            m_cpuPercent = 100.0 * seconds / (double(elapsedMs) / 1000.0);
            m_cpuKnown = true;
        }
        m_lastTicks = ticks;
        m_haveTicks = read;
        m_clock.restart();
    }
    Sample s;
    s.cpuKnown = m_cpuKnown;
    s.cpuPercent = m_cpuPercent;
    s.residentBytes = readResidentBytes();
    return s;
}

bool ProcessUsage::readCpuTicks(std::int64_t &ticks)
{
    QFile file(QStringLiteral("/proc/self/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = file.readAll();
    // The command name (field 2) may hold spaces; the fields after its closing ')' are fixed.
    const int close = line.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // After ')': state is index 0, so utime (field 14) is index 11 and stime index 12.
    if (fields.size() < 13)
        return false;
    bool okUser = false, okSystem = false;
    ticks = fields[11].toLongLong(&okUser) + fields[12].toLongLong(&okSystem);
    return okUser && okSystem;
}

std::int64_t ProcessUsage::readResidentBytes()
{
    QFile file(QStringLiteral("/proc/self/statm"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readAll().split(' ');
    if (fields.size() < 2)
        return 0;
    return fields[1].toLongLong() * std::int64_t(sysconf(_SC_PAGESIZE));
}

} // namespace mf
