#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/dist/collectives.h"
#include "core/dist/pipelineschedule.h"
#include "core/dist/stagepartition.h"

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace mf {

/// One synchronous pipeline step's figures, the same on every rank.
struct PipelineStepResult
{
    double loss = 0.0;        ///< the batch's mean loss
    std::int64_t correct = 0; ///< samples whose top class is their label
    bool stop = false;        ///< a rank was asked to stop: every rank stops after this step
};

/// What a Trainer needs to be one stage of a pipeline-parallel job (model parallelism, as in
/// GPipe): rank s holds a contiguous run of the Sequential model's layers and trains only
/// their parameters. Each batch is cut into micro-batches that run forward through the stages,
/// the activations sent to the next rank; then backward in reverse, the gradients of the
/// activations sent back (c10d send/recv). Each micro-batch's loss is weighted by its share of
/// the batch, so that a stage's gradients are those of the whole batch's mean loss: the step is
/// synchronous and equals one process training on the whole batch (unless the model has batch
/// norm, whose statistics are a micro-batch's, or dropout, whose masks are drawn per micro-batch).
///
/// Every rank builds the whole model; before validating or checkpointing, synchronize() gives
/// every rank every stage's weights.
class PipelineParallel
{
public:
    using Loss =
        std::function<torch::Tensor(const torch::Tensor &logits, const torch::Tensor &labels)>;

    /// `boundaries`: the first layer of stages 1..K-1, or empty to balance the stages by the
    /// layers' measured forward and backward time.
    PipelineParallel(std::shared_ptr<Collectives> collectives, int microBatches,
                     std::vector<std::size_t> boundaries = {},
                     PipelineSchedule schedule = PipelineSchedule::GPipe);

    int rank() const { return m_collectives->rank(); }
    int stages() const { return m_collectives->worldSize(); }
    bool leader() const { return rank() == 0; }
    int microBatches() const { return m_microBatches; }
    PipelineSchedule schedule() const { return m_schedule; }
    int localRank() const { return m_collectives->localRank(); }
    /// The backend that carries activations and weights: "gloo", or "nccl" once useDevice()
    /// chose it for CUDA.
    const std::string &backend() const { return m_tensors->backend(); }
    /// The model trains on `device`: activations, their gradients and weights go through the
    /// group for tensors there (Collectives::forTensorsOn). Every rank calls it, before plan().
    void useDevice(const torch::Device &device);

    /// Chooses the stages of `model` (rank 0 measures each layer on a micro-batch of `batch`
    /// when no boundaries were given, and tells the others) and copies rank 0's weights to
    /// every rank. mf::ConfigError for boundaries that do not fit the model.
    void plan(torch::nn::Sequential &model, const torch::Tensor &batch);
    const StageStarts &stageStarts() const { return m_starts; }
    /// "layers 0-3 | 4-7 (balanced by measured time: 2.1 ms | 1.9 ms)"
    const std::string &description() const { return m_description; }

    /// One step of the schedule on this rank's stage; leaves the gradients of its stage's
    /// parameters. Every rank passes the
    /// whole batch (the first stage reads its inputs, the last its labels) and whether it was
    /// asked to stop.
    PipelineStepResult step(torch::nn::Sequential &model, const torch::Tensor &inputs,
                            const torch::Tensor &labels, const Loss &loss, bool stopRequested);

    /// Gives every rank every stage's current parameters and buffers.
    void synchronize(torch::nn::Sequential &model);
    /// Gives rank 0's `optimizer` every stage's state (each stage's is kept by its rank, which
    /// alone steps those parameters), so that its checkpoint resumes the whole pipeline. Each
    /// other rank sends its optimiser, serialised; rank 0 loads it into `emptyLike()` (an
    /// optimiser of the same kind over the same parameters) and takes the state of that
    /// stage's parameters from it. Every rank calls it.
    void gatherOptimizerState(
        torch::nn::Sequential &model, torch::optim::Optimizer &optimizer,
        const std::function<std::unique_ptr<torch::optim::Optimizer>()> &emptyLike);
    void barrier() { m_collectives->barrier(); }

private:
    std::size_t stageEnd(int stage, std::size_t layers) const;
    torch::Tensor runStage(torch::nn::Sequential &model, torch::Tensor x) const;

    std::shared_ptr<Collectives> m_collectives; ///< CPU tensors: stage cuts, losses, stop
    std::shared_ptr<Collectives> m_tensors;     ///< the model's
    int m_microBatches;
    std::vector<std::size_t> m_boundaries;
    PipelineSchedule m_schedule;
    StageStarts m_starts;
    /// The shape of one sample's activation after each layer: what a stage receives.
    std::vector<std::vector<std::int64_t>> m_sampleShapes;
    std::string m_description;
};

} // namespace mf
