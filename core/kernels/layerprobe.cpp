#include "core/kernels/layerprobe.h"

namespace mf {

LayerProbe::LayerProbe(torch::nn::Sequential model, const torch::Tensor &inputs,
                       TensorLayout layout)
    : m_model(std::move(model))
{
    std::vector<bool> needsGrad;
    {
        torch::NoGradGuard noGrad;
        torch::Tensor x = inLayout(inputs, layout);
        bool afterParameters = false;
        for (auto &layer : *m_model) {
            m_inputs.push_back(x);
            needsGrad.push_back(afterParameters);
            afterParameters = afterParameters || !layer.ptr()->parameters().empty();
            x = layer.forward(x);
        }
    }
    for (std::size_t i = 0; i < m_inputs.size(); ++i)
        m_inputs[i] =
            m_inputs[i].detach().clone(at::MemoryFormat::Preserve).requires_grad_(needsGrad[i]);
    m_outputGradients.resize(m_inputs.size());
}

void LayerProbe::forwardBackward(std::size_t index)
{
    torch::nn::AnyModule &layer = *(m_model->begin() + static_cast<std::ptrdiff_t>(index));
    for (torch::Tensor &parameter : layer.ptr()->parameters())
        parameter.mutable_grad().reset();
    torch::Tensor &input = m_inputs.at(index);
    input.mutable_grad().reset();
    const torch::Tensor output = layer.forward(input);
    torch::Tensor &gradient = m_outputGradients[index];
    if (!gradient.defined() || gradient.sizes() != output.sizes())
        gradient = torch::ones_like(output);
    output.backward(gradient);
}

} // namespace mf
