#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <cstdint>

namespace mf {

/// Samples per rank when `samples` are shared by `worldSize` ranks: ceil(samples / worldSize).
std::int64_t shardSize(std::int64_t samples, int worldSize);

/// Rank `rank`'s part of an epoch's sample order (a permutation the whole job draws alike from
/// the run's seed and the epoch, so each epoch reshuffles), cut as torch's DistributedSampler
/// cuts it without drop_last: the order is padded with its own first samples until its length
/// divides by `worldSize`, then rank r takes positions r, r + W, r + 2W, ... The shards are
/// disjoint apart from that padding (at most W - 1 samples seen twice an epoch) and cover the
/// order. Every rank gets shardSize() samples, so every rank cuts the same number of batches
/// of the same sizes, and so calls the same collectives: an uneven last batch is as short on
/// every rank, and the mean of the ranks' batch means is the mean over all their samples.
torch::Tensor shardOf(const torch::Tensor &order, int rank, int worldSize);

} // namespace mf
