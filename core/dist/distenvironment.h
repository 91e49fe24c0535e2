#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace mf {

/// Where one worker of a distributed job stands, read from the environment variables torchrun
/// sets (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT), so that the same binary runs
/// under torchrun, a scheduler's launcher, `modelforge-cli train --nproc N` or by hand on
/// several machines.
struct DistEnvironment
{
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    std::string masterAddress; ///< host name or address of rank 0's TCPStore
    int masterPort = 0;

    /// Reads the variables through `lookup` (null: not set). std::nullopt when none of them is
    /// set: a single process. mf::ConfigError naming the variable for a missing or bad value
    /// (MASTER_PORT missing or outside 1..65535, RANK >= WORLD_SIZE, a value that is not a
    /// number) once any of them is set.
    static std::optional<DistEnvironment>
    read(const std::function<const char *(const char *)> &lookup);
    /// read() on the process environment (std::getenv).
    static std::optional<DistEnvironment> fromProcess();

    /// "rank 1 of 2 (local 1), rendezvous at 127.0.0.1:29500"
    std::string describe() const;
};

} // namespace mf
