#pragma once
// A data-parallel job inside one test process: each rank a thread, over loopback Gloo.

#include "core/dist/collectives.h"
#include "core/dist/freeport.h"

#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace mf::testjob {

/// Runs `body(rank, collectives)` for ranks 0..world-1, each on its own thread as a rank of one
/// job; rethrows the first rank's exception, if any, once all have returned.
inline void runLocalJob(int world,
                        const std::function<void(int, std::shared_ptr<Collectives>)> &body)
{
    const int port = freeLoopbackPort();
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(world));
    std::vector<std::thread> threads;
    for (int rank = 0; rank < world; ++rank)
        threads.emplace_back([&, rank] {
            try {
                DistEnvironment environment;
                environment.rank = rank;
                environment.worldSize = world;
                environment.localRank = rank;
                environment.masterAddress = "127.0.0.1";
                environment.masterPort = port;
                body(rank, Collectives::connect(environment, std::chrono::seconds(60)));
            } catch (...) {
                errors[static_cast<std::size_t>(rank)] = std::current_exception();
            }
        });
    for (std::thread &thread : threads)
        thread.join();
    for (const std::exception_ptr &error : errors)
        if (error)
            std::rethrow_exception(error);
}

} // namespace mf::testjob
