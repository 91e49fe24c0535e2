#include "core/models/residualblock.h"

#include "core/models/activation.h"
#include "core/models/syncablebatchnorm.h"

namespace mf {

ResidualBlockImpl::ResidualBlockImpl(const ResidualBlockOptions &options) : options(options)
{
    reset();
}

void ResidualBlockImpl::reset()
{
    using namespace torch::nn;
    const auto in = options.inChannels();
    const auto out = options.outChannels();
    const auto stride = options.stride();
    m_conv1 = register_module(
        "conv1", Conv2d(Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
    m_bn1 = register_module("bn1", SyncableBatchNorm2d(out));
    m_activation1 = makeActivation(options.activation());
    register_module("act1", m_activation1.ptr());
    m_conv2 = register_module("conv2",
                              Conv2d(Conv2dOptions(out, out, 3).stride(1).padding(1).bias(false)));
    m_bn2 = register_module("bn2", SyncableBatchNorm2d(out));
    if (stride != 1 || in != out) {
        m_shortcut = register_module(
            "shortcut", Sequential(Conv2d(Conv2dOptions(in, out, 1).stride(stride).bias(false)),
                                   SyncableBatchNorm2d(out)));
    } else {
        m_shortcut = nullptr;
    }
    m_activation2 = makeActivation(options.activation());
    register_module("act2", m_activation2.ptr());
}

torch::Tensor ResidualBlockImpl::forward(const torch::Tensor &input)
{
    auto x = m_activation1.forward(m_bn1(m_conv1(input)));
    x = m_bn2(m_conv2(x));
    x = x + (m_shortcut ? m_shortcut->forward(input) : input);
    return m_activation2.forward(x);
}

} // namespace mf
