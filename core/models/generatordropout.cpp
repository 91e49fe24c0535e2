#include "core/models/generatordropout.h"

#include "core/util/error.h"

namespace mf {

GeneratorDropoutImpl::GeneratorDropoutImpl(double probability) : m_probability(probability)
{
    if (!(probability >= 0.0 && probability < 1.0))
        throw ConfigError("dropout must be at least 0 and below 1, not " +
                          std::to_string(probability));
}

torch::Tensor GeneratorDropoutImpl::forward(const torch::Tensor &input)
{
    if (!is_training() || m_probability == 0.0)
        return input;
    if (!m_generator)
        return torch::dropout(input, m_probability, true);
    const double keep = 1.0 - m_probability;
    // float32 on the CPU: CPU kernels draw no half-precision masks.
    torch::Tensor mask = torch::empty(input.sizes(), torch::TensorOptions(torch::kFloat32));
    mask.bernoulli_(keep, *m_generator);
    mask.div_(keep);
    if (input.device() != mask.device() || input.scalar_type() != mask.scalar_type())
        mask = mask.to(input.options());
    return input * mask;
}

void GeneratorDropoutImpl::pretty_print(std::ostream &stream) const
{
    stream << "mf::GeneratorDropout(p=" << m_probability << ")";
}

void setDropoutGenerator(torch::nn::Module &model, const std::shared_ptr<at::Generator> &generator)
{
    for (const std::shared_ptr<torch::nn::Module> &module : model.modules()) {
        if (auto *dropout = module->as<GeneratorDropoutImpl>())
            dropout->setGenerator(generator);
    }
}

} // namespace mf
