#pragma once

#include <functional>
#include <thread>

namespace mf::cli {

/// Turns SIGINT/SIGTERM into a call of `onStop` on a dedicated thread (sigwait), so a
/// Ctrl-C ends a training run cleanly as STOPPED with its last checkpoint. Construct it before
/// any other thread starts: the signals are blocked in the constructing thread and inherited.
class StopSignals
{
public:
    explicit StopSignals(std::function<void()> onStop);
    ~StopSignals();
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

private:
    std::thread m_waiter;
};

} // namespace mf::cli
