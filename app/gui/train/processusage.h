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
        bool cpuKnown = false;
        double cpuPercent = 0.0;        ///< of one core, as top shows it (200% = two cores busy)
        std::int64_t residentBytes = 0; ///< 0 where /proc cannot be read
    };

    /// The kernel counts CPU time in clock ticks (10 ms on Linux): over a shorter window one tick
    /// more or less reads as a load of several cores.
    static constexpr int kMinWindowMs = 500;

    ProcessUsage();
    /// The current resident size and the CPU load over the last window of at least
    /// kMinWindowMs: a call sooner than that after the window began repeats the previous load
    /// (none yet on the first window).
    Sample sample();
    static int coreCount();

private:
    static bool readCpuTicks(std::int64_t &ticks);
    static std::int64_t readResidentBytes();

    QElapsedTimer m_clock;
    std::int64_t m_lastTicks = 0;
    bool m_haveTicks = false;
    bool m_cpuKnown = false;
    double m_cpuPercent = 0.0;
};

} // namespace mf
