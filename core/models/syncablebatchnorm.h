#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <iosfwd>

namespace mf {

/// The models' 2-d batch norm: torch::nn::BatchNorm2d's parameters, buffers, names and
/// arithmetic, whose training statistics can also span every rank of a data-parallel job, as
/// PyTorch's SyncBatchNorm's do. Without a reducer (a single process, or a job that keeps
/// statistics per rank) it runs batch norm's own kernel. With one, a training forward sums each
/// channel's values, squares and count over the ranks through it, normalises by the job's mean
/// and variance and updates the running statistics with them, so that every rank's step equals
/// one process's on the union of their batches.
///
/// Its own module rather than a subclass of LibTorch's: LibTorch does not export the pieces a
/// subclass of BatchNorm2dImpl links against.
class SyncableBatchNorm2dImpl : public torch::nn::Cloneable<SyncableBatchNorm2dImpl>
{
public:
    /// Sums a tensor over the ranks, its gradient too (allReduceSumWithGradient).
    using StatsReducer = std::function<torch::Tensor(const torch::Tensor &)>;

    explicit SyncableBatchNorm2dImpl(std::int64_t channels);
    explicit SyncableBatchNorm2dImpl(const torch::nn::BatchNormOptions &options);

    void reset() override;
    torch::Tensor forward(const torch::Tensor &input);
    /// "mf::SyncableBatchNorm2d(16, eps=1e-05, momentum=0.1, affine=true, ...)"
    void pretty_print(std::ostream &stream) const override;

    /// Empty: per-process statistics.
    void setStatsReducer(StatsReducer reducer) { m_reducer = std::move(reducer); }
    bool synchronised() const { return static_cast<bool>(m_reducer); }

    torch::nn::BatchNormOptions options;
    torch::Tensor weight;
    torch::Tensor bias;
    torch::Tensor running_mean;
    torch::Tensor running_var;
    torch::Tensor num_batches_tracked;

private:
    /// The running statistics' weight of this batch's (momentum, or a cumulative average);
    /// counts the batch.
    double nextAverageFactor();
    torch::Tensor synchronisedForward(const torch::Tensor &input);

    StatsReducer m_reducer;
};

TORCH_MODULE(SyncableBatchNorm2d);

/// Gives every SyncableBatchNorm2d in `module` `reducer` (empty: per-process statistics);
/// returns how many it found.
int setBatchNormReducer(torch::nn::Module &module,
                        const SyncableBatchNorm2dImpl::StatsReducer &reducer);

} // namespace mf
