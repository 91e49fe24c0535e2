#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace mf {

/// Refreshes a running run's heartbeat every `interval` from a thread of its own, whatever the
/// training loop is doing meanwhile (a validation pass, writing and hashing a checkpoint, a
/// slow step), so that another process never takes a live run for a dead one. It writes through
/// its own store connection (one per thread); a beat that fails (the store busy for longer than
/// its timeout) is skipped, the next one tries again.
class RunHeartbeat
{
public:
    static constexpr std::chrono::milliseconds kDefaultInterval{5000};

    RunHeartbeat(std::string databasePath, std::int64_t runId,
                 std::chrono::milliseconds interval = kDefaultInterval);
    ~RunHeartbeat(); ///< stops the thread and waits for it
    RunHeartbeat(const RunHeartbeat &) = delete;
    RunHeartbeat &operator=(const RunHeartbeat &) = delete;

private:
    void beat();

    std::string m_databasePath;
    std::int64_t m_runId;
    std::chrono::milliseconds m_interval;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace mf
