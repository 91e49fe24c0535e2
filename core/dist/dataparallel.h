#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/dist/collectives.h"
#include "core/dist/gradientreducer.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace mf {

/// What a Trainer needs to be one rank of a data-parallel job: every rank holds the whole model,
/// trains on its shard of each epoch (shardOf()) and averages gradients with the others
/// (GradientReducer) before its optimiser step, so that the ranks' weights stay equal. Only
/// rank 0 (the leader) records the run and writes checkpoints.
class DataParallel
{
public:
    explicit DataParallel(std::shared_ptr<Collectives> collectives,
                          GradientBucketing bucketing = {});

    int rank() const { return m_collectives->rank(); }
    int worldSize() const { return m_collectives->worldSize(); }
    int localRank() const { return m_collectives->localRank(); }
    bool leader() const { return rank() == 0; }
    /// The backend that carries the model's tensors: "gloo", or "nccl" once useDevice() chose
    /// it for CUDA.
    const std::string &backend() const { return m_tensors->backend(); }

    /// The model trains on `device`: its parameters and gradients go through the group for
    /// tensors there (Collectives::forTensorsOn). Every rank calls it, before broadcastModule().
    void useDevice(const torch::Device &device);

    /// Copies rank 0's parameters and buffers (batch-norm statistics) into every rank's
    /// `module`, one flat broadcast per dtype.
    void broadcastModule(torch::nn::Module &module);
    /// A reducer for `parameters` (hooks them until it is destroyed).
    std::unique_ptr<GradientReducer> reducer(std::vector<torch::Tensor> parameters) const;

    /// Sums `local` over the ranks, its gradient in backward too (allReduceSumWithGradient): the
    /// reducer of synchronised batch norm.
    torch::Tensor sumWithGradient(const torch::Tensor &local) const;

    /// Sums each of `values` over the ranks (one all-reduce), in place.
    void sum(std::vector<double> &values);
    void barrier() { m_collectives->barrier(); }

private:
    std::shared_ptr<Collectives> m_collectives; ///< CPU tensors: the metrics
    std::shared_ptr<Collectives> m_tensors;     ///< the model's
    GradientBucketing m_bucketing;
};

} // namespace mf
