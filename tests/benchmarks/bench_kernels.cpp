// Each custom kernel against the ATen operator it replaces, on the shapes the benchmark CNN
// (the default "cnn" model on Fashion-MNIST, batch 64) trains on: the forward and backward pass
// of each layer alone, in both layouts, and the Adam step over the model's parameters; median of
// 30 runs after 5 untimed ones. Prints the
// times and their ratio to ATen's; it is not a pass/fail test. The engine makes the same
// measurement before a run (core/kernels/kernelplanner.h) and keeps the faster one.
//
//     build/tests/benchmarks/bench_kernels [threads]
#include "core/kernels/kernelplan.h"
#include "core/kernels/layerprobe.h"
#include "core/kernels/processormodel.h"
#include "core/models/modelfactory.h"
#include "core/train/environmentinfo.h"
#include "core/train/plannedadam.h"
#include "core/util/shapetext.h"
#include "core/util/torchthreads.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double medianMillis(const std::function<void()> &work)
{
    for (int i = 0; i < 5; ++i)
        work();
    std::vector<double> times;
    for (int i = 0; i < 30; ++i) {
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    const int threads = mf::setTorchThreads(argc > 1 ? std::atoi(argv[1]) : 0);
    torch::manual_seed(1);
    std::printf("%s, ATen CPU capability %s, oneDNN %s, %d thread(s)\n",
                mf::processorModel().c_str(), mf::cpuCapability().c_str(),
                mf::oneDnnVersion().empty() ? "none" : mf::oneDnnVersion().c_str(), threads);
    std::printf("%-6s %-6s %-20s %-12s %10s %10s\n", "layer", "layout", "input", "kernel", "ms f+b",
                "aten/this");
    const torch::Tensor images = torch::randn({64, 1, 28, 28});
    for (mf::TensorLayout layout : {mf::TensorLayout::Nchw, mf::TensorLayout::Nhwc}) {
        torch::nn::Sequential model = mf::buildModel({{"type", "cnn"}}, {1, 28, 28}, 10, 1);
        mf::applyLayout(*model, layout);
        mf::LayerProbe probe(model, images, layout);
        for (const mf::PlannableLayer &layer : mf::plannableLayers(model, torch::kCPU)) {
            double aten = 0.0;
            for (const std::string &kernel : layer.kernels) {
                mf::setLayerKernel(model, layer.index, kernel);
                const double millis = medianMillis([&] { probe.forwardBackward(layer.index); });
                if (kernel == "aten")
                    aten = millis;
                std::printf("%-6s %-6s %-20s %-12s %10.2f %10.2f\n", layer.name.c_str(),
                            mf::layoutName(layout),
                            mf::shapeText(probe.input(layer.index).sizes().vec()).c_str(),
                            kernel.c_str(), millis, aten / millis);
            }
            mf::setLayerKernel(model, layer.index, "aten");
        }
    }

    // The step of Adam (lr 1e-3) over the CNN's parameters in NHWC, with gradients of the same
    // shapes and strides: LibTorch's step against the fused one.
    torch::nn::Sequential model = mf::buildModel({{"type", "cnn"}}, {1, 28, 28}, 10, 1);
    mf::applyLayout(*model, mf::TensorLayout::Nhwc);
    std::vector<torch::Tensor> parameters;
    std::int64_t elements = 0;
    for (const torch::Tensor &parameter : model->parameters()) {
        torch::Tensor copy = parameter.detach().clone(at::MemoryFormat::Preserve);
        copy.mutable_grad() = torch::randn_like(copy, at::MemoryFormat::Preserve) * 1e-3;
        parameters.push_back(copy);
        elements += copy.numel();
    }
    mf::PlannedAdam adam(parameters, torch::optim::AdamOptions(1e-3));
    double aten = 0.0;
    for (const std::string &kernel : mf::optimizerKernels(adam, torch::kCPU)) {
        mf::setOptimizerKernel(adam, kernel);
        const double millis = medianMillis([&] { adam.step(); });
        if (kernel == "aten")
            aten = millis;
        std::printf(
            "%-6s %-6s %-20s %-12s %10.2f %10.2f\n", "adam", "nhwc",
            (std::to_string(parameters.size()) + " tensors, " + std::to_string(elements)).c_str(),
            kernel.c_str(), millis, aten / millis);
    }
    return 0;
}
