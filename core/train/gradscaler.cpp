#include "core/train/gradscaler.h"

namespace mf {

GradScaler::GradScaler() : GradScaler(Options{}) {}

GradScaler::GradScaler(Options options) : m_options(options), m_scale(options.initialScale) {}

torch::Tensor GradScaler::scaled(const torch::Tensor &loss) const
{
    return loss * m_scale;
}

bool GradScaler::unscale(const std::vector<torch::Tensor> &parameters) const
{
    torch::NoGradGuard noGrad;
    const double inverse = 1.0 / m_scale;
    bool overflowed = false;
    for (const torch::Tensor &parameter : parameters) {
        const torch::Tensor &gradient = parameter.grad();
        if (!gradient.defined())
            continue;
        gradient.mul_(inverse);
        if (!overflowed && !torch::isfinite(gradient).all().item<bool>())
            overflowed = true;
    }
    return overflowed;
}

void GradScaler::update(bool overflowed)
{
    if (overflowed) {
        m_scale *= m_options.backoffFactor;
        m_cleanSteps = 0;
        return;
    }
    if (++m_cleanSteps >= m_options.growthInterval) {
        m_scale *= m_options.growthFactor;
        m_cleanSteps = 0;
    }
}

} // namespace mf
