#include "core/dist/collectives.h"

#include "core/util/error.h"

#include <torch/version.h>

// The c10d headers declare ProcessGroupGloo only for builds that have it; LibTorch 1.13 and 2.x
// (Debian's and PyTorch's wheels alike) are built with Gloo.
#ifndef USE_C10D_GLOO
#define USE_C10D_GLOO 1
#endif
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
// MODELFORGE_NCCL: CMake found ProcessGroupNCCL.hpp in this LibTorch and nccl.h beside it.
#ifdef MODELFORGE_NCCL
#ifndef USE_C10D_NCCL
#define USE_C10D_NCCL 1
#endif
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <cstdlib>
#include <mutex>
#include <thread>

namespace mf {

namespace {

std::string reasonOf(const std::exception &error)
{
    if (const auto *torchError = dynamic_cast<const c10::Error *>(&error))
        return torchError->what_without_backtrace();
    return error.what();
}

/// Waits for `work`, turning c10d's failure into an mf::Error that says what it means here.
void waitFor(const c10::intrusive_ptr<c10d::Work> &work, int rank, const char *what)
{
    try {
        work->wait();
    } catch (const std::exception &error) {
        throw Error(std::string("rank ") + std::to_string(rank) + ": the " + what +
                    " with the other ranks failed (a worker died, stopped responding or left "
                    "the job): " +
                    reasonOf(error));
    }
}

bool isLoopback(const std::string &address)
{
    return address == "localhost" || address.rfind("127.", 0) == 0 || address == "::1";
}

/// The network interface Gloo talks through, as torch.distributed picks it: the one
/// GLOO_SOCKET_IFNAME names, loopback for a job on one machine, otherwise the one this host's
/// name resolves to.
std::shared_ptr<::gloo::transport::Device> glooDevice(const std::string &masterAddress)
{
    if (const char *interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface)
        return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
    if (isLoopback(masterAddress))
        return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

// What every c10d group derives from, and what its collectives are called on: the process
// group in LibTorch 1.13, the backend under it in 2.x.
#if TORCH_VERSION_MAJOR >= 2
using Group = c10d::Backend;
#else
using Group = c10d::ProcessGroup;
#endif

class GroupCollectives final : public Collectives
{
public:
    GroupCollectives(c10::intrusive_ptr<c10d::Store> store, c10::intrusive_ptr<Group> group,
                     const DistEnvironment &environment, std::chrono::milliseconds timeout,
                     std::string backend)
        : Collectives(environment.rank, environment.worldSize, environment.localRank,
                      std::move(backend)),
          m_store(std::move(store)), m_group(std::move(group)), m_environment(environment),
          m_timeout(timeout)
    {
    }

    std::shared_ptr<Collectives> forTensorsOn(const torch::Device &device) override
    {
        if (!device.is_cuda() || !ncclBuilt())
            return shared_from_this();
        std::lock_guard<std::mutex> lock(m_cudaMutex);
        if (!m_cuda)
            m_cuda = ncclGroup();
        return m_cuda;
    }

    PendingCollective allreduceSum(torch::Tensor tensor) override
    {
        std::vector<torch::Tensor> tensors{std::move(tensor)};
        c10::intrusive_ptr<c10d::Work> work;
        try {
            work = m_group->allreduce(tensors);
        } catch (const std::exception &error) {
            throw Error("rank " + std::to_string(rank()) +
                        ": an all-reduce could not start: " + reasonOf(error));
        }
        const int self = rank();
        return PendingCollective([work, self] { waitFor(work, self, "all-reduce"); });
    }

    void broadcast(torch::Tensor tensor, int root) override
    {
        std::vector<torch::Tensor> tensors{std::move(tensor)};
        c10d::BroadcastOptions options;
        options.rootRank = root;
        waitFor(m_group->broadcast(tensors, options), rank(), "broadcast");
    }

    void barrier() override { waitFor(m_group->barrier(), rank(), "barrier"); }

    PendingCollective sendAsync(torch::Tensor tensor, int to, int tag) override
    {
        std::vector<torch::Tensor> tensors{std::move(tensor)};
        c10::intrusive_ptr<c10d::Work> work;
        try {
            work = m_group->send(tensors, to, tag);
        } catch (const std::exception &error) {
            throw Error("rank " + std::to_string(rank()) +
                        ": a send could not start: " + reasonOf(error));
        }
        const int self = rank();
        // The work keeps the tensor alive until it has left.
        return PendingCollective([work, self] { waitFor(work, self, "send"); });
    }

    void recv(torch::Tensor tensor, int from, int tag) override
    {
        std::vector<torch::Tensor> tensors{std::move(tensor)};
        waitFor(m_group->recv(tensors, from, tag), rank(), "receive");
    }

private:
    std::shared_ptr<Collectives> ncclGroup()
    {
#ifdef MODELFORGE_NCCL
        try {
            // Its own keys in the same store: the groups' rendezvous must not meet.
            auto store = c10::make_intrusive<c10d::PrefixStore>("nccl", m_store);
            auto options = c10d::ProcessGroupNCCL::Options::create();
            options->timeout = m_timeout;
            c10::intrusive_ptr<Group> group =
                c10::make_intrusive<c10d::ProcessGroupNCCL>(store, rank(), worldSize(), options);
            return std::make_shared<GroupCollectives>(std::move(store), std::move(group),
                                                      m_environment, m_timeout, "nccl");
        } catch (const std::exception &error) {
            throw Error("rank " + std::to_string(rank()) +
                        ": the NCCL group for CUDA tensors could not be made: " + reasonOf(error));
        }
#else
        return shared_from_this();
#endif
    }

    c10::intrusive_ptr<c10d::Store> m_store;
    c10::intrusive_ptr<Group> m_group;
    DistEnvironment m_environment;
    [[maybe_unused]] std::chrono::milliseconds m_timeout; ///< read by the NCCL group alone
    std::mutex m_cudaMutex;
    std::shared_ptr<Collectives> m_cuda;
};

} // namespace

bool Collectives::ncclBuilt()
{
#ifdef MODELFORGE_NCCL
    return true;
#else
    return false;
#endif
}

std::shared_ptr<Collectives> Collectives::forTensorsOn(const torch::Device &)
{
    return shared_from_this();
}

void PendingCollective::wait()
{
    if (!m_wait)
        return;
    const std::function<void()> wait = std::move(m_wait);
    m_wait = nullptr;
    wait();
}

namespace {

/// Every rank counts itself in under this key; rank 0 waits until all have.
const char *const kJoinedKey = "modelforge/joined";

/// Rank 0's wait for the other ranks to reach the store, asking `abandoned` as it goes. (c10d's
/// own wait, TCPStoreOptions::waitWorkers, cannot be interrupted.)
void awaitRanks(c10d::Store &store, int worldSize, std::chrono::milliseconds timeout,
                const std::function<bool()> &abandoned)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const std::int64_t joined = store.add(kJoinedKey, 0);
        if (joined >= worldSize)
            return;
        if (abandoned && abandoned())
            throw Error("abandoned while " + std::to_string(joined) + " of " +
                        std::to_string(worldSize) + " ranks had joined");
        if (std::chrono::steady_clock::now() > deadline)
            throw Error("only " + std::to_string(joined) + " of " + std::to_string(worldSize) +
                        " ranks joined within " + std::to_string(timeout.count() / 1000) + " s");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

} // namespace

std::shared_ptr<Collectives> Collectives::connect(const DistEnvironment &environment,
                                                  std::chrono::milliseconds timeout,
                                                  const std::function<bool()> &abandoned)
{
    const std::string where = environment.describe();
    try {
        c10d::TCPStoreOptions storeOptions;
        storeOptions.port = static_cast<std::uint16_t>(environment.masterPort);
        storeOptions.isServer = environment.rank == 0;
        storeOptions.numWorkers = static_cast<std::size_t>(environment.worldSize);
        storeOptions.waitWorkers = false;
        storeOptions.timeout = timeout;
        auto store = c10::make_intrusive<c10d::TCPStore>(environment.masterAddress, storeOptions);
        store->add(kJoinedKey, 1);
        if (environment.rank == 0)
            awaitRanks(*store, environment.worldSize, timeout, abandoned);

        auto options = c10d::ProcessGroupGloo::Options::create();
        options->timeout = timeout;
        options->devices.push_back(glooDevice(environment.masterAddress));
        c10::intrusive_ptr<Group> group = c10::make_intrusive<c10d::ProcessGroupGloo>(
            store, environment.rank, environment.worldSize, options);
        return std::make_shared<GroupCollectives>(std::move(store), std::move(group), environment,
                                                  timeout, "gloo");
    } catch (const std::exception &error) {
        throw Error("The rendezvous of " + where + " failed: " + reasonOf(error));
    }
}

} // namespace mf
