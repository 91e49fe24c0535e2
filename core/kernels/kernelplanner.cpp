#include "core/kernels/kernelplanner.h"

#include "core/kernels/layerprobe.h"
#include "core/kernels/processormodel.h"
#include "core/kernels/timedmillis.h"
#include "core/models/generatordropout.h"
#include "core/train/environmentinfo.h"
#include "core/train/plannedadam.h"
#include "core/util/error.h"
#include "core/util/shapetext.h"

#include <torch/cuda.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <sstream>

namespace mf {

namespace {

using Clock = std::chrono::steady_clock;

void resetGradients(torch::nn::Module &module)
{
    for (torch::Tensor &parameter : module.parameters())
        parameter.mutable_grad().reset();
}

std::string shapeIn(const torch::Tensor &tensor, TensorLayout layout)
{
    return shapeText(tensor.sizes().vec()) +
           (tensor.dim() == 4 ? std::string(" ") + layoutName(layout) : std::string());
}

std::string describe(const torch::nn::Module &module)
{
    std::ostringstream text;
    module.pretty_print(text);
    return text.str();
}

} // namespace

KernelPlan planKernels(torch::nn::Sequential &model,
                       const std::function<torch::nn::Sequential()> &makeCopy,
                       const std::string &workload, const torch::Tensor &inputs,
                       const std::function<torch::Tensor(const torch::Tensor &)> &loss,
                       torch::Device device, const KernelPlannerOptions &options,
                       const OptimizerUnderPlan &optimizer)
{
    KernelPlan plan;
    KernelChoice &choice = plan.choice;
    choice.processor = processorModel();
    choice.capability = cpuCapability();
    choice.threads = at::get_num_threads();
    KernelKey machineKey;
    machineKey.processor = choice.processor;
    machineKey.capability = choice.capability;
    machineKey.torch = torchVersion();
    machineKey.device = device.str();
    machineKey.threads = choice.threads;

    KernelCache cache(options.cachePath);
    KernelChooser chooser(cache, options.rounds);
    const auto start = Clock::now();
    bool measured = false;
    const auto freshCopy = [&](TensorLayout layout) {
        torch::nn::Sequential copy = makeCopy();
        // Copies draw their dropout masks from a generator of their own, not the run's.
        setDropoutGenerator(*copy,
                            std::make_shared<at::Generator>(at::detail::createCPUGenerator(0)));
        copy->to(device);
        copy->train();
        applyLayout(*copy, layout);
        return copy;
    };
    // Measures (or finds in the cache) one decision; the caller records it in choice.ops.
    const auto decide = [&](const std::string &op, const std::string &what,
                            const std::vector<std::string> &candidates,
                            const KernelChooser::Timer &timer) {
        // A key of its own: the layout's timer makes the layers' decisions while it is chosen.
        KernelKey key = machineKey;
        key.workload = what;
        const KernelChooser::Timer timed =
            options.timer
                ? [&](const std::string &candidate) { return options.timer(op, candidate); }
                : timer;
        KernelDecision decision = chooser.choose(key, candidates, timed);
        measured = measured || !decision.cached;
        return decision;
    };

    // Each layer with a choice of kernels, alone, on the input it gets in the model in `layout`.
    const std::vector<PlannableLayer> layers = plannableLayers(model, device);
    const bool anyLayerChoice = std::any_of(
        layers.begin(), layers.end(), [](const PlannableLayer &l) { return l.kernels.size() > 1; });
    struct LayersPlan
    {
        std::map<std::size_t, std::string> kernels; ///< by layer index; absent: aten
        std::vector<KernelOpChoice> ops;
    };
    std::map<TensorLayout, LayersPlan> layersPlans;
    const auto planLayers = [&](TensorLayout layout) -> const LayersPlan & {
        if (const auto found = layersPlans.find(layout); found != layersPlans.end())
            return found->second;
        LayersPlan &planned = layersPlans[layout];
        if (!anyLayerChoice)
            return planned;
        torch::nn::Sequential probeModel = freshCopy(layout);
        LayerProbe probe(probeModel, inputs, layout);
        for (const PlannableLayer &layer : layers) {
            if (layer.kernels.size() < 2)
                continue;
            const auto timer = [&](const std::string &kernel) {
                setLayerKernel(probeModel, layer.index, kernel);
                return timedMillis(device, [&] { probe.forwardBackward(layer.index); });
            };
            const std::string shape = shapeIn(probe.input(layer.index), layout);
            const std::shared_ptr<torch::nn::Module> module =
                probeModel->children().at(layer.index);
            KernelDecision decision =
                decide(layer.name, describe(*module) + " on " + shape, layer.kernels, timer);
            setLayerKernel(probeModel, layer.index, decision.chosen);
            planned.kernels[layer.index] = decision.chosen;
            planned.ops.push_back({layer.name, shape, std::move(decision)});
        }
        return planned;
    };

    // 1. The layout, on the whole model, each layout with the layer kernels that are best in it
    //    (2.): a layout that only pays with its own kernels is not judged by another's.
    const std::vector<TensorLayout> layouts = layoutCandidates(*model);
    if (layouts.size() > 1) {
        std::vector<std::string> names;
        for (TensorLayout layout : layouts)
            names.push_back(layoutName(layout));
        std::map<std::string, torch::nn::Sequential> copies;
        const auto timer = [&](const std::string &name) {
            const TensorLayout layout = layoutFromName(name).value();
            auto found = copies.find(name);
            if (found == copies.end()) {
                torch::nn::Sequential copy = freshCopy(layout);
                for (const auto &[index, kernel] : planLayers(layout).kernels)
                    setLayerKernel(copy, index, kernel);
                found = copies.emplace(name, copy).first;
            }
            torch::nn::Sequential &copy = found->second;
            const torch::Tensor batch = inLayout(inputs, layout);
            return timedMillis(device, [&] {
                resetGradients(*copy);
                loss(copy->forward(batch)).backward();
            });
        };
        const std::string shape = shapeText(inputs.sizes().vec());
        KernelDecision decision =
            decide("layout", "model " + workload + " with its best layer kernels on " + shape,
                   names, timer);
        plan.layout = layoutFromName(decision.chosen).value();
        choice.ops.push_back({"layout", shape, std::move(decision)});
    }
    applyLayout(*model, plan.layout);

    // 2. The layers' kernels in the chosen layout.
    const LayersPlan &layersPlan = planLayers(plan.layout);
    for (const auto &[index, kernel] : layersPlan.kernels)
        setLayerKernel(model, index, kernel);
    choice.ops.insert(choice.ops.end(), layersPlan.ops.begin(), layersPlan.ops.end());

    // 3. The optimiser's step, on copies of the parameters in the chosen layout.
    if (optimizer.optimizer != nullptr &&
        optimizerKernels(*optimizer.optimizer, device).size() > 1) {
        std::vector<torch::Tensor> parameters;
        std::string shapes;
        {
            torch::NoGradGuard noGrad;
            for (const torch::Tensor &parameter : model->parameters()) {
                torch::Tensor copy = parameter.detach().clone(at::MemoryFormat::Preserve);
                copy.mutable_grad() = torch::full_like(copy, 1e-3, at::MemoryFormat::Preserve);
                parameters.push_back(copy);
                shapes += (shapes.empty() ? "" : " ") + shapeText(copy.sizes().vec());
            }
        }
        std::map<std::string, std::unique_ptr<torch::optim::Optimizer>> copies;
        const auto timer = [&](const std::string &kernel) {
            auto found = copies.find(kernel);
            if (found == copies.end()) {
                found = copies.emplace(kernel, optimizer.makeCopy(parameters)).first;
                setOptimizerKernel(*found->second, kernel);
            }
            return timedMillis(device, [&] { found->second->step(); });
        };
        const std::string shape = std::to_string(parameters.size()) + " tensors";
        KernelDecision decision = decide(
            "optimizer", "optimizer " + optimizer.workload + " over " + shapes + " on " + shape,
            optimizerKernels(*optimizer.optimizer, device), timer);
        setOptimizerKernel(*optimizer.optimizer, decision.chosen);
        choice.ops.push_back({"optimizer", shape, std::move(decision)});
    }

    choice.plan = layoutName(plan.layout);
    for (const PlannableLayer &layer : layers)
        choice.plan += ", " + layer.name + " " + layerKernel(model, layer.index);
    if (optimizer.optimizer != nullptr)
        choice.plan += ", optimizer " + optimizerKernel(*optimizer.optimizer);
    if (measured)
        choice.measureSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    choice.note = cache.problem();
    return plan;
}

} // namespace mf
