#include "core/compress/inferencelayout.h"

#include "core/kernels/kernelcache.h"
#include "core/kernels/kernelchooser.h"
#include "core/kernels/processormodel.h"
#include "core/train/environmentinfo.h"
#include "core/util/shapetext.h"

#include <chrono>

namespace mf {

InferenceLayout InferenceLayout::choose(torch::nn::Sequential model,
                                        const std::vector<std::int64_t> &sampleShape)
{
    InferenceLayout chosen;
    chosen.m_model = model;
    const std::vector<TensorLayout> layouts = layoutCandidates(*model);
    if (sampleShape.size() != 3 || layouts.size() < 2)
        return chosen;
    std::vector<std::int64_t> shape{64};
    shape.insert(shape.end(), sampleShape.begin(), sampleShape.end());
    const torch::Tensor input = torch::rand(shape);

    std::vector<std::string> names;
    for (TensorLayout layout : layouts)
        names.push_back(layoutName(layout));
    KernelKey key;
    key.processor = processorModel();
    key.capability = cpuCapability();
    key.torch = torchVersion();
    key.device = "cpu";
    key.threads = at::get_num_threads();
    key.workload = "inference on " + shapeText(shape);
    KernelCache memoryOnly; // a model just trained or pruned: nothing earlier to reuse
    const KernelDecision decision =
        KernelChooser(memoryOnly, {3, 7}).choose(key, names, [&](const std::string &name) {
            const torch::Tensor batch = inLayout(input, layoutFromName(name).value());
            torch::NoGradGuard noGrad;
            const auto start = std::chrono::steady_clock::now();
            model->forward(batch);
            return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                             start)
                .count();
        });
    chosen.m_layout = layoutFromName(decision.chosen).value();
    chosen.m_note = "inference layout at batch 64: " + decision.summary();
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
