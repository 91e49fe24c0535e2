#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include "core/dist/distenvironment.h"

#include <torch/torch.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace mf {

/// A collective operation in flight; wait() blocks until it is done on this rank and throws
/// mf::Error when it failed (a peer died, or the group's timeout passed).
class PendingCollective
{
public:
    PendingCollective() = default;
    explicit PendingCollective(std::function<void()> wait) : m_wait(std::move(wait)) {}
    void wait();
    bool pending() const { return static_cast<bool>(m_wait); }

private:
    std::function<void()> m_wait;
};

/// The one place that touches PyTorch's c10d: a TCPStore rendezvous and process groups over
/// it: Gloo for CPU tensors, and NCCL for CUDA tensors where this LibTorch has it
/// (forTensorsOn()). Its signatures differ between LibTorch 1.13 and 2.x (ProcessGroup vs
/// Backend); everything else in core/dist sees only this class.
class Collectives : public std::enable_shared_from_this<Collectives>
{
public:
    /// Joins the job `environment` describes: rank 0 serves the TCPStore at MASTER_ADDR:
    /// MASTER_PORT, every rank connects to it and builds the group. `timeout` bounds the
    /// rendezvous and every collective: a rank that died or hangs makes the others fail within
    /// it instead of waiting for ever. While rank 0 waits for the others to arrive it asks
    /// `abandoned` (when given) every few milliseconds, and gives up at once when it says so (a
    /// worker it started has ended). mf::Error when the rendezvous fails or is abandoned.
    static std::shared_ptr<Collectives> connect(const DistEnvironment &environment,
                                                std::chrono::milliseconds timeout,
                                                const std::function<bool()> &abandoned = {});
    virtual ~Collectives() = default;

    int rank() const { return m_rank; }
    int worldSize() const { return m_worldSize; }
    /// This rank's index among the ranks on its machine (LOCAL_RANK): its CUDA device.
    int localRank() const { return m_localRank; }
    /// "gloo" or "nccl"
    const std::string &backend() const { return m_backend; }

    /// Whether this build can reduce CUDA tensors through NCCL (a LibTorch built with it, and
    /// MODELFORGE_NCCL found at configure time).
    static bool ncclBuilt();
    /// The group for tensors on `device`: this one for the CPU; for CUDA, an NCCL group over the
    /// same rendezvous where ncclBuilt() (made on the first call, which every rank must make),
    /// otherwise this Gloo group (its all-reduce and broadcast take CUDA tensors; its send and
    /// recv do not). Control values (losses, stop requests, stage cuts) stay on the CPU group.
    virtual std::shared_ptr<Collectives> forTensorsOn(const torch::Device &device);

    /// Sums `tensor` over the ranks, in place, in the background.
    virtual PendingCollective allreduceSum(torch::Tensor tensor) = 0;
    /// Copies rank `root`'s `tensor` into every rank's, in place.
    virtual void broadcast(torch::Tensor tensor, int root) = 0;
    /// Returns when every rank has reached it.
    virtual void barrier() = 0;
    /// Sends `tensor` (contiguous) to rank `to`, matched by `tag` with its recv(); returns when it
    /// has left.
    void send(torch::Tensor tensor, int to, int tag)
    {
        sendAsync(std::move(tensor), to, tag).wait();
    }
    /// The same in the background: Gloo's send completes only once the receiver has posted its
    /// recv, so a pipeline whose stages send to each other at once must not wait on it there.
    virtual PendingCollective sendAsync(torch::Tensor tensor, int to, int tag) = 0;
    /// Receives into `tensor` (contiguous, of the sent shape and type) from rank `from`.
    virtual void recv(torch::Tensor tensor, int from, int tag) = 0;

protected:
    Collectives(int rank, int worldSize, int localRank, std::string backend)
        : m_rank(rank), m_worldSize(worldSize), m_localRank(localRank),
          m_backend(std::move(backend))
    {
    }

private:
    int m_rank;
    int m_worldSize;
    int m_localRank;
    std::string m_backend;
};

} // namespace mf
