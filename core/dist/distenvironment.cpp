#include "core/dist/distenvironment.h"

#include "core/util/error.h"

#include <cerrno>
#include <cstdlib>
#include <limits>

namespace mf {

namespace {

const char *const kVariables[] = {"RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT"};

int integerVariable(const char *name, const char *value, long low, long high)
{
    if (value == nullptr || *value == '\0')
        throw ConfigError(std::string("The distributed environment lacks ") + name +
                          " (RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT are all needed)");
    errno = 0;
    char *end = nullptr;
    const long parsed = std::strtol(value, &end, 10);
    if (errno != 0 || end == value || *end != '\0')
        throw ConfigError(std::string(name) + "=" + value + " is not a whole number");
    if (parsed < low || parsed > high)
        throw ConfigError(std::string(name) + "=" + value + " is outside " + std::to_string(low) +
                          ".." + std::to_string(high));
    return static_cast<int>(parsed);
}

} // namespace

std::optional<DistEnvironment>
DistEnvironment::read(const std::function<const char *(const char *)> &lookup)
{
    bool any = false;
    for (const char *name : kVariables)
        any = any || lookup(name) != nullptr;
    if (!any)
        return std::nullopt;
    DistEnvironment environment;
    constexpr long kMaxInt = std::numeric_limits<int>::max();
    environment.worldSize = integerVariable("WORLD_SIZE", lookup("WORLD_SIZE"), 1, kMaxInt);
    environment.rank = integerVariable("RANK", lookup("RANK"), 0, kMaxInt);
    if (environment.rank >= environment.worldSize)
        throw ConfigError("RANK=" + std::to_string(environment.rank) +
                          " but WORLD_SIZE=" + std::to_string(environment.worldSize) +
                          ": ranks count from 0 to WORLD_SIZE - 1");
    const char *local = lookup("LOCAL_RANK");
    environment.localRank =
        local != nullptr ? integerVariable("LOCAL_RANK", local, 0, kMaxInt) : environment.rank;
    const char *address = lookup("MASTER_ADDR");
    if (address == nullptr || *address == '\0')
        throw ConfigError("The distributed environment lacks MASTER_ADDR (RANK, WORLD_SIZE, "
                          "MASTER_ADDR and MASTER_PORT are all needed)");
    environment.masterAddress = address;
    environment.masterPort = integerVariable("MASTER_PORT", lookup("MASTER_PORT"), 1, 65535);
    return environment;
}

std::optional<DistEnvironment> DistEnvironment::fromProcess()
{
    return read([](const char *name) { return std::getenv(name); });
}

std::string DistEnvironment::describe() const
{
    return "rank " + std::to_string(rank) + " of " + std::to_string(worldSize) + " (local " +
           std::to_string(localRank) + "), rendezvous at " + masterAddress + ":" +
           std::to_string(masterPort);
}

} // namespace mf
