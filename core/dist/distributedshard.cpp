#include "core/dist/distributedshard.h"

#include "core/util/error.h"

namespace mf {

std::int64_t shardSize(std::int64_t samples, int worldSize)
{
    return worldSize > 0 ? (samples + worldSize - 1) / worldSize : samples;
}

torch::Tensor shardOf(const torch::Tensor &order, int rank, int worldSize)
{
    if (worldSize < 1 || rank < 0 || rank >= worldSize)
        throw ConfigError("rank " + std::to_string(rank) + " of " + std::to_string(worldSize) +
                          " does not exist");
    if (worldSize == 1)
        return order;
    const std::int64_t length = order.size(0);
    if (length == 0)
        return order;
    const std::int64_t padded = shardSize(length, worldSize) * worldSize;
    torch::Tensor full = order;
    while (full.size(0) < padded)
        full = torch::cat({full, order.narrow(0, 0, std::min(length, padded - full.size(0)))});
    return full.slice(0, rank, padded, worldSize).contiguous();
}

} // namespace mf
