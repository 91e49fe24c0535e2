#include "core/compress/inferencelayout.h"

#include "core/kernels/kernelcache.h"
#include "core/kernels/kernelchooser.h"
#include "core/kernels/processormodel.h"
#include "core/kernels/timedmillis.h"
#include "core/train/environmentinfo.h"
#include "core/util/shapetext.h"

#include <algorithm>
#include <functional>
#include <map>

namespace mf {

namespace {

/// Runs `model` on `batch` layer by layer and returns the milliseconds of the layer at `index`
/// alone, its input as the layers before it in this pass just left it.
double layerMillisInModel(torch::nn::Sequential &model, std::size_t index,
                          const torch::Tensor &batch)
{
    torch::Tensor x = batch;
    double millis = 0.0;
    std::size_t position = 0;
    for (torch::nn::AnyModule &layer : *model) {
        if (position++ == index)
            millis = timedMillis(torch::kCPU, [&] { x = layer.forward(x); });
        else
            x = layer.forward(x);
    }
    return millis;
}

/// The kernel of each layer of `model` that has more than one, chosen layer by layer by timing
/// that layer inside the whole model's forward pass on `batch` (already in `layout`, as the model
/// is) with each of the layer's kernels: a layer timed alone, its input hot in the cache, can rank
/// its kernels otherwise than it runs in the model, and the whole pass's time buries a 0.06 ms
/// difference of a pooling layer in the noise of 1 ms of convolutions (timed that way, the pruned
/// CNN's second pooling chose a kernel 2.7 times slower in 4 of 30 choices). The chooser also
/// settles each candidate with one untimed pass before each timed one: the first pass after a
/// switch runs in the caches and allocator state the previous kernel left. The layers keep the
/// kernels chosen; the choices are returned by layer index.
std::map<std::size_t, std::string>
chooseLayerKernels(torch::nn::Sequential &model, TensorLayout layout, const torch::Tensor &batch,
                   const std::vector<PlannableLayer> &layers, KernelChooser &chooser, KernelKey key)
{
    torch::NoGradGuard noGrad;
    std::map<std::size_t, std::string> chosen;
    for (const PlannableLayer &layer : layers) {
        if (layer.kernels.size() < 2)
            continue;
        key.workload = std::string("inference in ") + layoutName(layout) + " on " +
                       shapeText(batch.sizes().vec()) + ", kernel of " + layer.name;
        const KernelDecision decision =
            chooser.choose(key, layer.kernels, [&](const std::string &kernel) {
                setLayerKernel(model, layer.index, kernel);
                return layerMillisInModel(model, layer.index, batch);
            });
        setLayerKernel(model, layer.index, decision.chosen);
        chosen[layer.index] = decision.chosen;
    }
    return chosen;
}

} // namespace

InferenceLayout InferenceLayout::choose(torch::nn::Sequential model,
                                        const std::vector<std::int64_t> &sampleShape)
{
    InferenceLayout chosen;
    chosen.m_model = model;
    const std::vector<TensorLayout> layouts = layoutCandidates(*model);
    const std::vector<PlannableLayer> layers = plannableLayers(model, torch::kCPU);
    const bool kernelChoice = std::any_of(
        layers.begin(), layers.end(), [](const auto &layer) { return layer.kernels.size() > 1; });
    if (sampleShape.size() != 3 || (layouts.size() < 2 && !kernelChoice))
        return chosen;
    std::vector<std::int64_t> shape{64};
    shape.insert(shape.end(), sampleShape.begin(), sampleShape.end());
    const torch::Tensor input = torch::rand(shape);

    KernelKey key;
    key.processor = processorModel();
    key.capability = cpuCapability();
    key.torch = torchVersion();
    key.device = "cpu";
    key.threads = at::get_num_threads();
    KernelCache memoryOnly; // a model just trained or pruned: nothing earlier to reuse
    KernelChooser chooser(memoryOnly, {3, 11, 1});

    // Each layout with the layer kernels fastest in it, then the fastest of those.
    std::map<TensorLayout, std::map<std::size_t, std::string>> kernelsIn;
    std::vector<std::string> names;
    // The weights go into each layout with the input: with one input channel the two input
    // layouts are the same bytes, and the convolution's layout follows its weight's.
    for (TensorLayout layout : layouts) {
        applyLayout(*model, layout);
        kernelsIn[layout] =
            chooseLayerKernels(model, layout, inLayout(input, layout), layers, chooser, key);
        names.push_back(layoutName(layout));
    }
    const auto useKernels = [&](TensorLayout layout) {
        applyLayout(*model, layout);
        for (const auto &[index, kernel] : kernelsIn[layout])
            setLayerKernel(model, index, kernel);
    };
    key.workload = "inference on " + shapeText(shape);
    const KernelDecision decision = chooser.choose(key, names, [&](const std::string &name) {
        const TensorLayout layout = layoutFromName(name).value();
        useKernels(layout);
        const torch::Tensor batch = inLayout(input, layout);
        torch::NoGradGuard noGrad;
        return timedMillis(torch::kCPU, [&] { model->forward(batch); });
    });
    chosen.m_layout = layoutFromName(decision.chosen).value();
    useKernels(chosen.m_layout);
    chosen.m_note = "inference layout at batch 64: " + decision.summary();
    std::string kernels;
    for (const auto &[index, kernel] : kernelsIn[chosen.m_layout])
        for (const PlannableLayer &layer : layers)
            if (layer.index == index)
                kernels += (kernels.empty() ? "" : ", ") + layer.name + " " + kernel;
    if (!kernels.empty())
        chosen.m_note += "; kernels " + kernels;
    return chosen;
}

InferenceForward InferenceLayout::forward() const
{
    return [model = m_model, layout = m_layout](const torch::Tensor &x) mutable {
        torch::NoGradGuard noGrad;
        return model->forward(inLayout(x, layout));
    };
}

} // namespace mf
