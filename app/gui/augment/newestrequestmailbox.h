#pragma once

#include <QMutex>
#include <QMutexLocker>

#include <optional>
#include <utility>

namespace mf {

/// Holds the newest request for a worker that renders one at a time: a request put while
/// another is waiting replaces it, so a burst of edits costs one render after the current one.
/// put() says when the worker must be asked to drain (nothing was scheduled yet); the worker
/// then calls take() until it returns nothing. Thread-safe.
template <typename Request> class NewestRequestMailbox
{
public:
    /// Stores `request` in place of any not yet taken. True when the caller has to schedule a
    /// drain; false when one is already scheduled and will see this request.
    bool put(Request request)
    {
        QMutexLocker locker(&m_mutex);
        m_pending = std::move(request);
        if (m_scheduled)
            return false;
        m_scheduled = true;
        return true;
    }

    /// The newest request, or nothing; after nothing, the next put() schedules a drain again.
    std::optional<Request> take()
    {
        QMutexLocker locker(&m_mutex);
        std::optional<Request> request = std::move(m_pending);
        m_pending.reset();
        if (!request)
            m_scheduled = false;
        return request;
    }

private:
    QMutex m_mutex;
    std::optional<Request> m_pending;
    bool m_scheduled = false;
};

} // namespace mf
