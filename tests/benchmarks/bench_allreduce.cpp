// Gradient all-reduce of data-parallel training (core/dist) on this machine: two ranks (this
// process and a child forked before torch starts a thread, one torch thread each) over loopback
// Gloo, on the Fashion-MNIST CNN's
// gradients (421,642 floats). Prints, median of timed repetitions after warm-up:
// - the gradient bytes in GradientReducer's buckets, all-reduced back to back, against one flat
//   all-reduce of the same bytes (bandwidth of each);
// - one training step's forward and backward pass alone, then with a flat all-reduce after the
//   backward pass, then with the bucketed reducer, whose buckets start during the backward pass.
#include "core/dist/collectives.h"
#include "core/dist/freeport.h"
#include "core/dist/gradientreducer.h"
#include "core/kernels/kernelplan.h"
#include "core/kernels/processormodel.h"
#include "core/models/modelfactory.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kWarmup = 5;
constexpr int kRounds = 40;

double medianMillis(mf::Collectives &collectives, const std::function<void()> &work)
{
    for (int i = 0; i < kWarmup; ++i)
        work();
    std::vector<double> samples;
    for (int i = 0; i < kRounds; ++i) {
        collectives.barrier();
        const auto start = Clock::now();
        work();
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

struct Figures
{
    double flat = 0, bucketed = 0, compute = 0, computeThenFlat = 0, overlapped = 0;
    std::int64_t bytes = 0;
    std::vector<std::int64_t> bucketBytes;
};

void rank(int rank, int port, torch::nn::Sequential model, Figures &figures)
{
    at::set_num_threads(1);
    mf::DistEnvironment environment;
    environment.rank = rank;
    environment.worldSize = 2;
    environment.masterAddress = "127.0.0.1";
    environment.masterPort = port;
    const auto collectives = mf::Collectives::connect(environment, std::chrono::seconds(60));
    const std::vector<torch::Tensor> parameters = model->parameters();
    std::int64_t floats = 0;
    for (const torch::Tensor &parameter : parameters)
        floats += parameter.numel();
    std::vector<std::int64_t> bucketFloats;
    for (const auto &bucket : mf::GradientReducer(collectives, parameters).buckets()) {
        std::int64_t size = 0;
        for (const std::size_t index : bucket)
            size += parameters[index].numel();
        bucketFloats.push_back(size);
    }
    torch::Tensor flat = torch::randn({floats});
    std::vector<torch::Tensor> buckets;
    for (const std::int64_t size : bucketFloats)
        buckets.push_back(torch::randn({size}));

    // Channels-last, as training on this machine chooses it: oneDNN's NCHW convolution of one
    // input channel takes a slow path here whose time varies from call to call.
    mf::applyLayout(*model, mf::TensorLayout::Nhwc);
    const torch::Tensor inputs =
        mf::inLayout(torch::randn({64, 1, 28, 28}), mf::TensorLayout::Nhwc);
    const torch::Tensor labels = torch::randint(0, 10, {64}, torch::kInt64);
    const auto backward = [&] {
        for (const torch::Tensor &parameter : parameters)
            const_cast<torch::Tensor &>(parameter).mutable_grad().reset();
        torch::nn::functional::cross_entropy(model->forward(inputs), labels).backward();
    };
    const auto flatReduce = [&] {
        std::vector<torch::Tensor> gradients;
        for (const torch::Tensor &parameter : parameters)
            gradients.push_back(parameter.grad().reshape({-1}));
        torch::Tensor joined = torch::cat(gradients);
        collectives->allreduceSum(joined).wait();
        joined.div_(2.0);
        std::int64_t offset = 0;
        for (const torch::Tensor &parameter : parameters) {
            const_cast<torch::Tensor &>(parameter).mutable_grad().copy_(
                joined.narrow(0, offset, parameter.numel()).view(parameter.sizes()));
            offset += parameter.numel();
        }
    };

    Figures measured;
    measured.bytes = floats * 4;
    for (const std::int64_t size : bucketFloats)
        measured.bucketBytes.push_back(size * 4);
    measured.flat = medianMillis(*collectives, [&] { collectives->allreduceSum(flat).wait(); });
    measured.bucketed = medianMillis(*collectives, [&] {
        std::vector<mf::PendingCollective> pending;
        for (const torch::Tensor &bucket : buckets)
            pending.push_back(collectives->allreduceSum(bucket));
        for (mf::PendingCollective &one : pending)
            one.wait();
    });
    // The three kinds of step alternate, round by round, so that a drift in the machine's
    // speed (the convolutions' times vary from run to run here) meets each alike.
    std::vector<double> compute, flatAfter, overlapped;
    const auto timed = [&](const std::function<void()> &work) {
        collectives->barrier();
        const auto start = Clock::now();
        work();
        return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    };
    for (int round = -kWarmup; round < kRounds; ++round) {
        const double alone = timed(backward);
        const double then = timed([&] {
            backward();
            flatReduce();
        });
        // The reducer's hooks, for this kind of step only.
        mf::GradientReducer hooks(collectives, parameters);
        const double during = timed([&] {
            for (const torch::Tensor &parameter : parameters)
                const_cast<torch::Tensor &>(parameter).mutable_grad().reset();
            hooks.prepare();
            torch::nn::functional::cross_entropy(model->forward(inputs), labels).backward();
            hooks.finish();
        });
        if (round >= 0) {
            compute.push_back(alone);
            flatAfter.push_back(then);
            overlapped.push_back(during);
        }
    }
    const auto median = [](std::vector<double> samples) {
        std::sort(samples.begin(), samples.end());
        return samples[samples.size() / 2];
    };
    measured.compute = median(compute);
    measured.computeThenFlat = median(flatAfter);
    measured.overlapped = median(overlapped);
    if (rank == 0)
        figures = measured;
}

} // namespace

int main()
{
    const int port = mf::freeLoopbackPort();
    const pid_t child = ::fork();
    const int self = child == 0 ? 1 : 0;
    // The same seed on both sides: the ranks start from the same weights.
    const torch::nn::Sequential model = mf::buildModel({{"type", "cnn"}}, {1, 28, 28}, 10, 1);
    Figures figures;
    rank(self, port, model, figures);
    if (child == 0)
        return 0;
    ::waitpid(child, nullptr, 0);

    std::printf("%s, 2 ranks (processes, 1 torch thread each) over loopback Gloo; the "
                "Fashion-MNIST CNN's gradients, %.2f MB, channels-last; median of %d\n",
                mf::processorModel().c_str(), figures.bytes / 1e6, kRounds);
    std::printf("  buckets (GradientReducer's cut, last layers first):");
    for (const std::int64_t bytes : figures.bucketBytes)
        std::printf(" %.3f MB", bytes / 1e6);
    std::printf("\n");
    const auto rate = [&](double millis) { return figures.bytes / 1e6 / (millis / 1000.0); };
    std::printf("  all-reduce, one flat tensor        %7.3f ms  %7.0f MB/s\n", figures.flat,
                rate(figures.flat));
    std::printf("  all-reduce, the buckets in turn    %7.3f ms  %7.0f MB/s  (x%.2f the flat "
                "time)\n",
                figures.bucketed, rate(figures.bucketed), figures.bucketed / figures.flat);
    std::printf("  (a step's added time includes waiting for the slower rank at the all-reduce)\n");
    std::printf("  step: forward + backward alone     %7.3f ms\n", figures.compute);
    std::printf("  step + flat all-reduce after it    %7.3f ms  (+%.3f ms)\n",
                figures.computeThenFlat, figures.computeThenFlat - figures.compute);
    std::printf("  step, buckets during backward      %7.3f ms  (%+.3f ms; x%.2f the flat "
                "step)\n",
                figures.overlapped, figures.overlapped - figures.compute,
                figures.overlapped / figures.computeThenFlat);
    return 0;
}
