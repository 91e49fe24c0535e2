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

StopSignals::StopSignals(std::function<void()> onStop)
{
    sigset_t set = stopSet();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    m_waiter = std::thread([set, onStop = std::move(onStop)] {
        bool stopping = false;
        for (;;) {
            int signal = 0;
            if (sigwait(&set, &signal) != 0 || signal == SIGUSR2)
                return;
            if (stopping) {
                // A second Ctrl-C means now; the store marks the run INTERRUPTED next time.
                std::_Exit(128 + signal);
            }
            stopping = true;
            std::fprintf(stderr, "\nStopping after the current batch (again to quit at once)...\n");
            onStop();
        }
    });
}

StopSignals::~StopSignals()
{
    pthread_kill(m_waiter.native_handle(), SIGUSR2);
    m_waiter.join();
    sigset_t set = stopSet();
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

} // namespace mf::cli
