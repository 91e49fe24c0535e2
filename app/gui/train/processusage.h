#pragma once

#include <QElapsedTimer>

#include <cstdint>

namespace mf {

/// CPU load and resident memory of this process, sampled from /proc on Linux.
class ProcessUsage
{
public:
    struct Sample
    {
        bool valid = false;
        double cpuPercent = 0.0; ///< of one core, as top shows it (200% = two cores busy)
        std::int64_t residentBytes = 0;
    };

    ProcessUsage();
    /// CPU load since the previous call (or construction) and the current resident size.
    Sample sample();
    static int coreCount();

private:
    static bool readCpuTicks(std::int64_t &ticks);
    static std::int64_t readResidentBytes();

    QElapsedTimer m_clock;
    std::int64_t m_lastTicks = 0;
    bool m_haveTicks = false;
};

} // namespace mf
