#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/dist/collectives.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace mf {

struct GradientBucketing
{
    /// PyTorch DDP's sizes: a small first bucket, so the first all-reduce starts early in the
    /// backward pass, then large ones, so that few calls carry the rest.
    std::int64_t firstBucketBytes = 1 << 20;
    std::int64_t bucketBytes = 25 << 20;
};

/// Averages the gradients of `parameters` over the ranks of a data-parallel job, bucketed and
/// overlapped with the backward pass as PyTorch's DDP reducer does: the parameters are grouped,
/// in reverse order (the order backward reaches them), into buckets of about
/// GradientBucketing's bytes; a hook on each parameter copies its gradient into its bucket's
/// flat buffer, and a bucket whose gradients are all in is summed over the ranks in the
/// background (buckets start in order, so that every rank issues the same collectives in the
/// same order). finish() waits for them and writes the averages into the parameters' .grad.
///
/// A parameter that gets no gradient in a step (frozen, or not used by this rank's forward)
/// counts as zero; the caller resets the gradients before each backward pass (a gradient left
/// from an earlier step would count again). A parameter that needed no gradient when the
/// reducer was made has no hook: its gradient is read in finish(), without overlap. Each parameter
/// may get one gradient per backward pass: one used twice in a forward is an mf::Error, since its
/// bucket may have left before the second one arrived.
class GradientReducer
{
public:
    GradientReducer(std::shared_ptr<Collectives> collectives, std::vector<torch::Tensor> parameters,
                    GradientBucketing bucketing = {});
    ~GradientReducer();
    GradientReducer(const GradientReducer &) = delete;
    GradientReducer &operator=(const GradientReducer &) = delete;

    /// The most values prepare() can share.
    static constexpr std::int64_t kSharedValues = 4;

    /// Before each backward pass. `shared` (at most kSharedValues) ride along with the last
    /// bucket, so that a step's loss and a stop request reach every rank without a collective
    /// of their own (float precision).
    void prepare(const std::vector<double> &shared = {});
    /// After it, before the optimiser step: every parameter's .grad holds the ranks' mean.
    /// Returns the ranks' mean of each value given to prepare().
    std::vector<double> finish();

    /// The parameter indices of each bucket, in the order they are reduced.
    std::vector<std::vector<std::size_t>> buckets() const;

private:
    struct Bucket
    {
        std::vector<std::size_t> parameters;
        std::vector<std::int64_t> offsets;
        torch::Tensor buffer;
        std::size_t missing = 0;
        PendingCollective reduction;
        bool launched = false;
    };

    void arrived(std::size_t parameter, const torch::Tensor &gradient);
    void launchReadyBuckets();
    void launch(Bucket &bucket);

    std::shared_ptr<Collectives> m_collectives;
    std::vector<torch::Tensor> m_parameters;
    std::vector<std::optional<unsigned>> m_hooks;
    std::vector<Bucket> m_buckets;
    std::vector<std::size_t> m_bucketOf;
    std::vector<std::int64_t> m_offsetOf;
    std::vector<bool> m_arrived;
    std::size_t m_nextLaunch = 0;
    std::size_t m_sharedCount = 0;
    std::mutex m_mutex; // autograd may call hooks of independent branches from its threads
};

} // namespace mf
