#include "app/cli/stopsignals.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <pthread.h>

namespace mf::cli {

namespace {

sigset_t stopSet()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGUSR2); // private wake-up used by the destructor
    return set;
}

} // namespace

StopSignals::StopSignals()
{
    sigset_t set = stopSet();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    m_waiter = std::thread([this] { wait(); });
}

StopSignals::~StopSignals()
{
    pthread_kill(m_waiter.native_handle(), SIGUSR2);
    m_waiter.join();
    sigset_t set = stopSet();
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

void StopSignals::setHandler(std::function<void()> handler)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_handler = std::move(handler);
}

void StopSignals::wait()
{
    const sigset_t set = stopSet();
    bool stopping = false;
    for (;;) {
        int signal = 0;
        if (sigwait(&set, &signal) != 0 || signal == SIGUSR2)
            return;
        std::function<void()> handler;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            handler = m_handler;
        }
        // Nothing to stop cleanly, or a second Ctrl-C: end now. A run left RUNNING is marked
        // INTERRUPTED the next time the store is opened.
        if (!handler || stopping)
            std::_Exit(128 + signal);
        stopping = true;
        std::fprintf(
            stderr,
            "\nStopping after the current batch and keeping a checkpoint of it (again to quit at "
            "once)...\n");
        handler();
    }
}

} // namespace mf::cli
