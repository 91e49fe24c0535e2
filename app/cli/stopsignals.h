#pragma once

#include <functional>
#include <mutex>
#include <thread>

namespace mf::cli {

/// Turns SIGINT/SIGTERM into a call of a handler on a dedicated thread (sigwait), so a Ctrl-C
/// ends a training run cleanly as STOPPED with its last checkpoint. main() constructs it before
/// anything else: the signals are blocked in the constructing thread, and only threads started
/// after that (LibTorch's OpenMP pool among them) inherit the mask, so that no thread takes the
/// default action of ending the process. While no handler is set, a signal ends the process at
/// once, as it would without this class; a second signal always does.
class StopSignals
{
public:
    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

    /// `handler` answers the next signal; an empty one goes back to ending the process.
    void setHandler(std::function<void()> handler);

private:
    void wait();

    std::mutex m_mutex;
    std::function<void()> m_handler;
    std::thread m_waiter;
};

/// Sets a handler for the lifetime of a scope.
class ScopedStopHandler
{
public:
    ScopedStopHandler(StopSignals &signals, std::function<void()> handler) : m_signals(signals)
    {
        m_signals.setHandler(std::move(handler));
    }
    ~ScopedStopHandler() { m_signals.setHandler({}); }
    ScopedStopHandler(const ScopedStopHandler &) = delete;
    ScopedStopHandler &operator=(const ScopedStopHandler &) = delete;

private:
    StopSignals &m_signals;
};

} // namespace mf::cli
