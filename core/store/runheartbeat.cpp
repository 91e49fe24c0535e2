#include "core/store/runheartbeat.h"

#include "core/store/runstore.h"

#include <exception>
#include <memory>

namespace mf {

RunHeartbeat::RunHeartbeat(std::string databasePath, std::int64_t runId,
                           std::chrono::milliseconds interval)
    : m_databasePath(std::move(databasePath)), m_runId(runId), m_interval(interval),
      m_thread([this] { beat(); })
{
}

RunHeartbeat::~RunHeartbeat()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void RunHeartbeat::beat()
{
    std::unique_ptr<RunStore> store;
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_wake.wait_for(lock, m_interval, [this] { return m_stopping; })) {
        lock.unlock();
        try {
            if (!store)
                store = std::make_unique<RunStore>(m_databasePath);
            store->heartbeat(m_runId);
        } catch (const std::exception &) {
            store.reset(); // reopened for the next beat
        }
        lock.lock();
    }
}

} // namespace mf
