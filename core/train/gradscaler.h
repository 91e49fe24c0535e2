#pragma once
// Core-only header (includes torch): never include it from a header moc reads.

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace mf {

/// Dynamic loss scaling for float16 training, as torch.cuda.amp.GradScaler does it: the loss is
/// multiplied by a large scale before backward so that small gradients survive float16, the
/// gradients are divided by it again before clipping and the step, and a step whose gradients
/// overflowed (inf or nan) is skipped and the scale halved; after `growthInterval` clean steps
/// in a row the scale doubles.
class GradScaler
{
public:
    struct Options
    {
        double initialScale = 65536.0;
        double growthFactor = 2.0;
        double backoffFactor = 0.5;
        std::int64_t growthInterval = 2000;
    };

    GradScaler();
    explicit GradScaler(Options options);

    double scale() const { return m_scale; }
    /// `loss` times the scale, to call backward() on.
    torch::Tensor scaled(const torch::Tensor &loss) const;
    /// Divides the defined gradients of `parameters` by the scale, in place; true when one of
    /// them is not finite (the step must then be skipped).
    bool unscale(const std::vector<torch::Tensor> &parameters) const;
    /// After the step (taken or skipped): backs off after an overflow, grows after a run of
    /// clean steps.
    void update(bool overflowed);

private:
    Options m_options;
    double m_scale;
    std::int64_t m_cleanSteps = 0;
};

} // namespace mf
