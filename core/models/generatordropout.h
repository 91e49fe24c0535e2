#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <memory>

namespace mf {

/// Dropout that draws its masks from a generator its owner gives it (the run's own), never from
/// torch's process-wide one: a run's masks then depend on its seed alone, whatever other threads
/// of the process (an evaluation, another run) do with torch's generator meanwhile.
///
/// Without a generator (setDropoutGenerator not called) it falls back to torch::dropout and the
/// global generator, as torch::nn::Dropout does. In eval mode it passes its input through.
/// On a device other than the CPU the mask is drawn on the CPU and copied over: only CPU
/// generators can be created without the device's own headers.
class GeneratorDropoutImpl : public torch::nn::Cloneable<GeneratorDropoutImpl>
{
public:
    explicit GeneratorDropoutImpl(double probability = 0.5);

    void reset() override {}
    torch::Tensor forward(const torch::Tensor &input);
    void pretty_print(std::ostream &stream) const override;

    double probability() const { return m_probability; }
    void setGenerator(std::shared_ptr<at::Generator> generator)
    {
        m_generator = std::move(generator);
    }

private:
    double m_probability;
    std::shared_ptr<at::Generator> m_generator;
};

TORCH_MODULE(GeneratorDropout);

/// Gives every GeneratorDropout in `model` (and its children) `generator`.
void setDropoutGenerator(torch::nn::Module &model, const std::shared_ptr<at::Generator> &generator);

} // namespace mf
