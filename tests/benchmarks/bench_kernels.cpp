// Each custom kernel against the ATen operator it replaces, on the shapes the benchmark CNN
// (the default "cnn" model on Fashion-MNIST, batch 64) trains on: the forward and backward pass
// of each layer alone, in both layouts, median of 30 runs after 5 untimed ones. Prints the
// times and their ratio to ATen's; it is not a pass/fail test. The engine makes the same
// measurement before a run (core/kernels/kernelplanner.h) and keeps the faster one.
//
//     build/tests/benchmarks/bench_kernels [threads]
#include "core/kernels/kernelplan.h"
#include "core/kernels/processormodel.h"
#include "core/models/modelfactory.h"
#include "core/train/environmentinfo.h"
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
        // Each layer's input as it is in the model.
        std::vector<torch::Tensor> inputs;
        {
            torch::NoGradGuard noGrad;
            torch::Tensor x = mf::inLayout(images, layout);
            for (auto &layer : *model) {
                inputs.push_back(x);
                x = layer.forward(x);
            }
        }
        for (const mf::PlannableLayer &layer : mf::plannableLayers(model, torch::kCPU)) {
            torch::Tensor input = inputs[layer.index].clone(at::MemoryFormat::Preserve);
            input.requires_grad_(layer.index > 0);
            auto &module = *(model->begin() + static_cast<std::ptrdiff_t>(layer.index));
            double aten = 0.0;
            for (const std::string &kernel : layer.kernels) {
                mf::setLayerKernel(model, layer.index, kernel);
                torch::Tensor gradient;
                const double millis = medianMillis([&] {
                    for (torch::Tensor &p : module.ptr()->parameters())
                        p.mutable_grad().reset();
                    input.mutable_grad().reset();
                    const torch::Tensor output = module.forward(input);
                    if (!gradient.defined())
                        gradient = torch::ones_like(output);
                    output.backward(gradient);
                });
                if (kernel == "aten")
                    aten = millis;
                std::printf("%-6s %-6s %-20s %-12s %10.2f %10.2f\n", layer.name.c_str(),
                            mf::layoutName(layout), mf::shapeText(input.sizes().vec()).c_str(),
                            kernel.c_str(), millis, aten / millis);
            }
            mf::setLayerKernel(model, layer.index, "aten");
        }
    }
    return 0;
}
