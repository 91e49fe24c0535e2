#pragma once

#include "core/store/runrecord.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mf {

class RunStore;

/// Buffers metric points and writes them in batched transactions; the single metric writer of a
/// run. Not thread-safe: owned by the thread that trains.
class MetricWriter
{
public:
    MetricWriter(RunStore &store, std::int64_t runId, std::size_t batchSize = 4096);
    ~MetricWriter(); ///< flushes
    void add(MetricPoint point);
    /// Writes everything buffered in one transaction and refreshes the run's heartbeat.
    void flush();
    std::size_t pending() const { return m_buffer.size(); }

private:
    RunStore &m_store;
    std::int64_t m_runId;
    std::size_t m_batchSize;
    std::vector<MetricPoint> m_buffer;
};

} // namespace mf
