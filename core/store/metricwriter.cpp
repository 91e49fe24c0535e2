#include "core/store/metricwriter.h"

#include "core/store/runstore.h"

#include <algorithm>

namespace mf {

MetricWriter::MetricWriter(RunStore &store, std::int64_t runId, std::size_t batchSize)
    : m_store(store), m_runId(runId), m_batchSize(std::max<std::size_t>(batchSize, 1))
{
    m_buffer.reserve(std::min<std::size_t>(m_batchSize, 65536));
}

MetricWriter::~MetricWriter()
{
    if (m_buffer.empty())
        return;
    try {
        flush();
    } catch (...) {
        // A destructor must not throw; whoever needs to know calls flush() first.
    }
}

void MetricWriter::add(MetricPoint point)
{
    m_buffer.push_back(std::move(point));
    if (m_buffer.size() >= m_batchSize)
        flush();
}

void MetricWriter::flush()
{
    if (!m_buffer.empty()) {
        m_store.appendMetrics(m_runId, m_buffer);
        m_buffer.clear(); // only once written: a failed flush keeps the points for a retry
    }
    m_store.heartbeat(m_runId);
}

} // namespace mf
